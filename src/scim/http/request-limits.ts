import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { ScimError } from "../scim-error.js";

/** Far above any SCIM request Okta sends (a 100-member group PATCH is ~10 KB), far below what hurts. */
export const REQUEST_LIMITS = { maxUrlBytes: 8 * 1024, maxBodyBytes: 64 * 1024 } as const;

export function limitUrlLength(maxBytes: number): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.url.length > maxBytes) throw new ScimError(414, `The request URL is longer than ${maxBytes} bytes.`);
    await next();
  };
}

export function limitBodySize(maxBytes: number): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new ScimError(413, `The request body is larger than ${maxBytes} bytes.`);
    },
  });
  // A GET has no body to limit, and asking for one makes @hono/node-server build a full Request object: a tenth of
  // the server's time per page of an Okta import.
  return (c, next) => (c.req.method === "GET" || c.req.method === "HEAD" ? next() : limit(c, next));
}
