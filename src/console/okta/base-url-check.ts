import { BlockList, isIP } from "node:net";

/**
 * Why Okta could not use a SCIM Base URL, or null when it looks usable. Okta calls the Base URL from its cloud, over
 * https, so a plain-http URL, a loopback name or a private address cannot work (Okta's SCIM documentation: Okta then
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
  if (host === "localhost" || host.endsWith(".localhost") || isLoopback(host))
    return "it points at this machine itself (a loopback address)";
  if (isPrivateAddress(host)) return "it is a private network address, which Okta cannot reach from the internet";
  if (url.protocol !== "https:") return "it uses plain http; Okta requires https";
  return null;
}

function isLoopback(host: string): boolean {
  if (isIP(host) === 4) return host.startsWith("127.") || host === "0.0.0.0";
  return host === "::1" || host === "::";
}

/** RFC 1918, link-local and IPv6 unique-local / link-local ranges: addresses Okta's cloud cannot route to. */
const PRIVATE_RANGES = new BlockList();
PRIVATE_RANGES.addSubnet("10.0.0.0", 8, "ipv4");
PRIVATE_RANGES.addSubnet("172.16.0.0", 12, "ipv4");
PRIVATE_RANGES.addSubnet("192.168.0.0", 16, "ipv4");
PRIVATE_RANGES.addSubnet("169.254.0.0", 16, "ipv4");
PRIVATE_RANGES.addSubnet("fc00::", 7, "ipv6");
PRIVATE_RANGES.addSubnet("fe80::", 10, "ipv6");

/** Whether a host (an address, or a name, which is never private here: it is not resolved) is in a private range. */
export function isPrivateAddress(host: string): boolean {
  const family = isIP(host);
  return family !== 0 && PRIVATE_RANGES.check(host, family === 4 ? "ipv4" : "ipv6");
}
