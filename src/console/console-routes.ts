import { Hono } from "hono";
import { createConsoleApp } from "./console-app.js";
import type { ConsoleDeps } from "./deps.js";
import { loketCallbackRoutes } from "./loket/loket-consent-routes.js";
import { nmbrsCallbackRoutes } from "./nmbrs-rest/consent-routes.js";
import type { PendingConsents } from "./oauth-consent/pending-consents.js";

/**
 * Everything an admin's browser reaches: the console, and the OAuth callbacks where Nmbrs and Loket send the admin
 * back after "Connect to …" (each checks the consent itself, see the routes). The gateway imports this module at the
 * first such request (gateway.ts), so a gateway that only serves Okta never loads the console's pages and words.
 */
export function consoleRoutes(deps: ConsoleDeps & { readonly consents: PendingConsents }): Hono {
  const app = new Hono();
  app.route("/oauth/nmbrs", nmbrsCallbackRoutes(deps, deps.consents));
  app.route("/oauth/loket", loketCallbackRoutes(deps, deps.consents));
  app.route("/", createConsoleApp(deps));
  return app;
}
