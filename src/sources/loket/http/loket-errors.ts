import { parseObject } from "../../http/send.js";
import { SourceError } from "../../types.js";

/** The request an error belongs to, as messages and `operation` name it. */
export interface LoketCall {
  /** e.g. "GET providers/employers/{id}/employees page=2". */
  readonly operation: string;
  /** Relative to api_url, e.g. "providers/employers/5b6a…/employees". */
  readonly path: string;
  readonly query?: Readonly<Record<string, string | number>>;
  /** employerNumber, named in messages about one employer. */
  readonly company?: string;
}

/** The longest Retry-After worth waiting for within a run (the Loket spec §4); a longer one fails the run at once. */
export const MAX_RETRY_AFTER_MS = 60_000;

/** A failure Loket says to wait out: 429 or 503 with `Retry-After`. */
export class LoketBusy extends SourceError {
  constructor(
    message: string,
    details: ConstructorParameters<typeof SourceError>[1],
    readonly retryAfterMs: number | undefined,
  ) {
    super(message, details);
  }
}

/**
 * The SourceError for an answer other than 200 (the Loket spec §4). Each message says what the admin checks and
 * quotes Loket's own `messages[].description` when the body has them; none quotes a request header (the token is in
 * one). A 401 reaches this only after one renewed token was refused too.
 */
export function statusError(status: number, body: string, call: LoketCall, retryAfterMs?: number): SourceError {
  const details = { code: String(status), operation: call.operation, company: call.company };
  const said = loketSays(body);
  const employer = call.company === undefined ? "" : ` ${call.company}`;
  if (status === 401)
    return new SourceError(
      `Loket refuses the gateway's token for ${call.operation}${said}: click "Connect to Loket" on the connector page to connect again.`,
      { ...details, needsAttention: true },
    );
  if (status === 403)
    return new SourceError(
      `Loket refused ${call.operation} (403)${said}: the Loket user who connected the gateway has no rights on employer${employer}, or the app lacks the scope. Give that user access in Loket, or connect as a user who has it.`,
      { ...details, needsAttention: true },
    );
  if (status === 404)
    return new SourceError(
      `Loket answered 404 to ${call.operation}${said}: employer${employer} no longer exists, or api_url is wrong.`,
      { ...details, needsAttention: true },
    );
  if (status === 429 || status >= 500) {
    const wait = retryAfterMs === undefined ? "" : ` (asked to wait ${Math.ceil(retryAfterMs / 1000)} s)`;
    return new LoketBusy(
      `Loket is unavailable: HTTP ${status} to ${call.operation}${wait}${said}; the next run tries again.`,
      { ...details, transient: true },
      retryAfterMs,
    );
  }
  return new SourceError(`Loket answered HTTP ${status} to ${call.operation}${said}.`, details);
}

/** The answer is not a Loket collection page. */
export function badResponse(problem: string, call: LoketCall): SourceError {
  return new SourceError(`Loket sent an unreadable answer to ${call.operation} (${call.path}): ${problem}.`, {
    code: "bad_response",
    operation: call.operation,
    company: call.company,
    transient: true,
  });
}

/** `: "…"` with the descriptions of the body's `messages[]`, or "" when it has none. */
function loketSays(body: string): string {
  const messages = parseObject(body)?.messages;
  if (!Array.isArray(messages)) return "";
  const descriptions = messages
    .map((message) =>
      message && typeof message === "object" ? (message as { description?: unknown }).description : null,
    )
    .filter((text): text is string => typeof text === "string" && text.trim() !== "")
    .map((text) => text.trim());
  return descriptions.length > 0 ? `: "${descriptions.join("; ")}"` : "";
}
