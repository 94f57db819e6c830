/**
 * A token bucket for Nmbrs' "150 calls per second" fair-use limit (spec §3.3). Nmbrs throttles by delaying, not by
 * refusing, so staying under the limit keeps runs predictable. Clock and sleep are injected for tests.
 */
export interface RateLimiter {
  /** Resolves when a call may be made; rejects with the signal's reason if aborted while waiting. */
  acquire(signal?: AbortSignal): Promise<void>;
}

export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: Clock = {
  now: () => performance.now(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer = setTimeout(() => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      }, ms);
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      signal?.addEventListener("abort", onAbort, { once: true });
    }),
};

export function createRateLimiter(callsPerSecond: number, clock: Clock = realClock): RateLimiter {
  const capacity = callsPerSecond;
  let tokens = capacity;
  let refilledAt = clock.now();
  // Callers take their turn in order; each reserves a token (possibly going negative) and waits off the debt.
  return {
    async acquire(signal) {
      signal?.throwIfAborted();
      const now = clock.now();
      tokens = Math.min(capacity, tokens + ((now - refilledAt) / 1000) * callsPerSecond);
      refilledAt = now;
      tokens -= 1;
      if (tokens >= 0) return;
      await clock.sleep((-tokens / callsPerSecond) * 1000, signal);
    },
  };
}
