import type { RetryPolicy } from "../http/retry.js";
import { NmbrsFault } from "../nmbrs-fault.js";
import {
  authorizationUrl as authorizeAt,
  type OAuthServer,
  type OAuthTransport,
  type OAuthWording,
  type TokenSet,
} from "../../oauth/oauth-server.js";
import * as requests from "../../oauth/token-requests.js";

export { createPkce, type Pkce, type TokenSet } from "../../oauth/oauth-server.js";

/**
 * The Nmbrs identity service (IdentityServer at identityservice.nmbrs.com, Nmbrs API reference): the authorization-code
 * flow with PKCE, refresh with rotation, revocation; the client authenticates with HTTP Basic. The requests themselves
 * are the shared OAuth module's (sources/oauth/, on oauth4webapi); this file holds what is Nmbrs': endpoints, scopes
 * and the words of its refusals.
 */

/**
 * The read scopes the source's calls need. The names are Nmbrs' (its discovery document lists them); which endpoint
 * needs which is our reading of the names, unverified (docs/nmbrs-rest-api.md §1).
 */
export const API_SCOPES = {
  companies: "company.info.read",
  personalInfo: "employee.info.read",
  employment: "employee.employment.read",
  /** Functions, departments, cost centers and managers. */
  orgStructure: "employee.orgstructure.read",
} as const;

/** The read scopes, plus offline_access for a refresh token: without it the admin would consent again every hour. */
export const NMBRS_SCOPES = [...Object.values(API_SCOPES), "offline_access"] as const;

/**
 * The read scopes a consent did not grant, from the token answer's `scope`; none when Nmbrs did not say which were
 * granted (the calls then name the scope they miss).
 */
export function missingScopes(granted: string | null): string[] {
  if (granted === null) return [];
  const names = new Set(granted.split(/\s+/));
  return Object.values(API_SCOPES).filter((scope) => !names.has(scope));
}

export interface OAuthClientConfig {
  /** `https://identityservice.nmbrs.com` */
  readonly identityUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly transport?: OAuthTransport;
  readonly retry?: RetryPolicy;
}

const PARTNER_PORTAL = "the Nmbrs partner portal (partner-portal.nmbrsapp.com/integrations)";

/** How the Nmbrs identity service's refusals read (the integration tests pin the re-consent sentence). */
export const NMBRS_OAUTH_WORDING: OAuthWording = {
  service: "The Nmbrs identity service",
  fault: (message, code, operation, flags, options) =>
    new NmbrsFault(message, code, operation, undefined, flags, options),
  reconsent: (said) =>
    `Needs re-consent: Nmbrs no longer accepts the gateway's authorization${said}; it was revoked, or the consent ended (30 days after it was given, or after 30 days unused). An Nmbrs user must click "Connect to Nmbrs" on the connector page again.`,
  badClient: (error, said) =>
    `The Nmbrs identity service refused the client id or client secret (${error})${said}: check them in the connector settings against your app in ${PARTNER_PORTAL}.`,
  refused: (operation, error, said) =>
    `The Nmbrs identity service refused ${operation} (${error})${said}: check the redirect URI and scopes of your app in ${PARTNER_PORTAL}.`,
};

/** The identity service as the shared OAuth module sees it. */
export function nmbrsOAuthServer(config: OAuthClientConfig): OAuthServer {
  const baseUrl = config.identityUrl.replace(/\/+$/, "");
  return {
    baseUrl,
    tokenUrl: `${baseUrl}/connect/token`,
    revocationUrl: `${baseUrl}/connect/revocation`,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    clientAuth: "basic",
    ...(config.transport ? { transport: config.transport } : {}),
    ...(config.retry ? { retry: config.retry } : {}),
  };
}

/** Where the admin's browser goes to consent. */
export function authorizationUrl(request: {
  identityUrl: string;
  clientId: string;
  redirectUri: string;
  state: string;
  codeChallenge: string;
}): string {
  return authorizeAt({
    authorizeUrl: `${request.identityUrl.replace(/\/+$/, "")}/connect/authorize`,
    clientId: request.clientId,
    redirectUri: request.redirectUri,
    scope: NMBRS_SCOPES.join(" "),
    state: request.state,
    codeChallenge: request.codeChallenge,
  });
}

/** The code from the callback, traded for tokens (with the PKCE verifier that proves we started the flow). */
export function exchangeCode(
  config: OAuthClientConfig,
  grant: { code: string; state: string; verifier: string; redirectUri: string },
  signal?: AbortSignal,
): Promise<TokenSet> {
  return requests.exchangeCode(nmbrsOAuthServer(config), NMBRS_OAUTH_WORDING, grant, signal);
}

/** A new access token; Nmbrs rotates refresh tokens, so the answer's refresh token replaces the old one. */
export function refreshTokens(
  config: OAuthClientConfig,
  refreshToken: string,
  signal?: AbortSignal,
): Promise<TokenSet> {
  return requests.refreshTokens(nmbrsOAuthServer(config), NMBRS_OAUTH_WORDING, refreshToken, signal);
}

/** Tells Nmbrs to forget a token (RFC 7009); revoking the refresh token ends the whole grant. */
export function revokeToken(
  config: OAuthClientConfig,
  token: string,
  hint: "refresh_token" | "access_token",
  signal?: AbortSignal,
): Promise<void> {
  return requests.revokeToken(nmbrsOAuthServer(config), NMBRS_OAUTH_WORDING, token, hint, signal);
}
