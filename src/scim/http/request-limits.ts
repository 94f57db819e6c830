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
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new ScimError(413, `The request body is larger than ${maxBytes} bytes.`);
    },
  });
}
