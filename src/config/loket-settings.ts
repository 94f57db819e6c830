import { LOKET_ENVIRONMENTS } from "./loket-schema.js";
import type { RawConnector } from "./schema.js";
import type { LoketSettings } from "./types.js";

type Problems = { key: string; message: string }[];
type SecretReader = (raw: Record<string, unknown>, name: string, key: string, required: boolean) => string | null;

/**
 * `[connectors.loket]` resolved (the Loket spec §3), and the kind's own rules: kind loket needs the section, and
 * `managers = true` is refused because Loket has no manager field to read. `at` is `connectors[N]`.
 */
export function loketConnector(
  raw: RawConnector,
  at: string,
  secret: SecretReader,
  problems: Problems,
): LoketSettings | null {
  if (raw.kind === "loket" && !raw.loket) problems.push({ key: `${at}.loket`, message: "required for kind loket" });
  if (raw.kind === "loket" && raw.managers)
    problems.push({
      key: `${at}.managers`,
      message: "Loket has no manager field: managers must stay false for kind loket (docs/loket.md)",
    });
  if (!raw.loket) return null;
  const section = raw.loket;
  const clientSecret = secret(section, "client_secret", `${at}.loket.client_secret`, true);
  if ((section.api_url === undefined) !== (section.oauth_url === undefined)) {
    const missing = section.api_url === undefined ? "api_url" : "oauth_url";
    problems.push({ key: `${at}.loket.${missing}`, message: "give both api_url and oauth_url, or neither" });
  }
  const hosts = LOKET_ENVIRONMENTS[section.environment];
  const explicit = section.api_url !== undefined && section.oauth_url !== undefined;
  return {
    environment: section.environment,
    apiUrl: explicit ? trimSlash(section.api_url as string) : hosts.apiUrl,
    oauthUrl: explicit ? trimSlash(section.oauth_url as string) : hosts.oauthUrl,
    clientId: section.client_id,
    clientSecret: clientSecret ?? "",
    employers: section.employers.map((employer) => String(employer).trim()),
    pageSize: section.page_size,
    timeoutSeconds: section.timeout_seconds,
  };
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}
