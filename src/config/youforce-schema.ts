import * as v from "valibot";
import { secretKeys } from "./secret-ref.js";

/**
 * `[connectors.youforce]`, pinned by the Youforce spec §3 (keys, defaults and limits); docs/youforce.md explains
 * each key to the admin. Kept apart from schema.ts so each HR source owns its own settings.
 */

const url = v.pipe(v.string(), v.url("must be a URL"), v.regex(/^https?:\/\//, "must start with http:// or https://"));
const required = v.pipe(v.string("must be a text"), v.trim(), v.nonEmpty("required"));

export const youforceSchema = v.strictObject({
  api_url: v.optional(url, "https://api.youforce.com"),
  token_url: v.optional(url, "https://connect.visma.com/connect/token"),
  /** The app in the Visma Developer Portal. */
  client_id: required,
  ...secretKeys("client_secret"),
  /** The customer's tenant, known once the customer accepted the app's invitation. */
  tenant_id: required,
  /** Company shortNames to serve; empty = every company found. */
  companies: v.optional(v.array(v.union([v.string(), v.number()], "must be company codes")), []),
  timeout_seconds: v.optional(
    v.pipe(
      v.number("must be a number"),
      v.integer("must be a whole number"),
      v.minValue(1, "must be at least 1"),
      v.maxValue(600, "must be at most 600"),
    ),
    60,
  ),
});

export type RawYouforce = v.InferOutput<typeof youforceSchema>;

/** `[connectors.youforce]` resolved: the secret read, URLs without a trailing slash, company codes as trimmed text. */
export interface YouforceSettings {
  readonly apiUrl: string;
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly tenantId: string;
  readonly companies: readonly string[];
  readonly timeoutSeconds: number;
}

/** Reads a secret of a raw section by name, reporting a missing or unreadable one under `key` (load.ts). */
export type SecretReader = (
  raw: Record<string, unknown>,
  name: string,
  key: string,
  required: boolean,
) => string | null;

export function youforceSettings(raw: RawYouforce, at: string, secret: SecretReader): YouforceSettings {
  return {
    apiUrl: raw.api_url.replace(/\/+$/, ""),
    tokenUrl: raw.token_url,
    clientId: raw.client_id,
    clientSecret: secret(raw, "client_secret", `${at}.client_secret`, true) ?? "",
    tenantId: raw.tenant_id,
    companies: raw.companies.map((code) => String(code).trim()),
    timeoutSeconds: raw.timeout_seconds,
  };
}
