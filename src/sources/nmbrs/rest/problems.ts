import { NmbrsFault, describeCall, type CallSite } from "../nmbrs-fault.js";

/**
 * Turning a failed REST answer into an {@link NmbrsFault} an admin can act on. Nmbrs documents its errors as
 * "type, HTTP status, code, title, detail and documentation URL" (Nmbrs API reference), i.e. RFC 7807 problem details; the
 * API gateway in front of it (Azure API Management, which issues the subscription keys) answers its own refusals as
 * `{ statusCode, message }`. Both are read, and an answer that is neither still gets a message from its status.
 */

export interface ProblemDetails {
  readonly type: string | null;
  readonly title: string | null;
  readonly status: number | null;
  readonly detail: string | null;
  readonly code: string | null;
}

/** A REST call in errors: where it went, and the OAuth scope it needs (named when Nmbrs refuses it). */
export interface RestSite extends CallSite {
  readonly scope?: string;
}

/**
 * The code of the fault for `GET /api/companies` refused with title `ForbiddenMultiDebtor.`: the consenting user
 * has several debtors (an accountant, a payroll bureau) and companies must be listed per debtor (brynq's SDK).
 */
export const MULTI_DEBTOR = "ForbiddenMultiDebtor";

/** Waits longer than this are not sat out inside a run: the run stops and the next scheduled one tries again. */
export const MAX_RETRY_AFTER_MS = 120_000;

/** The problem in a response body, or null when the body is not JSON (an HTML error page of a proxy). */
export function readProblem(body: string): ProblemDetails | null {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return null;
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) return null;
  const record = json as Record<string, unknown>;
  const text = (value: unknown) =>
    typeof value === "string" && value.trim() !== ""
      ? value.trim().slice(0, 300)
      : typeof value === "number"
        ? String(value)
        : null;
  const status =
    typeof record.status === "number"
      ? record.status
      : typeof record.statusCode === "number"
        ? record.statusCode
        : null;
  return {
    type: text(record.type),
    title: text(record.title),
    status,
    detail: text(record.detail) ?? text(record.message) ?? text(record.error_description),
    code: text(record.code) ?? text(record.errorCode) ?? text(record.error),
  };
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3); undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null || header.trim() === "") return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** True when the API gateway refused the subscription key rather than the bearer token. */
export function isSubscriptionKeyRefusal(problem: ProblemDetails | null): boolean {
  return /subscription key/i.test(`${problem?.title ?? ""} ${problem?.detail ?? ""}`);
}

export function faultFromResponse(
  status: number,
  headers: Headers,
  body: string,
  site: RestSite,
  now: number,
): NmbrsFault {
  const problem = readProblem(body);
  const where = describeCall(site);
  const said = problemText(problem);
  const code = problem?.code ?? `http-${status}`;
  const fault = (message: string, flags: ConstructorParameters<typeof NmbrsFault>[4] = {}) =>
    new NmbrsFault(message, code, site.operation, site.company, flags);

  if (status === 401 && isSubscriptionKeyRefusal(problem)) {
    return new NmbrsFault(
      `Nmbrs refused the subscription key for ${where}${said}: check the subscription key in the connector settings, and that its subscription to the Nmbrs API product is active (your profile in the Nmbrs developer portal, developer.payroll.nmbrs.com/profile).`,
      "subscription-key",
      site.operation,
      site.company,
      { needsAttention: true },
    );
  }
  if (status === 401) {
    return fault(
      `Nmbrs did not accept the gateway's access token for ${where}${said}: connect the gateway to Nmbrs again ("Connect to Nmbrs" on the connector page).`,
      {
        needsAttention: true,
      },
    );
  }
  if (status === 403 && [problem?.title, problem?.code].some((word) => word?.replace(/\.$/, "") === MULTI_DEBTOR)) {
    // Not "no access": the user sees more than one debtor, which the source answers by listing per debtor.
    return new NmbrsFault(
      `Nmbrs asks for the companies per debtor (${where}${said}): the connected Nmbrs user has more than one debtor.`,
      MULTI_DEBTOR,
      site.operation,
      site.company,
    );
  }
  if (status === 403) {
    const scope = site.scope
      ? `the gateway's connection lacks the scope ${site.scope} this call needs (add it to the app at Nmbrs, then click "Connect to Nmbrs" on the connector page), or `
      : "";
    return fault(
      `Nmbrs refused ${where} (403 Forbidden)${said}: ${scope}the Nmbrs user who connected the gateway has no access to this data.`,
      { needsAttention: true },
    );
  }
  if (status === 404) {
    return fault(
      `Nmbrs does not know ${where} (404 Not Found)${said}: the company may no longer be visible to the connected Nmbrs user, or the API URL is wrong.`,
      {
        needsAttention: true,
      },
    );
  }
  if (status === 429 || status === 503) {
    const wait = retryAfterMs(headers.get("retry-after"), now);
    const reason =
      status === 429
        ? "is limiting the gateway's request rate (429 Too Many Requests)"
        : "is temporarily unavailable (503 Service Unavailable)";
    if (wait !== undefined && wait > MAX_RETRY_AFTER_MS) {
      return fault(
        `Nmbrs ${reason} for ${where} and asked to wait ${Math.round(wait / 1000)} s; this run stops, the next scheduled run tries again.`,
      );
    }
    return fault(`Nmbrs ${reason} for ${where}${said}.`, {
      transient: true,
      ...(wait !== undefined ? { retryAfterMs: wait } : {}),
    });
  }
  if (status >= 500)
    return fault(`Nmbrs answered ${where} with HTTP ${status}${said}: Nmbrs or a proxy in between is having trouble.`, {
      transient: true,
    });
  if (status >= 300 && status < 400) {
    return fault(
      `Nmbrs answered ${where} with a redirect (HTTP ${status}): check the API URL in the connector settings.`,
      { needsAttention: true },
    );
  }
  return fault(`Nmbrs rejected ${where} with HTTP ${status}${said}.`);
}

/** ": Title: detail (code X, see https://…)" from a problem, or "" when there is nothing to add. */
function problemText(problem: ProblemDetails | null): string {
  if (!problem) return "";
  const words = [problem.title, problem.detail].filter((part): part is string => part !== null);
  const unique = words.filter((word, index) => words.indexOf(word) === index);
  const extras = [
    problem.code ? `code ${problem.code}` : null,
    problem.type && /^https?:\/\//.test(problem.type) ? `see ${problem.type}` : null,
  ].filter(Boolean);
  if (unique.length === 0 && extras.length === 0) return "";
  return `: ${unique.join(": ")}${extras.length > 0 ? ` (${extras.join(", ")})` : ""}`;
}
