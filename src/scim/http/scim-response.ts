import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

export const SCIM_CONTENT_TYPE = "application/scim+json; charset=utf-8";

/**
 * A response with an already-serialised SCIM body. A string is encoded here once: given a string, the HTTP layer
 * measures its UTF-8 length for Content-Length and then encodes it again to write it.
 */
export function scimResponse(
  c: Context,
  body: string | Uint8Array<ArrayBuffer>,
  status: ContentfulStatusCode = 200,
  headers: Record<string, string> = {},
): Response {
  return c.body(typeof body === "string" ? Buffer.from(body, "utf8") : body, status, {
    ...headers,
    "Content-Type": SCIM_CONTENT_TYPE,
  });
}

/** Request bodies are JSON under either media type, with or without parameters (Okta and its SPEC test differ). */
export function isScimMediaType(contentType: string | undefined): boolean {
  const type = contentType?.split(";")[0]?.trim().toLowerCase();
  return type === "application/scim+json" || type === "application/json";
}
