import type { SourceStats } from "../../types.js";
import { networkError } from "./youforce-errors.js";

/** What a Youforce or Visma Connect call answered: the whole body as text (never more than a page of JSON). */
export interface Answer {
  readonly status: number;
  readonly body: string;
  readonly headers: Headers;
}

export interface SendOptions {
  readonly stats: SourceStats;
  readonly timeoutMs: number;
  /** The Fetch API; tests pass one that records when each call starts. */
  readonly fetch?: typeof fetch;
}

/**
 * One HTTP call, counted in `stats` (calls and bytes, token calls too: spec §4). A network failure or a timeout is a
 * `network` SourceError; redirects are not followed, because they would carry the token wherever they point.
 */
export async function send(
  url: string,
  init: { readonly method: "GET" | "POST"; readonly headers: Record<string, string>; readonly body?: string },
  operation: string,
  options: SendOptions,
  signal?: AbortSignal,
): Promise<Answer> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  options.stats.calls++;
  try {
    const response = await (options.fetch ?? fetch)(url, { ...init, signal: combined, redirect: "manual" });
    const bytes = Buffer.from(await response.arrayBuffer());
    options.stats.bytesReceived += bytes.byteLength;
    return { status: response.status, body: bytes.toString("utf8"), headers: response.headers };
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw networkError(new URL(url).host, operation, timeout.aborted ? options.timeoutMs : null, error);
  }
}
