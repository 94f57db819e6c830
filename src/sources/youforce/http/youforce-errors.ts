import { causeOf, type NetworkFailure } from "../../http/send.js";
import { SourceError } from "../../types.js";

/**
 * The SourceErrors of the Youforce boundary (the Youforce spec §4). Each message says what the admin checks; none
 * quotes a request header (the token is in one). Youforce documents no error bodies, so a body is quoted as opaque
 * text, cut at 300 characters.
 */

export function quoted(body: string): string {
  const text = body.replace(/\s+/g, " ").trim();
  if (text === "") return "";
  return ` Youforce said: "${text.length > 300 ? `${text.slice(0, 300)}…` : text}".`;
}

/** A data call answered with something other than 200, after the client's retries. */
export function statusError(status: number, body: string, operation: string): SourceError {
  const details = { code: String(status), operation };
  switch (status) {
    case 401:
      return new SourceError(
        `Youforce refused a fresh token on ${operation} (401): check the app's link to the IAM API in the Visma Developer Portal.${quoted(body)}`,
        { ...details, needsAttention: true },
      );
    case 403:
      return new SourceError(
        `Youforce refused ${operation} (403): the app lacks the scope Youforce-IAM:Get_Basic or access to this tenant.${quoted(body)}`,
        { ...details, needsAttention: true },
      );
    case 404:
      return new SourceError(
        `Youforce answered 404 to ${operation}: check api_url, or the tenant has no IAM data authorisation.${quoted(body)}`,
        { ...details, needsAttention: true },
      );
    case 429:
      return new SourceError(
        `Youforce kept answering 429 (too many requests) to ${operation}: Youforce is busy; the next run tries again.`,
        { ...details, transient: true },
      );
    default:
      return new SourceError(
        `Youforce answered HTTP ${status} to ${operation}: Youforce is busy or unavailable; the next run tries again.${quoted(body)}`,
        { ...details, transient: status >= 500 },
      );
  }
}

/** The answer is not what a Youforce list returns. */
export function badResponse(problem: string, operation: string): SourceError {
  return new SourceError(`Youforce sent an unreadable answer to ${operation}: ${problem}.`, {
    code: "bad_response",
    operation,
    transient: true,
  });
}

/** A Youforce or Visma Connect call that got no answer (sources/http/send.ts asks for it). */
export const networkError =
  (operation: string): NetworkFailure =>
  (host, timeoutMs, cause) => {
    const message =
      timeoutMs !== null
        ? `Youforce at ${host} did not answer ${operation} within ${timeoutMs / 1000} s: Youforce is busy or unavailable; the next run tries again.`
        : `Could not reach Youforce at ${host} for ${operation}: ${causeOf(cause)}; the next run tries again.`;
    return new SourceError(message, { code: "network", operation, transient: true }, { cause });
  };

/** The token endpoint refused the credentials (400/401 with an OAuth error). */
export function tokenRefused(error: string, description: string | null, operation: string): SourceError {
  const said = description ? ` (${description})` : "";
  return new SourceError(
    `Visma Connect refused the token request: ${error}${said}. Check client_id, the client secret and tenant_id, and that the tenant granted the app access (accepted its invitation).`,
    { code: `token_${error}`, operation, needsAttention: true },
  );
}

/** The token endpoint answered 429: the app's monthly quota of 400 authentications may be spent. */
export function tokenQuota(operation: string): SourceError {
  return new SourceError(
    "Visma Connect answered 429 to the token request: the app's monthly quota of 400 authentication calls may be spent; run this connector less often (every 2 hours or less).",
    { code: "token_quota", operation, transient: true, needsAttention: true },
  );
}

/**
 * Versions came again during the read (changed behind the bookmark) ranking lower than before, and nothing read after
 * them settled which version counts: the versions they had beaten were let go while reading (rules/versions.ts).
 */
export function changedDuringRead(ids: readonly string[], operation: string): SourceError {
  const named = ids.slice(0, 5).join(", ") + (ids.length > 5 ? ` and ${ids.length - 5} more` : "");
  return new SourceError(
    `Youforce changed records (${named}) while ${operation} was being read, so today's version of them is not known; the next run reads them again.`,
    { code: "changed_during_read", operation, transient: true },
  );
}
