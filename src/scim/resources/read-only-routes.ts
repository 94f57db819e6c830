import { Hono, type Handler } from "hono";
import { ScimError } from "../scim-error.js";
import type { ScimAppDeps, ScimEnv } from "../scim-env.js";

/**
 * Every write Okta's Push ("To App" provisioning) would send. HR is the source of truth, so the gateway changes
 * nothing and says so with 501 and a detail the Okta admin sees under Tasks.
 */
export function readOnlyRoutes(deps: ScimAppDeps): Hono<ScimEnv> {
  const refuse: Handler<ScimEnv> = (c) => {
    deps.logger.warn(
      {
        connector: c.get("connectorId"),
        method: c.req.method,
        path: c.req.path,
        userAgent: c.req.header("user-agent"),
      },
      "refused a SCIM write: Okta's To App provisioning is enabled for a read-only source",
    );
    throw new ScimError(
      501,
      "This SCIM API is read-only: employees come from the HR system. In Okta, open this app's Provisioning → " +
        "To App settings and disable Create Users, Update User Attributes and Deactivate Users (and Push Groups).",
    );
  };
  const app = new Hono<ScimEnv>();
  app.post("/Users", refuse);
  app.post("/Groups", refuse);
  app.post("/Bulk", refuse);
  app.on(["PUT", "PATCH", "DELETE"], ["/Users/:id", "/Groups/:id"], refuse);
  return app;
}
