import { Hono, type MiddlewareHandler } from "hono";
import { authRoutes } from "./auth/auth-routes.js";
import { LoginThrottle } from "../admins/login-throttle.js";
import { csrfProtection, requireAdmin, sessionMiddleware } from "./auth/session-middleware.js";
import { SessionStore } from "../admins/session-store.js";
import { auditRoutes } from "./audit/audit-routes.js";
import { connectorRoutes } from "./connectors/connector-routes.js";
import { mappingRoutes } from "./mapping/mapping-routes.js";
import { dashboardRoutes } from "./dashboard/dashboard-routes.js";
import type { ConsoleDeps, ConsoleEnv } from "./deps.js";
import { holdRoutes } from "./holds/hold-routes.js";
import { hrRoutes } from "./hr/hr-routes.js";
import { languageMiddleware } from "./i18n/language-middleware.js";
import { languageRoutes } from "./i18n/language-routes.js";
import { requestMessages } from "./i18n/use-language.js";
import { logRoutes } from "./log/log-routes.js";
import { nmbrsConnectRoutes } from "./nmbrs-rest/consent-routes.js";
import { apiSwitchRoutes } from "./nmbrs-rest/api-switch-routes.js";
import { PendingConsents } from "./oauth-consent/pending-consents.js";
import { loketConnectRoutes } from "./loket/loket-consent-routes.js";
import { oktaRoutes } from "./okta/okta-routes.js";
import { previewRoutes } from "./preview/preview-routes.js";
import { runRoutes } from "./runs/run-routes.js";
import { withoutKnownSecrets } from "./secret-free-pages.js";
import { securityHeaders } from "./security-headers.js";
import { STATIC_DIR, staticFiles } from "./static-files.js";
import { problemPage } from "./views/problem-page.js";

/**
 * Top-level paths the console answers. Its middleware is registered on these only, so that mounting the console
 * at "/" next to /scim/v2 and /healthz never puts a login redirect or a CSRF check in front of them.
 */
const PUBLIC_PATHS = ["/login", "/setup", "/logout", "/language"] as const;
const ADMIN_PATHS = ["/", "/connectors/*", "/hr/*", "/runs/*", "/log/*", "/audit/*"] as const;

/** The admin console: server-rendered pages with htmx, mounted by the server at "/". */
export function createConsoleApp(deps: ConsoleDeps, options: { staticDir?: string } = {}): Hono<ConsoleEnv> {
  const sessions = new SessionStore(deps.db.sqlite, {
    idleMs: (deps.sessions?.idleMinutes ?? 30) * 60_000,
    absoluteMs: (deps.sessions?.absoluteHours ?? 12) * 3_600_000,
  });
  const throttle = new LoginThrottle(deps.db.sqlite);
  const app = new Hono<ConsoleEnv>();

  app.use("/static/*", securityHeaders());
  app.get("/static/*", staticFiles(options.staticDir ?? STATIC_DIR));
  // Browsers ask for /favicon.ico on any page that names no icon (a download, the consent hand-over page).
  app.get("/favicon.ico", (c) => c.redirect("/static/favicon.svg", 301));

  for (const path of [...PUBLIC_PATHS, ...ADMIN_PATHS]) {
    app.use(
      path,
      securityHeaders(),
      withoutKnownSecrets(),
      sessionMiddleware(sessions, deps.clock, deps.origin),
      languageMiddleware(deps.db.sqlite),
      csrfProtection(),
    );
  }
  for (const path of ADMIN_PATHS) app.use(path, requireAdmin(deps.db.sqlite));

  app.route("/", authRoutes(deps, sessions, throttle));
  app.route("/", languageRoutes(deps));
  app.route("/", dashboardRoutes(deps));
  app.route("/connectors", connectorRoutes(deps));
  const consents = deps.consents ?? new PendingConsents(deps.clock);
  app.route("/connectors", nmbrsConnectRoutes(deps, consents));
  app.route("/connectors", loketConnectRoutes(deps, consents));
  app.route("/connectors", apiSwitchRoutes(deps));
  app.route("/connectors", oktaRoutes(deps));
  app.route("/connectors", previewRoutes(deps));
  app.route("/connectors", mappingRoutes(deps));
  app.route("/connectors", holdRoutes(deps));
  app.route("/hr", hrRoutes(deps));
  app.route("/runs", runRoutes(deps));
  app.route("/log", logRoutes(deps));
  app.route("/audit", auditRoutes(deps));

  // Any other path gets the console's own 404 page, with the navigation when signed in. Registered last, so it runs
  // only when no page answered; the gateway routes /scim/v2/*, /healthz and /oauth before the console, so SCIM
  // clients keep SCIM error bodies. Admin paths already ran the session middleware above; the rest run it here.
  app.all("*", securityHeaders(), sessionOnce(sessions, deps), (c) => {
    const { problems } = requestMessages(c);
    return problemPage(c, 404, problems.notFoundTitle, problems.notFoundText);
  });

  app.onError((error, c) => {
    deps.logger.error({ err: error.message, path: c.req.path }, "console: request failed");
    const { problems } = requestMessages(c);
    return problemPage(c, 500, problems.failedTitle, problems.failedText);
  });

  return app;
}

/** The session and language middleware for a request that has not been through them yet (admin set only by it). */
function sessionOnce(sessions: SessionStore, deps: ConsoleDeps): MiddlewareHandler<ConsoleEnv> {
  const session = sessionMiddleware(sessions, deps.clock, deps.origin);
  const language = languageMiddleware(deps.db.sqlite);
  return (c, next) =>
    c.get("admin") === undefined
      ? session(c, async () => {
          await language(c, next);
        })
      : next();
}
