/**
 * RFC 7232 §3.2 If-None-Match with weak comparison (the only kind GET may use): "*" or any listed tag whose opaque
 * part equals the resource's version. Versions are stored as weak tags (W/"…").
 */
export function ifNoneMatchHits(header: string | undefined, version: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  const wanted = opaque(version);
  return header.split(",").some((tag) => tag.trim() === "*" || opaque(tag) === wanted);
}
