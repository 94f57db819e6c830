import * as oauth from "oauth4webapi";
import type { SourceError } from "../types.js";
import type { RetryPolicy } from "../nmbrs/http/retry.js";

/**
 * The OAuth2 authorization server of an HR source (Nmbrs' identity service, Loket's OAuth service), described once so
 * the token requests (token-requests.ts, on oauth4webapi) and the stored-token rules (connectors/oauth-tokens.ts) are
 * the same code for every source. What differs per source is data: the endpoints, how the client authenticates, PKCE,
 * and the words an admin reads when something is refused.
 */
export interface OAuthServer {
  /** The server's base URL, no trailing slash; also the issuer oauth4webapi is told about. */
  readonly baseUrl: string;
  /** `{baseUrl}/connect/token` (Nmbrs), `{baseUrl}/token` (Loket). */
  readonly tokenUrl: string;
  /** Absent: the server has no revocation endpoint known to us (Loket). */
  readonly revocationUrl?: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** `basic`: HTTP Basic (RFC 6749 §2.3.1, Nmbrs); `post`: client_id and client_secret in the form body (Loket). */
  readonly clientAuth: "basic" | "post";
  readonly transport?: OAuthTransport;
  /** Absent: no retry (a token request is made inside a run or a console click, both of which can be repeated). */
  readonly retry?: RetryPolicy;
}

export interface OAuthTransport {
  readonly timeoutMs: number;
  /** A token answer is a few hundred bytes; anything far beyond is not one and is aborted while streaming. */
  readonly maxResponseBytes: number;
}

export const DEFAULT_OAUTH_TRANSPORT: OAuthTransport = { timeoutMs: 30_000, maxResponseBytes: 1024 * 1024 };

/** Builds the source's own error type (one per boundary), so callers see the faults they already handle. */
export type OAuthFaultFactory = (
  message: string,
  code: string,
  operation: string,
  flags: { transient?: boolean; needsAttention?: boolean; retryAfterMs?: number },
  options?: { cause?: unknown },
) => SourceError;

/** The words for one source's OAuth refusals; each says what the admin can do about it. */
export interface OAuthWording {
  /** Sentence subject: "The Nmbrs identity service". */
  readonly service: string;
  readonly fault: OAuthFaultFactory;
  /** `invalid_grant`: the consent is gone. `said` is the server's description in brackets, or "". */
  readonly reconsent: (said: string) => string;
  /** `invalid_client`, `unauthorized_client` or a 401: the client id or secret. */
  readonly badClient: (error: string, said: string) => string;
  /** Any other refusal of `operation`. */
  readonly refused: (operation: string, error: string, said: string) => string;
}

export interface TokenSet {
  readonly accessToken: string;
  /** Null when the server sent none (then a refresh keeps the stored one, or the admin connects again). */
  readonly refreshToken: string | null;
  readonly expiresInSeconds: number;
  readonly scope: string | null;
}

/** Where the admin's browser goes to consent (RFC 6749 §4.1.1); the PKCE challenge only where the server uses it. */
export function authorizationUrl(request: {
  authorizeUrl: string;
  clientId: string;
  redirectUri: string;
  scope: string;
  state: string;
  codeChallenge?: string;
}): string {
  const url = new URL(request.authorizeUrl);
  const query = new URLSearchParams({
    response_type: "code",
    client_id: request.clientId,
    redirect_uri: request.redirectUri,
    scope: request.scope,
    state: request.state,
  });
  if (request.codeChallenge !== undefined) {
    query.set("code_challenge", request.codeChallenge);
    query.set("code_challenge_method", "S256");
  }
  url.search = query.toString();
  return url.href;
}

export interface Pkce {
  readonly verifier: string;
  readonly challenge: string;
}

/** A PKCE pair (RFC 7636 S256), from oauth4webapi. */
export async function createPkce(): Promise<Pkce> {
  const verifier = oauth.generateRandomCodeVerifier();
  return { verifier, challenge: await oauth.calculatePKCECodeChallenge(verifier) };
}
