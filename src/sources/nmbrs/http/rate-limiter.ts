/**
 * A token bucket for Nmbrs' "150 calls per second" fair-use limit (Nmbrs API reference), shared by every call of one source.
 * Nmbrs throttles by delaying, not by refusing, so staying under the limit keeps runs predictable. The timer is
 * injected for tests.
 */
export interface RateLimiter {
  /** Resolves when a call may be made; rejects with the signal's reason if aborted while waiting. */
  acquire(signal?: AbortSignal): Promise<void>;
}

/** Monotonic milliseconds and waiting, for pacing calls: not the wall clock (src/clock.ts), which may jump. */
export interface Timer {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realTimer: Timer = {
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

/**
 * The bucket holds a single token, so calls are spaced 1/rate apart. A bucket of `rate` tokens would allow a burst
 * of 150 on top of the 150 refilled within the same second; one token keeps every one-second window at the limit,
 * and a company's dozen bulk calls lose only milliseconds to the spacing.
 */
export function createRateLimiter(callsPerSecond: number, timer: Timer = realTimer): RateLimiter {
  const interval = 1000 / callsPerSecond;
  // When the next call may start. Callers reserve their slot in arrival order, then wait for it.
  let nextSlot = Number.NEGATIVE_INFINITY;
  return {
    async acquire(signal) {
      signal?.throwIfAborted();
      const now = timer.now();
      const slot = Math.max(now, nextSlot);
      nextSlot = slot + interval;
      if (slot > now) await timer.sleep(slot - now, signal);
    },
  };
}
