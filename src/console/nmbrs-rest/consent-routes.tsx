import { Hono } from "hono";
import { readTokens, saveTokens } from "../../connectors/nmbrs-tokens.js";
import { authorizationUrl, exchangeCode, revokeToken } from "../../sources/nmbrs/rest/oauth-client.js";
import { SourceError } from "../../sources/types.js";
import { auditAdminAction } from "../audit/audit-log.js";
import type { ConsoleDeps, ConsoleEnv } from "../deps.js";
import { MESSAGES } from "../i18n/messages.js";
import { consentCallbackRoutes, type CallbackDeps } from "../oauth-consent/callback-routes.js";
import type { ConsentKind } from "../oauth-consent/consent-kind.js";
import type { PendingConsents } from "../oauth-consent/pending-consents.js";
import { consentStartRoute } from "../oauth-consent/start-route.js";
import { seeOther } from "../views/see-other.js";
import type { DisconnectOutcome } from "./rest-connection-view.js";

/** "Connect to Nmbrs": the authorization code with PKCE at the identity service named by the REST settings. */
export const NMBRS_CONSENT: ConsentKind = {
  path: "nmbrs",
  system: "Nmbrs",
  audit: "nmbrs_connect",
  pkce: true,
  settingsOf: (connector) => {
    const rest = connector.nmbrsRest;
    if (!rest?.clientId || !rest.clientSecret) return null;
    return { clientId: rest.clientId, clientSecret: rest.clientSecret, serverUrl: rest.identityUrl };
  },
  authorizeUrl: (settings, request) =>
    authorizationUrl({
      identityUrl: settings.serverUrl,
      clientId: settings.clientId,
      redirectUri: request.redirectUri,
      state: request.state,
      codeChallenge: request.codeChallenge ?? "",
    }),
  exchange: (settings, grant, signal) =>
    exchangeCode(
      { identityUrl: settings.serverUrl, clientId: settings.clientId, clientSecret: settings.clientSecret },
      { ...grant, verifier: grant.verifier ?? "" },
      signal,
    ),
  saveTokens,
  messages: (language) => MESSAGES[language].nmbrsRest,
};

/** "Connect to Nmbrs" and "Disconnect" on a connector, mounted under /connectors (admin session and CSRF required). */
export function nmbrsConnectRoutes(deps: ConsoleDeps, consents: PendingConsents): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  const { registry } = deps;
  app.route("/", consentStartRoute(deps, consents, NMBRS_CONSENT));

  app.post("/:id/nmbrs/disconnect", async (c) => {
    const id = c.req.param("id");
    const connector = registry.get(id) ? registry.resolve(id) : undefined;
    const tokens = readTokens(registry, id);
    if (!connector || !tokens) return seeOther(c, connector ? `/connectors/${id}` : "/connectors");
    let outcome: DisconnectOutcome = "revoked";
    if (connector.nmbrsRest && tokens.refreshToken) {
      const { identityUrl, clientId, clientSecret } = connector.nmbrsRest;
      try {
        await revokeToken(
          { identityUrl, clientId, clientSecret },
          tokens.refreshToken,
          "refresh_token",
          AbortSignal.timeout(15_000),
        );
      } catch (error) {
        // Forgetting the tokens here is what matters; the grant ends at Nmbrs within 30 days anyway.
        const reason = error instanceof SourceError ? error.message : (error as Error).message;
        deps.logger.warn({ connector: id, reason }, "console: Nmbrs did not confirm the revocation");
        outcome = "unconfirmed";
      }
    }
    saveTokens(registry, id, null);
    auditAdminAction(c, deps, "nmbrs_disconnect", {
      connectorId: id,
      detail: outcome === "revoked" ? null : "Nmbrs did not confirm the revocation",
    });
    deps.logger.info({ connector: id }, "console: disconnected from Nmbrs");
    // The outcome travels to the page that shows it: a refresh in place would wipe a warning the admin must act on.
    return seeOther(c, `/connectors/${id}?disconnected=${outcome}`);
  });

  return app;
}

/** `GET /oauth/nmbrs/callback`: where Nmbrs sends the admin back (checked as every consent is: callback-routes.tsx). */
export function nmbrsCallbackRoutes(deps: CallbackDeps, consents: PendingConsents): Hono {
  return consentCallbackRoutes(deps, consents, NMBRS_CONSENT);
}
