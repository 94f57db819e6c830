import type { SourceError, SourceStats } from "../types.js";

/**
 * One HTTP call of a JSON source (AFAS, Loket, Youforce and Visma Connect), the part they share: a per-call timeout,
 * the caller's abort passed through untouched, calls and bytes counted in `stats`, and redirects not followed, because
 * they would carry the credentials wherever they point. What a failure is called stays each source's own.
 */

/** What the call answered: the whole body as text (never more than a page of JSON). */
export interface Answer {
  readonly status: number;
  readonly body: string;
  /** The body's bytes as received, before decoding: what a source's raw-answers digest hashes (raw-digest.ts). */
  readonly bytes: Buffer;
  readonly headers: Headers;
}

export interface SendOptions {
  readonly stats: SourceStats;
  readonly timeoutMs: number;
  /** The Fetch API; tests pass one that records when each call starts. */
  readonly fetch?: typeof fetch;
}

export interface SendRequest {
  readonly method?: "GET" | "POST";
  readonly headers: Record<string, string>;
  readonly body?: string;
}

/** The source's SourceError for a call that got no answer: `timedOutAfterMs` is null when the network failed. */
export type NetworkFailure = (host: string, timedOutAfterMs: number | null, error: unknown) => SourceError;

export async function send(
  url: string,
  request: SendRequest,
  options: SendOptions,
  failed: NetworkFailure,
  signal?: AbortSignal,
): Promise<Answer> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  options.stats.calls++;
  try {
    const response = await (options.fetch ?? fetch)(url, { ...request, signal: combined, redirect: "manual" });
    const bytes = Buffer.from(await response.arrayBuffer());
    options.stats.bytesReceived += bytes.byteLength;
    return { status: response.status, body: bytes.toString("utf8"), bytes, headers: response.headers };
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw failed(new URL(url).host, timeout.aborted ? options.timeoutMs : null, error);
  }
}

/** What fetch says went wrong: undici hides the socket's reason in `cause`. */
export function causeOf(error: unknown): string {
  const cause = (error as Error).cause;
  return cause instanceof Error ? cause.message : (error as Error).message;
}

/** The body as a JSON object, or null when it is not one (the caller reports what it expected instead). */
export function parseObject(body: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(body);
    return value !== null && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
