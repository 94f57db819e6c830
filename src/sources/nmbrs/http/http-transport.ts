import { StringDecoder } from "node:string_decoder";
import { readCapped } from "../../http/read-capped.js";
import { causeOf } from "../../http/send.js";
import { NmbrsFault, describeCall, type CallSite } from "../nmbrs-fault.js";

/** How one HTTP exchange with Nmbrs is bounded; shared by the SOAP and the REST client. */
export interface TransportOptions {
  readonly timeoutMs: number;
  /** Responses beyond this are aborted while streaming, so a runaway answer cannot exhaust memory. */
  readonly maxResponseBytes: number;
  /**
   * Shared by the calls of one source (see {@link oneBodyAtATime}): requests still overlap the server's time to
   * answer, but their bodies (a bulk SOAP answer runs to megabytes) are received one after the other.
   */
  readonly bodyTurns?: BodyTurns;
}

export type BodyTurns = <T>(receive: () => Promise<T>) => Promise<T>;

/**
 * Turns for receiving response bodies, one at a time in arrival order. A body is used (parsed) right after it is
 * received, before the event loop lets the next one in, so a source holds one response instead of one per call in
 * flight. A failed turn does not affect the next one (retries go through the same turns).
 */
export function oneBodyAtATime(): BodyTurns {
  let last: Promise<unknown> = Promise.resolve();
  return (receive) => {
    const turn = last.then(receive);
    // Settled without the body, which the queue must not keep alive.
    last = turn.then(
      () => undefined,
      () => undefined,
    );
    return turn;
  };
}

export interface HttpRequest {
  readonly url: string;
  readonly method: "GET" | "POST";
  readonly headers: Record<string, string>;
  readonly body?: string;
}

export interface HttpAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;
  readonly bytes: number;
}

/** An answer as received, not yet decoded: its body in the chunks the socket delivered. */
export interface RawHttpAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly chunks: readonly Uint8Array[];
  readonly bytes: number;
}

/**
 * The body as text, decoded chunk by chunk rather than concatenated into one buffer first: an answer-sized native
 * buffer is taken from malloc's heap, which keeps the memory after it is freed (a sync's RSS grew by it; BENCHMARKS.md).
 */
export function decodeBody(chunks: readonly Uint8Array[]): string {
  const decoder = new StringDecoder("utf8");
  const parts = chunks.map((chunk) => decoder.write(chunk));
  parts.push(decoder.end());
  return parts.join("");
}

/**
 * One HTTP request with a per-call timeout and a response size cap. Transport failures become {@link NmbrsFault}s
 * marked transient where a retry can help; an abort by the caller is passed through untouched. `onChunk`, when given,
 * sees every chunk of the body as it arrives (to hash the raw answer, sources/raw-digest.ts), before anything decodes it.
 */
export async function receiveRequest(
  request: HttpRequest,
  site: CallSite,
  options: TransportOptions,
  signal?: AbortSignal,
  onChunk?: (chunk: Uint8Array) => void,
): Promise<RawHttpAnswer> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  try {
    // Redirects are not followed: a 3xx from an API is a misconfigured URL, and following it would send the
    // credentials in the headers to wherever it points.
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: combined,
      redirect: "manual",
    });
    const receive = () => receiveChunks(response, site, options.maxResponseBytes, onChunk);
    const { chunks, bytes } = await (options.bodyTurns ? options.bodyTurns(receive) : receive());
    return { status: response.status, headers: response.headers, chunks, bytes };
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (error instanceof NmbrsFault) throw error;
    if (timeout.aborted) {
      throw new NmbrsFault(
        `Nmbrs did not answer ${describeCall(site)} within ${options.timeoutMs / 1000} s.`,
        "timeout",
        site.operation,
        site.company,
        { transient: true },
        { cause: error },
      );
    }
    throw new NmbrsFault(
      `Could not reach Nmbrs for ${describeCall(site)}: ${causeOf(error)}.`,
      "network",
      site.operation,
      site.company,
      { transient: true },
      { cause: error },
    );
  }
}

async function receiveChunks(
  response: Response,
  site: CallSite,
  maxBytes: number,
  onChunk: ((chunk: Uint8Array) => void) | undefined,
): Promise<{ chunks: Uint8Array[]; bytes: number }> {
  const chunks: Uint8Array[] = [];
  const tooLarge = () =>
    new NmbrsFault(
      `Nmbrs sent more than ${Math.round(maxBytes / 1_048_576)} MB for ${describeCall(site)}; the response was aborted. Raise the response size limit if the company is this large.`,
      "too-large",
      site.operation,
      site.company,
    );
  const bytes = await readCapped(response.body, maxBytes, tooLarge, (chunk) => {
    onChunk?.(chunk);
    chunks.push(chunk);
  });
  return { chunks, bytes };
}
