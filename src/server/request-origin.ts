import { BlockList, isIP } from "node:net";
import type { Context } from "hono";
import { getConnInfo } from "@hono/node-server/conninfo";

/** Who sent a request and over what, as far as the gateway can trust it. */
export interface RequestOrigin {
  /** The client's IP address: for throttling, audit and logs. */
  clientAddress(c: Context): string;
  /** Whether the browser reached us over https (decides the Secure cookie flag). */
  isHttps(c: Context): boolean;
}

/**
 * X-Forwarded-* headers are believed only when the request comes from a configured reverse proxy; from anyone
 * else they are ignored, or a client could pick its own address and slip past login throttling.
 */
export function requestOrigin(trustedProxies: readonly string[]): RequestOrigin {
  const trusted = new BlockList();
  for (const entry of trustedProxies) addToBlockList(trusted, entry);
  const isTrusted = (address: string) => {
    if (trustedProxies.length === 0) return false; // the usual case, asked several times per request
    const family = isIP(address);
    return family !== 0 && trusted.check(address, family === 6 ? "ipv6" : "ipv4");
  };

  const peerAddress = (c: Context) => normalise(getConnInfo(c).remote.address ?? "");

  return {
    clientAddress(c) {
      const peer = peerAddress(c);
      if (!isTrusted(peer)) return peer;
      // Walk the chain from the nearest hop outwards; the first address that is not one of our proxies is the client.
      const hops = (c.req.header("x-forwarded-for") ?? "")
        .split(",")
        .map((hop) => normalise(hop.trim()))
        .filter((hop) => isIP(hop) !== 0);
      for (let index = hops.length - 1; index >= 0; index -= 1) {
        const hop = hops[index]!;
        if (!isTrusted(hop)) return hop;
      }
      return hops[0] ?? peer;
    },
    isHttps(c) {
      if (new URL(c.req.url).protocol === "https:") return true;
      if (!isTrusted(peerAddress(c))) return false;
      const proto = c.req.header("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
      return proto === "https";
    },
  };
}

function addToBlockList(list: BlockList, entry: string): void {
  const [address = "", prefix] = entry.split("/");
  const family = isIP(address) === 6 ? "ipv6" : "ipv4";
  if (isIP(address) === 0) throw new Error(`server.trusted_proxies: "${entry}" is not an IP address or CIDR`);
  if (prefix === undefined) list.addAddress(address, family);
  else list.addSubnet(address, Number(prefix), family);
}

/** "::ffff:127.0.0.1" (IPv4 seen on an IPv6 socket) → "127.0.0.1". */
function normalise(address: string): string {
  return address.startsWith("::ffff:") && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}
