import * as oauth from "oauth4webapi";
import { withRetry } from "../nmbrs/http/retry.js";
import type { SourceError } from "../types.js";
import { boundedFetch } from "./bounded-fetch.js";
import { oauthFault } from "./oauth-faults.js";
import { DEFAULT_OAUTH_TRANSPORT, type OAuthServer, type OAuthWording, type TokenSet } from "./oauth-server.js";

/**
 * The token endpoint and revocation requests of an {@link OAuthServer}, made and checked by oauth4webapi (RFC 6749,
 * 7636, 7009). Pure HTTP: storing tokens and deciding when to refresh belong to the connector
 * (connectors/oauth-tokens.ts). Every failure is the source's own fault type, worded by `wording`.
 */

/** The code from the callback, traded for tokens; `verifier` only for a server that was sent a PKCE challenge. */
export function exchangeCode(
  server: OAuthServer,
  wording: OAuthWording,
  grant: { code: string; state: string; verifier: string | null; redirectUri: string },
  signal?: AbortSignal,
): Promise<TokenSet> {
  const operation = `POST ${pathOf(server.tokenUrl)} (authorization_code)`;
  return tokenRequest(server, wording, operation, signal, async (as, client, auth, options) => {
    // The state was already matched against the pending consent; oauth4webapi checks it again and accepts the
    // parameters. `iss` is left out: neither Nmbrs nor Loket documents its issuer identifier.
    const callback = oauth.validateAuthResponse(
      as,
      client,
      new URLSearchParams({ code: grant.code, state: grant.state }),
      grant.state,
    );
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      auth,
      callback,
      grant.redirectUri,
      grant.verifier ?? oauth.nopkce,
      options,
    );
    return { response, process: () => oauth.processAuthorizationCodeResponse(as, client, response) };
  });
}

/** A new access token. Where the server rotates refresh tokens, the answer's replaces the one sent. */
export function refreshTokens(
  server: OAuthServer,
  wording: OAuthWording,
  refreshToken: string,
  signal?: AbortSignal,
): Promise<TokenSet> {
  const operation = `POST ${pathOf(server.tokenUrl)} (refresh_token)`;
  return tokenRequest(server, wording, operation, signal, async (as, client, auth, options) => {
    const response = await oauth.refreshTokenGrantRequest(as, client, auth, refreshToken, options);
    return { response, process: () => oauth.processRefreshTokenResponse(as, client, response) };
  });
}

/** Tells the server to forget a token (RFC 7009); revoking a refresh token ends the whole grant. */
export async function revokeToken(
  server: OAuthServer,
  wording: OAuthWording,
  token: string,
  hint: "refresh_token" | "access_token",
  signal?: AbortSignal,
): Promise<void> {
  if (!server.revocationUrl) throw new Error("this OAuth server has no revocation endpoint");
  const operation = `POST ${pathOf(server.revocationUrl)}`;
  const { as, client, auth, options } = parts(server, wording, operation, signal);
  const response = await oauth.revocationRequest(as, client, auth, token, {
    ...options,
    additionalParameters: { token_type_hint: hint },
  });
  // RFC 7009: 200 also for a token that was already invalid.
  try {
    await oauth.processRevocationResponse(response);
  } catch (error) {
    throw refusalOf(error, response, wording, operation);
  }
}

type Parts = ReturnType<typeof parts>;

async function tokenRequest(
  server: OAuthServer,
  wording: OAuthWording,
  operation: string,
  signal: AbortSignal | undefined,
  send: (
    as: Parts["as"],
    client: Parts["client"],
    auth: Parts["auth"],
    options: Parts["options"],
  ) => Promise<{ response: Response; process: () => Promise<oauth.TokenEndpointResponse> }>,
): Promise<TokenSet> {
  const run = async (): Promise<TokenSet> => {
    const { as, client, auth, options } = parts(server, wording, operation, signal);
    const { response, process } = await send(as, client, auth, options);
    let answer: oauth.TokenEndpointResponse;
    try {
      answer = await process();
    } catch (error) {
      throw refusalOf(error, response, wording, operation);
    }
    return {
      accessToken: answer.access_token,
      refreshToken: answer.refresh_token ?? null,
      // An hour is what both servers issue; a missing expires_in is read as that.
      expiresInSeconds: answer.expires_in ?? 3600,
      scope: answer.scope ?? null,
    };
  };
  return server.retry ? withRetry(run, server.retry, signal) : run();
}

function parts(server: OAuthServer, wording: OAuthWording, operation: string, signal: AbortSignal | undefined) {
  if (new URL(server.tokenUrl).protocol === "http:" && !isLoopbackHttp(server.tokenUrl)) {
    throw wording.fault(
      `The gateway does not send the client secret over plain http to ${server.baseUrl}: use its https:// address.`,
      "insecure-url",
      operation,
      { needsAttention: true },
    );
  }
  const as: oauth.AuthorizationServer = {
    issuer: server.baseUrl,
    token_endpoint: server.tokenUrl,
    ...(server.revocationUrl ? { revocation_endpoint: server.revocationUrl } : {}),
  };
  const client: oauth.Client = { client_id: server.clientId };
  const auth =
    server.clientAuth === "basic"
      ? oauth.ClientSecretBasic(server.clientSecret)
      : oauth.ClientSecretPost(server.clientSecret);
  const options = {
    [oauth.customFetch]: boundedFetch(server.transport ?? DEFAULT_OAUTH_TRANSPORT, wording, operation),
    // Plain http only to a simulator on this machine (tests, the demo); anywhere else the secret would travel in clear.
    ...(isLoopbackHttp(server.tokenUrl) ? { [oauth.allowInsecureRequests]: true } : {}),
    ...(signal ? { signal } : {}),
  };
  return { as, client, auth, options };
}

/** Why a request failed, as the source's fault: the server's refusal, or an answer that is not what OAuth promises. */
function refusalOf(error: unknown, response: Response, wording: OAuthWording, operation: string): SourceError {
  if (error instanceof oauth.ResponseBodyError) {
    return oauthFault(
      wording,
      {
        status: error.status,
        error: error.error,
        description: error.error_description ?? null,
        headers: response.headers,
      },
      operation,
    );
  }
  if (response.status !== 200) {
    const challenge =
      error instanceof oauth.WWWAuthenticateChallengeError ? error.cause[0]?.parameters.error : undefined;
    return oauthFault(
      wording,
      { status: response.status, error: challenge ?? null, description: null, headers: response.headers },
      operation,
    );
  }
  return wording.fault(
    `${wording.service} answered ${operation} with something that is not a token.`,
    "shape",
    operation,
    {},
    { cause: error },
  );
}

/** True for `http://127.0.0.1…`, `http://[::1]…` and `http://localhost…`. */
export function isLoopbackHttp(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === "http:" && ["127.0.0.1", "[::1]", "localhost"].includes(hostname);
}

function pathOf(url: string): string {
  return new URL(url).pathname;
}
