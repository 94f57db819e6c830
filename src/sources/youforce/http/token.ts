import * as oauth from "oauth4webapi";
import type { Timer } from "../../nmbrs/http/rate-limiter.js";
import { send, type SendOptions } from "../../http/send.js";
import { SourceError } from "../../types.js";
import { badResponse, networkError, tokenQuota, tokenRefused } from "./youforce-errors.js";

export interface TokenOptions extends SendOptions {
  /** Which connector the token belongs to: tokens are shared by every read of the process, per connector. */
  readonly connectorId: string;
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly tenantId: string;
  /** Monotonic time for the expiry (the wall clock may jump). */
  readonly timer: Timer;
}

/** A token is used until this long before Visma Connect said it expires, so no call carries one about to lapse. */
export const EXPIRY_MARGIN_MS = 60_000;
const OPERATION = "POST connect/token";

interface Cached {
  readonly token: Promise<{ readonly accessToken: string; readonly expiresAt: number }>;
}

/**
 * Youforce allows an app 400 authentications a month (the Youforce spec §1), so a token lives in memory for as long
 * as it is valid and every read of the process shares it: a connection test does not cost a second one. The key
 * holds everything the token was asked with, so changed settings ask again.
 */
const cache = new Map<string, Cached>();

export interface YouforceTokens {
  /** A valid access token: the cached one, else a new one (one request even when many reads ask at once). */
  current(signal?: AbortSignal): Promise<string>;
  /** A new token instead of `refused` (a data call got 401 with it); a token another read renewed meanwhile is used. */
  renew(refused: string, signal?: AbortSignal): Promise<string>;
}

export function youforceTokens(options: TokenOptions): YouforceTokens {
  const key = JSON.stringify([options.connectorId, options.tokenUrl, options.clientId, options.tenantId]);
  const fresh = (signal?: AbortSignal): Promise<string> => {
    const token = requestToken(options, signal);
    const entry: Cached = { token };
    cache.set(key, entry);
    // A failed request is not kept: the next read asks again.
    token.catch(() => {
      if (cache.get(key) === entry) cache.delete(key);
    });
    return token.then((answer) => answer.accessToken);
  };
  return {
    async current(signal) {
      const entry = cache.get(key);
      if (entry) {
        const answer = await entry.token;
        if (options.timer.now() < answer.expiresAt) return answer.accessToken;
      }
      return fresh(signal);
    },
    async renew(refused, signal) {
      const entry = cache.get(key);
      if (entry) {
        const answer = await entry.token.catch(() => null);
        if (answer && answer.accessToken !== refused && options.timer.now() < answer.expiresAt)
          return answer.accessToken;
      }
      return fresh(signal);
    },
  };
}

/** Forgets every cached token (tests that revoke tokens in the simulator). */
export function forgetYouforceTokens(): void {
  cache.clear();
}

/**
 * The client-credentials grant as Visma Connect wants it (spec §1, pinned): client id and secret in the form
 * (ClientSecretPost), the tenant id as an extra parameter, `Cache-Control: no-cache`, no scope.
 */
async function requestToken(
  options: TokenOptions,
  signal?: AbortSignal,
): Promise<{ readonly accessToken: string; readonly expiresAt: number }> {
  const server: oauth.AuthorizationServer = {
    issuer: new URL(options.tokenUrl).origin,
    token_endpoint: options.tokenUrl,
  };
  const client: oauth.Client = { client_id: options.clientId };
  let status = 0;
  // 5xx and network errors are not retried here: the data call that asked for the token is retried whole (client).
  const response = await oauth.clientCredentialsGrantRequest(
    server,
    client,
    oauth.ClientSecretPost(options.clientSecret),
    { tenant_id: options.tenantId },
    {
      headers: { "Cache-Control": "no-cache" },
      // Only the simulators on this machine speak http: (config warns at start-up).
      [oauth.allowInsecureRequests]: options.tokenUrl.startsWith("http:"),
      [oauth.customFetch]: async (url, init) => {
        const sent = await send(
          url,
          { method: "POST", headers: init.headers, body: String(init.body) },
          options,
          networkError(OPERATION),
          signal,
        );
        status = sent.status;
        return new Response(sent.body, { status: sent.status, headers: sent.headers });
      },
    },
  );
  if (status === 429) throw tokenQuota(OPERATION);
  if (status >= 500)
    throw new SourceError(`Visma Connect answered HTTP ${status} to the token request; the next run tries again.`, {
      code: String(status),
      operation: OPERATION,
      transient: true,
    });
  const asked = options.timer.now();
  try {
    const tokens = await oauth.processClientCredentialsResponse(server, client, response);
    const lifetimeMs = (tokens.expires_in ?? 3600) * 1000;
    return { accessToken: tokens.access_token, expiresAt: asked + lifetimeMs - EXPIRY_MARGIN_MS };
  } catch (error) {
    throw tokenError(error, status);
  }
}

function tokenError(error: unknown, status: number): SourceError {
  if (error instanceof oauth.ResponseBodyError)
    return tokenRefused(error.error, error.error_description ?? null, OPERATION);
  if (error instanceof oauth.WWWAuthenticateChallengeError) {
    const said = error.cause[0]?.parameters.error;
    return tokenRefused(said ?? "invalid_client", error.cause[0]?.parameters.error_description ?? null, OPERATION);
  }
  // A refusal without an OAuth error body still names the credentials as the thing to check.
  if (status === 400 || status === 401)
    return tokenRefused(status === 401 ? "invalid_client" : "invalid_request", null, OPERATION);
  if (error instanceof oauth.OperationProcessingError) return badResponse(`not a token (${error.message})`, OPERATION);
  return error instanceof SourceError ? error : badResponse(String(error), OPERATION);
}
