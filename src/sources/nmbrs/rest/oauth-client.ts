import { createHash, randomBytes } from "node:crypto";
import * as v from "valibot";
import { NmbrsFault, type CallSite } from "../nmbrs-fault.js";
import { sendRequest, type TransportOptions } from "../http/http-transport.js";
import { count, readWith, text, UnreadableJson } from "./rest-json.js";
import { readProblem, retryAfterMs } from "./problems.js";
import { withRetry, type RetryPolicy } from "../http/retry.js";
import { systemClock } from "../../../clock.js";

/**
 * The Nmbrs identity service (IdentityServer at identityservice.nmbrs.com, Nmbrs API reference): the authorization-code flow
 * with PKCE, refresh with rotation, revocation (RFC 6749, 7636, 7009). The client authenticates with HTTP Basic.
 * Pure HTTP: storing tokens and deciding when to refresh belong to the connector (connectors/nmbrs-tokens.ts).
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
  readonly transport?: TransportOptions;
  readonly retry?: RetryPolicy;
}

export interface TokenSet {
  readonly accessToken: string;
  /** Null when the identity service sent none (then the gateway must be connected again when the token expires). */
  readonly refreshToken: string | null;
  readonly expiresInSeconds: number;
  readonly scope: string | null;
}

export interface Pkce {
  readonly verifier: string;
  readonly challenge: string;
}

/** A PKCE pair (RFC 7636 S256): 32 random bytes as the verifier, its SHA-256 as the challenge. */
export function createPkce(): Pkce {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: pkceChallenge(verifier) };
}

export function pkceChallenge(verifier: string): string {
  return createHash("sha256").update(verifier).digest("base64url");
}

/** Where the admin's browser goes to consent. */
export function authorizationUrl(request: {
  identityUrl: string;
  clientId: string;
  redirectUri: string;
  state: string;
  codeChallenge: string;
}): string {
  const url = new URL(`${request.identityUrl.replace(/\/+$/, "")}/connect/authorize`);
  url.search = new URLSearchParams({
    response_type: "code",
    client_id: request.clientId,
    redirect_uri: request.redirectUri,
    scope: NMBRS_SCOPES.join(" "),
    state: request.state,
    code_challenge: request.codeChallenge,
    code_challenge_method: "S256",
  }).toString();
  return url.href;
}

/** The code from the callback, traded for tokens (with the PKCE verifier that proves we started the flow). */
export function exchangeCode(
  config: OAuthClientConfig,
  grant: { code: string; verifier: string; redirectUri: string },
  signal?: AbortSignal,
): Promise<TokenSet> {
  return tokenRequest(
    config,
    {
      grant_type: "authorization_code",
      code: grant.code,
      code_verifier: grant.verifier,
      redirect_uri: grant.redirectUri,
    },
    signal,
  );
}

/** A new access token; Nmbrs rotates refresh tokens, so the answer's refresh token replaces the old one. */
export function refreshTokens(
  config: OAuthClientConfig,
  refreshToken: string,
  signal?: AbortSignal,
): Promise<TokenSet> {
  return tokenRequest(config, { grant_type: "refresh_token", refresh_token: refreshToken }, signal);
}

/** Tells Nmbrs to forget a token (RFC 7009); revoking the refresh token ends the whole grant. */
export async function revokeToken(
  config: OAuthClientConfig,
  token: string,
  hint: "refresh_token" | "access_token",
  signal?: AbortSignal,
): Promise<void> {
  const site: CallSite = { operation: "POST /connect/revocation" };
  const answer = await send(config, "/connect/revocation", { token, token_type_hint: hint }, site, signal);
  // RFC 7009: 200 also for a token that was already invalid.
  if (answer.status !== 200) throw oauthFault(answer.status, answer.body, answer.headers, site);
}

const tokenAnswer = v.looseObject({
  access_token: v.pipe(v.string(), v.nonEmpty()),
  refresh_token: text,
  expires_in: count,
  scope: text,
  token_type: text,
});

async function tokenRequest(
  config: OAuthClientConfig,
  form: Record<string, string>,
  signal?: AbortSignal,
): Promise<TokenSet> {
  const site: CallSite = { operation: `POST /connect/token (${form.grant_type})` };
  const run = async (): Promise<TokenSet> => {
    const answer = await send(config, "/connect/token", form, site, signal);
    if (answer.status !== 200) throw oauthFault(answer.status, answer.body, answer.headers, site);
    try {
      const tokens = readWith(tokenAnswer, JSON.parse(answer.body), "the token answer");
      // An hour is IdentityServer's default; a missing expires_in is read as that.
      return {
        accessToken: tokens.access_token,
        refreshToken: tokens.refresh_token,
        expiresInSeconds: tokens.expires_in ?? 3600,
        scope: tokens.scope,
      };
    } catch (error) {
      if (!(error instanceof UnreadableJson) && !(error instanceof SyntaxError)) throw error;
      throw new NmbrsFault(
        `The Nmbrs identity service answered ${site.operation} with something that is not a token.`,
        "shape",
        site.operation,
        undefined,
        {},
        { cause: error },
      );
    }
  };
  return config.retry ? withRetry(run, config.retry, signal) : run();
}

function send(
  config: OAuthClientConfig,
  path: string,
  form: Record<string, string>,
  site: CallSite,
  signal?: AbortSignal,
) {
  // RFC 6749 §2.3.1: both parts form-encoded before they are joined and base64-encoded.
  const basic = Buffer.from(
    `${encodeURIComponent(config.clientId)}:${encodeURIComponent(config.clientSecret)}`,
  ).toString("base64");
  return sendRequest(
    {
      url: `${config.identityUrl.replace(/\/+$/, "")}${path}`,
      method: "POST",
      headers: {
        authorization: `Basic ${basic}`,
        "content-type": "application/x-www-form-urlencoded",
        accept: "application/json",
      },
      body: new URLSearchParams(form).toString(),
    },
    site,
    config.transport ?? { timeoutMs: 30_000, maxResponseBytes: 1024 * 1024 },
    signal,
  );
}

/** An OAuth error answer (`{ error, error_description }`) in words an admin can act on. */
function oauthFault(status: number, body: string, headers: Headers, site: CallSite): NmbrsFault {
  const problem = readProblem(body);
  const error = problem?.code ?? null;
  const said = problem?.detail ? ` (${problem.detail})` : "";
  if (error === "invalid_grant") {
    return new NmbrsFault(
      `Needs re-consent: Nmbrs no longer accepts the gateway's authorization${said}; it was revoked, or the consent ended (30 days after it was given, or after 30 days unused). An Nmbrs user must click "Connect to Nmbrs" on the connector page again.`,
      "consent-required",
      site.operation,
      undefined,
      { needsAttention: true },
    );
  }
  if (error === "invalid_client" || error === "unauthorized_client" || status === 401) {
    return new NmbrsFault(
      `The Nmbrs identity service refused the client id or client secret (${error ?? `HTTP ${status}`})${said}: check them in the connector settings against your app in the Nmbrs partner portal (partner-portal.nmbrsapp.com/integrations).`,
      error ?? "invalid_client",
      site.operation,
      undefined,
      { needsAttention: true },
    );
  }
  if (status === 429 || status >= 500) {
    const wait = retryAfterMs(headers.get("retry-after"), systemClock().getTime());
    return new NmbrsFault(
      `The Nmbrs identity service is unavailable (HTTP ${status}) for ${site.operation}.`,
      `http-${status}`,
      site.operation,
      undefined,
      {
        transient: true,
        ...(wait !== undefined ? { retryAfterMs: wait } : {}),
      },
    );
  }
  return new NmbrsFault(
    `The Nmbrs identity service refused ${site.operation} (${error ?? `HTTP ${status}`})${said}: check the redirect URI and scopes of your app in the Nmbrs partner portal (partner-portal.nmbrsapp.com/integrations).`,
    error ?? `http-${status}`,
    site.operation,
    undefined,
    { needsAttention: true },
  );
}
