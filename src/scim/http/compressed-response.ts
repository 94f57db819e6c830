import { promisify } from "node:util";
import { constants, gzip } from "node:zlib";
import type { Context } from "hono";
import { parseAccept } from "hono/utils/accept";
import { scimResponse } from "./scim-response.js";

/**
 * Responses smaller than this are sent as they are. A page of 100 users stays below it, so Okta's user import costs
 * what it did; `/Groups` pages, which grow with their members, are above it (BENCHMARKS.md, docs/groups.md).
 */
export const GZIP_THRESHOLD_BYTES = 256 * 1024;

// Fastest level: JSON of ids and names shrinks almost as much as at the default level, at a fraction of the CPU
// (BENCHMARKS.md). zlib works on libuv's thread pool, so the event loop keeps answering meanwhile.
const gzipAsync = promisify(gzip);
const GZIP_OPTIONS = { level: constants.Z_BEST_SPEED };

/** A SCIM resource or list response, gzipped when the client accepts gzip and the body is large enough to gain. */
export async function resourceResponse(
  c: Context,
  body: Buffer<ArrayBuffer>,
  headers: Record<string, string> = {},
): Promise<Response> {
  if (body.length < GZIP_THRESHOLD_BYTES) return scimResponse(c, body, 200, headers);
  // Caches between Okta and us must not hand a gzipped page to a client that did not ask for one.
  const vary = { ...headers, Vary: "Accept-Encoding" };
  if (!acceptsGzip(c.req.header("accept-encoding"))) return scimResponse(c, body, 200, vary);
  const zipped = (await gzipAsync(body, GZIP_OPTIONS)) as Buffer<ArrayBuffer>;
  return scimResponse(c, zipped, 200, { ...vary, "Content-Encoding": "gzip" });
}

function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  const accepts = parseAccept(header);
  const gzipQ = accepts.find((accept) => accept.type.toLowerCase() === "gzip")?.q;
  return (gzipQ ?? accepts.find((accept) => accept.type === "*")?.q ?? 0) > 0;
}
