import { Hono } from "hono";
import { readLoketTokens, saveLoketTokens } from "../../connectors/loket-tokens.js";
import { LOKET_OAUTH_WORDING, loketAuthorizationUrl, loketOAuthServer } from "../../sources/loket/loket-oauth.js";
import { exchangeCode } from "../../sources/oauth/token-requests.js";
import { auditAdminAction } from "../audit/audit-log.js";
import type { ConsoleDeps, ConsoleEnv } from "../deps.js";
import { MESSAGES } from "../i18n/messages.js";
import { consentCallbackRoutes, type CallbackDeps } from "../oauth-consent/callback-routes.js";
import type { ConsentKind } from "../oauth-consent/consent-kind.js";
import type { PendingConsents } from "../oauth-consent/pending-consents.js";
import { consentStartRoute } from "../oauth-consent/start-route.js";
import { seeOther } from "../views/see-other.js";

/**
 * "Connect to Loket" (the Loket spec §1): the authorization code without PKCE, scope `all`, the code redeemed with
 * the client credentials in the form body.
 */
export const LOKET_CONSENT: ConsentKind = {
  path: "loket",
  system: "Loket",
  audit: "loket_connect",
  pkce: false,
  settingsOf: (connector) => {
    const loket = connector.loket;
    if (!loket?.clientId || !loket.clientSecret) return null;
    return { clientId: loket.clientId, clientSecret: loket.clientSecret, serverUrl: loket.oauthUrl };
  },
  authorizeUrl: (settings, request) =>
    loketAuthorizationUrl({ oauthUrl: settings.serverUrl, clientId: settings.clientId }, request),
  exchange: (settings, grant, signal) =>
    exchangeCode(
      loketOAuthServer({
        oauthUrl: settings.serverUrl,
        clientId: settings.clientId,
        clientSecret: settings.clientSecret,
      }),
      LOKET_OAUTH_WORDING,
      grant,
      signal,
    ),
  saveTokens: saveLoketTokens,
  messages: (language) => MESSAGES[language].loketConsent,
};

/** How "Disconnect" ended, in `?disconnected=`: Loket has no revocation endpoint, so the tokens are only forgotten. */
export const LOKET_DISCONNECTED = "forgotten";

/** "Connect to Loket" and "Disconnect" on a connector, mounted under /connectors (admin session and CSRF required). */
export function loketConnectRoutes(deps: ConsoleDeps, consents: PendingConsents): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  const { registry } = deps;
  app.route("/", consentStartRoute(deps, consents, LOKET_CONSENT));

  app.post("/:id/loket/disconnect", (c) => {
    const id = c.req.param("id");
    const known = registry.get(id) !== undefined;
    if (!known || !readLoketTokens(registry, id)) return seeOther(c, known ? `/connectors/${id}` : "/connectors");
    saveLoketTokens(registry, id, null);
    auditAdminAction(c, deps, "loket_disconnect", {
      connectorId: id,
      detail: "tokens forgotten; withdraw the app in Loket",
    });
    deps.logger.info({ connector: id }, "console: disconnected from Loket (tokens forgotten)");
    return seeOther(c, `/connectors/${id}?disconnected=${LOKET_DISCONNECTED}`);
  });

  return app;
}

/** `GET /oauth/loket/callback`: where Loket sends the admin back (checked as every consent is: callback-routes.tsx). */
export function loketCallbackRoutes(deps: CallbackDeps, consents: PendingConsents): Hono {
  return consentCallbackRoutes(deps, consents, LOKET_CONSENT);
}
