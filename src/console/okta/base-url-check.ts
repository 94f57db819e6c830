import { isIP } from "node:net";

/**
 * Why Okta could not use a SCIM Base URL, or null when it looks usable. Okta calls the Base URL from its cloud, over
 * https, so a plain-http URL, a loopback name or a private address cannot work (specs/okta-scim.md §1.3: Okta then
 * reports "Error authenticating: Connect to … failed" on Test Connector Configuration). The host is not resolved:
 * this judges only what the admin would paste into Okta.
 */
export function baseUrlProblem(baseUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return "it is not a valid URL";
  }
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost") || isLoopback(host)) return "it points at this machine itself (a loopback address)";
  if (isPrivate(host)) return "it is a private network address, which Okta cannot reach from the internet";
  if (url.protocol !== "https:") return "it uses plain http; Okta requires https";
  return null;
}

function isLoopback(host: string): boolean {
  if (isIP(host) === 4) return host.startsWith("127.") || host === "0.0.0.0";
  return host === "::1" || host === "::";
}

function isPrivate(host: string): boolean {
  if (isIP(host) === 4) {
    const [a = 0, b = 0] = host.split(".").map(Number);
    return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254);
  }
  if (isIP(host) === 6) return /^f[cd]/.test(host) || /^fe[89ab]/.test(host);
  return false;
}
