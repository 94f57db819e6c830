import type { ErrorHandler, NotFoundHandler } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Logger } from "../../logging/logger.js";
import { ScimError, scimErrorBody } from "../scim-error.js";
import type { ScimEnv } from "../scim-env.js";
import { scimResponse } from "./scim-response.js";

/**
 * Every error leaves as a SCIM Error body. A ScimError was written for the client; anything else is logged with the
 * request id and answered with a generic 500 (never a stack trace or SQL). A 5xx also matters to Okta: an empty 200
 * would look like "everyone left" and trip its import safeguard.
 */
export function scimErrorHandler(logger: Logger): ErrorHandler<ScimEnv> {
  return (error, c) => {
    const requestId = c.get("requestId");
    const scimError =
      error instanceof ScimError
        ? error
        : new ScimError(
            500,
            `The gateway could not answer this request. Its log has the details under request id ${requestId}.`,
          );
    if (!(error instanceof ScimError)) logger.error({ err: error, requestId, path: c.req.path }, "SCIM request failed");
    c.set("outcome", { error: `${scimError.scimType ?? scimError.status}: ${scimError.detail}` });
    return scimResponse(c, scimErrorBody(scimError), scimError.status as ContentfulStatusCode, {
      ...scimError.headers,
    });
  };
}

export const scimNotFound: NotFoundHandler<ScimEnv> = (c) => {
  const error = new ScimError(404, `There is no SCIM endpoint ${c.req.method} ${c.req.path}.`);
  c.set("outcome", { error: `404: ${error.detail}` });
  return scimResponse(c, scimErrorBody(error), 404);
};
