import { Hono, type MiddlewareHandler } from "hono";
import { mount } from "hono/mount";
import { requestId } from "hono/request-id";
import { authenticate } from "./auth/authenticate.js";
import { discoveryRoutes } from "./discovery/discovery-routes.js";
import { scimErrorHandler, scimNotFound } from "./http/error-handling.js";
import { limitBodySize, limitUrlLength, REQUEST_LIMITS } from "./http/request-limits.js";
import { scimPath } from "./http/scim-path.js";
import { requestLogging } from "./observe/request-logging.js";
import { readOnlyRoutes } from "./resources/read-only-routes.js";
import { resourceRoutes } from "./resources/resource-routes.js";
import type { ScimAppDeps, ScimEnv } from "./scim-env.js";

/**
 * The read-only SCIM 2.0 API Okta imports from, one Base URL per connector: `<public_url>/scim/v2/<connectorId>`.
 *
 * Mount it with `app.all("/scim/v2/*", scimHandler(scim))`, not `app.route()`: its own getPath makes endpoint names
 * case-insensitive, which only applies when it routes the request itself.
 */
export function createScimApp(deps: ScimAppDeps): Hono<ScimEnv> {
  const app = new Hono<ScimEnv>({ getPath: scimPath });
  app.onError(scimErrorHandler(deps.logger));
  app.notFound(scimNotFound);

  app.use(requestId({ limitLength: 64 }));
  app.use(requestLogging(deps));
  app.use(limitUrlLength(REQUEST_LIMITS.maxUrlBytes));
  app.use(limitBodySize(REQUEST_LIMITS.maxBodyBytes));
  app.use("/:connectorId/*", authenticate(deps));

  app.route("/:connectorId/Users", resourceRoutes("User", deps));
  app.route("/:connectorId/Groups", resourceRoutes("Group", deps));
  app.route("/:connectorId", discoveryRoutes(deps));
  app.route("/:connectorId", readOnlyRoutes(deps));
  return app;
}

/** The SCIM app as a handler below SCIM_MOUNT_PATH; the request is passed on unchanged (scimPath drops the prefix). */
export function scimHandler(scim: Hono<ScimEnv>): MiddlewareHandler {
  // The bindings only: mount()'s default also asks for an execution context, which Node has not, and that throws
  // (an Error with its stack trace per request).
  return mount(scim.fetch, { replaceRequest: false, optionHandler: (c) => c.env });
}
