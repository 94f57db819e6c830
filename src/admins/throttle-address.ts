import { isIP } from "node:net";

/**
 * What login throttling counts as one address: an IPv4 address as it is; an IPv6 address by its /64, because one
 * subscriber (a home connection, a cloud machine) is usually given a whole /64 and could otherwise take a fresh
 * address, and so a fresh allowance, for every guess.
 */
export function throttleAddress(address: string): string {
  const plain = address.split("%")[0]!;
  if (isIP(plain) !== 6) return address;
  const groups = ipv6Groups(plain);
  return `${groups.slice(0, 4).join(":")}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, in lower-case hex without leading zeros. */
function ipv6Groups(address: string): string[] {
  const [head = "", tail] = address.split("::");
  const toGroups = (part: string) => (part === "" ? [] : part.split(":").flatMap(embeddedIpv4));
  const front = toGroups(head);
  const back = tail === undefined ? [] : toGroups(tail);
  const zeros = Array.from({ length: 8 - front.length - back.length }, () => "0");
  return [...front, ...zeros, ...back].map((group) => Number.parseInt(group, 16).toString(16));
}

/** "1.2.3.4" at the end of an IPv6 address is two groups. */
function embeddedIpv4(group: string): string[] {
  if (!group.includes(".")) return [group];
  const [a = 0, b = 0, c = 0, d = 0] = group.split(".").map(Number);
  return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
}
