import type { MiddlewareHandler } from "hono";
import { SCIM_MOUNT_PATH, socketAddress, type ScimAppDeps, type ScimEnv } from "../scim-env.js";

// Only list parameters are kept: they say what Okta asked, and carry no secret.
const LOGGED_PARAMETERS = new Set([
  "filter",
  "startindex",
  "count",
  "sortby",
  "sortorder",
  "attributes",
  "excludedattributes",
]);
// Okta's user agent is ~30 characters and its paths are short; anyone can send 16 KB of header or an 8 KB URL, and
// each row and line would keep it. A refused request's query is the sender's, not Okta's: a little of it is enough.
const MAX_LOGGED_TEXT = 256;
const MAX_LOGGED_QUERY = { authenticated: 1000, refused: MAX_LOGGED_TEXT };

/**
 * One request-log row per request (the console's "SCIM requests"): method, path, status, duration, result count,
 * connector, user agent. A failed request is also a pino line (info); a successful one only when stdout logs at
 * debug (see ScimAppDeps.logSuccessfulRequests). An Okta import is a thousand pages: the log says when it started
 * and ended (import-log.ts). Runs outermost, so errors and 401s are logged with their final status.
 *
 * A request refused before authentication is counted instead (refused-requests.ts): only the first per client
 * address and interval gets a row and a line, the rest a summary line, so an unauthenticated flood costs bounded disk.
 */
export function requestLogging(deps: ScimAppDeps): MiddlewareHandler<ScimEnv> {
  const clientAddress = deps.clientAddress ?? socketAddress;
  return async (c, next) => {
    const at = deps.clock();
    const started = performance.now();
    await next();
    const durationMs = Math.round((performance.now() - started) * 100) / 100;
    const url = new URL(c.req.url);
    const outcome = c.get("outcome") ?? {};
    const credentialId = c.get("credentialId") ?? null;
    const authenticated = credentialId !== null;
    const entry = {
      at,
      requestId: c.get("requestId"),
      connectorId: c.get("connectorId") ?? null,
      method: c.req.method,
      path: clip(url.pathname.startsWith(`${SCIM_MOUNT_PATH}/`) ? url.pathname : `${SCIM_MOUNT_PATH}${url.pathname}`),
      query: loggedQuery(url.searchParams, MAX_LOGGED_QUERY[authenticated ? "authenticated" : "refused"]),
      status: c.res.status,
      durationMs,
      resultCount: outcome.results ?? null,
      totalResults: outcome.totalResults ?? null,
      credentialId,
      clientAddress: clientAddress(c),
      userAgent: clip(c.req.header("user-agent")) ?? null,
      error: outcome.error ?? null,
    };
    if (!authenticated && !deps.services.refused.record(entry.clientAddress, entry.status)) return;
    deps.services.requestLog.record(entry);
    const failed = entry.status >= 400;
    if (!failed && !deps.logSuccessfulRequests) return;
    deps.logger[failed ? "info" : "debug"](
      {
        requestId: entry.requestId,
        connector: entry.connectorId,
        method: entry.method,
        path: entry.path,
        query: entry.query,
        status: entry.status,
        durationMs,
        results: entry.resultCount,
        clientAddress: entry.clientAddress,
        userAgent: entry.userAgent,
      },
      "scim request",
    );
  };
}

function loggedQuery(parameters: URLSearchParams, maxLength: number): string | null {
  const kept = new URLSearchParams();
  for (const [name, value] of parameters) if (LOGGED_PARAMETERS.has(name.toLowerCase())) kept.append(name, value);
  const text = kept.toString();
  return text === "" ? null : text.slice(0, maxLength);
}

function clip<T extends string | undefined>(text: T): T {
  return (text !== undefined && text.length > MAX_LOGGED_TEXT ? `${text.slice(0, MAX_LOGGED_TEXT)}…` : text) as T;
}
