import { Hono } from "hono";
import type { ConsoleDeps, ConsoleEnv } from "../deps.js";
import { syncRoutes } from "../runs/sync-routes.js";
import { connectorDeleteRoutes } from "./connector-delete.js";
import { connectorFormRoutes } from "./connector-form-routes.js";
import { connectorListRoutes } from "./connector-list.js";
import { connectorPageRoutes } from "./connector-page.js";

/**
 * Connectors: list, create, edit, delete, "Test connection", schedule preview; Sync now is mounted here too. The form
 * routes come before the connector page, so "/connectors/new" is the form and not a connector called "new".
 */
export function connectorRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  app.route("/", connectorListRoutes(deps));
  app.route("/", connectorFormRoutes(deps));
  app.route("/", connectorPageRoutes(deps));
  app.route("/", connectorDeleteRoutes(deps));
  app.route("/", syncRoutes(deps));
  return app;
}
