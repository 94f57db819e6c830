import type { Logger } from "../../../logging/logger.js";
import type { SourceStats } from "../../types.js";
import type { CallSite } from "../nmbrs-fault.js";
import {
  decodeBody,
  type HttpAnswer,
  type HttpRequest,
  type RawHttpAnswer,
  receiveRequest,
  type TransportOptions,
} from "./http-transport.js";
import type { RateLimiter } from "./rate-limiter.js";
import { type RetryPolicy, withRetry } from "./retry.js";

/** What the SOAP and the REST client share for every call to Nmbrs. */
export interface NmbrsCallConfig {
  readonly transport: TransportOptions;
  readonly retry: RetryPolicy;
  readonly limiter: RateLimiter;
  readonly stats: SourceStats;
  readonly logger?: Logger;
}

/**
 * One request to Nmbrs, either protocol: it waits its turn at the rate limiter, counts the call and its bytes in the
 * source's stats, and logs it at debug level with its status, size and time. The body is decoded as UTF-8.
 */
export async function pacedRequest(
  request: HttpRequest,
  site: CallSite,
  config: NmbrsCallConfig,
  signal: AbortSignal | undefined,
): Promise<HttpAnswer> {
  const { chunks, ...answer } = await pacedReceive(request, site, config, signal);
  return { ...answer, body: decodeBody(chunks) };
}

/**
 * {@link pacedRequest} with the body left as the chunks received; `onChunk` sees each chunk as it arrives (the raw
 * answer's hash, sources/raw-digest.ts), before anything decodes it.
 */
export async function pacedReceive(
  request: HttpRequest,
  site: CallSite,
  config: NmbrsCallConfig,
  signal: AbortSignal | undefined,
  onChunk?: (chunk: Uint8Array) => void,
): Promise<RawHttpAnswer> {
  await config.limiter.acquire(signal);
  const started = performance.now();
  config.stats.calls++;
  const answer = await receiveRequest(request, site, config.transport, signal, onChunk);
  config.stats.bytesReceived += answer.bytes;
  config.logger?.debug(
    {
      operation: site.operation,
      company: site.company,
      status: answer.status,
      bytes: answer.bytes,
      ms: Math.round(performance.now() - started),
    },
    "nmbrs call",
  );
  return answer;
}

/** `attempt` under the client's retry policy, each retry logged with the call and the reason. */
export function withLoggedRetry<T>(
  attempt: () => Promise<T>,
  site: CallSite,
  config: Pick<NmbrsCallConfig, "retry" | "logger">,
  signal: AbortSignal | undefined,
): Promise<T> {
  return withRetry(
    attempt,
    {
      ...config.retry,
      onRetry: (error, attempt, delayMs) =>
        config.logger?.warn(
          { operation: site.operation, company: site.company, attempt, delayMs, reason: error.message },
          "retrying nmbrs call",
        ),
    },
    signal,
  );
}
