import type { LoketSettings } from "../../config/types.js";
import { authorizationUrl, type OAuthServer, type OAuthWording } from "../oauth/oauth-server.js";
import { SourceError } from "../types.js";

/**
 * Loket's OAuth service (the Loket spec §1, "How HR Gateway authenticates"): the authorization code without PKCE,
 * scope `all`, the client credentials in the form body (never HTTP Basic), refresh tokens that may or may not rotate,
 * and no revocation endpoint. The requests are the shared OAuth module's (sources/oauth/, on oauth4webapi).
 */

/** Loket apps ask for everything the consenting user may see; rights are per employer, not per scope. */
export const LOKET_SCOPE = "all";

export const LOKET_OAUTH_WORDING: OAuthWording = {
  service: "Loket's OAuth service",
  fault: (message, code, operation, flags, options) => {
    const { retryAfterMs: _wait, ...details } = flags;
    return new SourceError(message, { code, operation, ...details }, options);
  },
  reconsent: (said) =>
    `Needs re-consent: Loket no longer accepts the gateway's authorization${said}; the app's access was withdrawn in Loket, or the refresh token expired. A Loket user must click "Connect to Loket" on the connector page again.`,
  badClient: (error, said) =>
    `Loket's OAuth service refused the client id or client secret (${error})${said}: check them in the connector settings against what Loket registered for your app (api@loket.nl).`,
  refused: (operation, error, said) =>
    `Loket's OAuth service refused ${operation} (${error})${said}: check that Loket registered the gateway's callback URL for your app (api@loket.nl).`,
};

/** Loket's OAuth service as the shared OAuth module sees it. */
export function loketOAuthServer(settings: Pick<LoketSettings, "oauthUrl" | "clientId" | "clientSecret">): OAuthServer {
  return {
    baseUrl: settings.oauthUrl,
    tokenUrl: `${settings.oauthUrl}/token`,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    clientAuth: "post",
  };
}

/** Where the admin's browser goes to consent: `{oauth_url}/authorize?response_type=code&client_id&redirect_uri&scope=all&state`. */
export function loketAuthorizationUrl(
  settings: Pick<LoketSettings, "oauthUrl" | "clientId">,
  request: { redirectUri: string; state: string },
): string {
  return authorizationUrl({
    authorizeUrl: `${settings.oauthUrl}/authorize`,
    clientId: settings.clientId,
    redirectUri: request.redirectUri,
    scope: LOKET_SCOPE,
    state: request.state,
  });
}
