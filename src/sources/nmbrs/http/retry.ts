import { SourceError } from "../../types.js";
import { NmbrsFault } from "../nmbrs-fault.js";
import type { Timer } from "./rate-limiter.js";

export interface RetryPolicy {
  readonly maxAttempts: number;
  /** First backoff; doubles per attempt, with full jitter. */
  readonly baseDelayMs: number;
  readonly timer: Pick<Timer, "sleep">;
  /** Uniform in [0, 1); injected so tests can pin the jitter. */
  readonly random: () => number;
  readonly onRetry?: (error: SourceError, attempt: number, delayMs: number) => void;
}

/**
 * Runs `call` until it succeeds, fails with a non-transient error, or attempts run out. Only errors marked
 * transient (network, timeout, HTTP 5xx without a fault, Nmbrs 1006, REST 429/503) are retried: retrying a refused
 * credential only locks the account sooner. When Nmbrs said how long to wait (`Retry-After`), that wait is used
 * instead of the backoff: asking again sooner only earns another 429.
 */
export async function withRetry<T>(
  call: (attempt: number) => Promise<T>,
  policy: RetryPolicy,
  signal?: AbortSignal,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call(attempt);
    } catch (error) {
      if (!(error instanceof SourceError) || !error.details.transient || attempt >= policy.maxAttempts) throw error;
      const delayMs =
        (error instanceof NmbrsFault ? error.retryAfterMs : undefined) ??
        backoffDelay(attempt, policy.baseDelayMs, policy.random());
      policy.onRetry?.(error, attempt, delayMs);
      await policy.timer.sleep(delayMs, signal);
    }
  }
}

/** Full jitter: uniform in [0, base × 2^(attempt-1)), so parallel callers do not retry in lockstep. */
export function backoffDelay(attempt: number, baseDelayMs: number, draw: number): number {
  return Math.floor(draw * baseDelayMs * 2 ** (attempt - 1));
}
