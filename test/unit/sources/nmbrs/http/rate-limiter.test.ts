import { describe, expect, it } from "vitest";
import { createRateLimiter, type Timer } from "../../../../../src/sources/nmbrs/http/rate-limiter.js";

/** A timer that only moves when the limiter sleeps, so the test reads when each call was let through. */
function manualTimer(): Timer & { advance(ms: number): void } {
  let now = 0;
  return {
    now: () => now,
    advance: (ms) => void (now += ms),
    sleep: async (ms) => void (now += ms),
  };
}

/** Acquires `calls` times in a row and returns the timer time at which each call was let through. */
async function startTimes(calls: number, perSecond: number, timer = manualTimer()): Promise<number[]> {
  const limiter = createRateLimiter(perSecond, timer);
  const times: number[] = [];
  for (let call = 0; call < calls; call++) {
    await limiter.acquire();
    times.push(timer.now());
  }
  return times;
}

describe("rate limiter", () => {
  it("never lets more than 150 calls start within any one second", async () => {
    const times = await startTimes(600, 150);
    for (let index = 0; index + 150 < times.length; index++) {
      // The 151st call after any call starts at least a full second later.
      expect(times[index + 150]! - times[index]!).toBeGreaterThanOrEqual(1000 - 1e-6);
    }
  });

  it.each([
    [1, 0],
    [2, 1000 / 150],
    [151, 1000],
  ])("%i calls in a row finish being let through after %f ms", async (calls, lastStart) => {
    const times = await startTimes(calls, 150);
    expect(times.at(-1)).toBeCloseTo(lastStart, 6);
  });

  it("lets a call through at once after an idle pause", async () => {
    const timer = manualTimer();
    const limiter = createRateLimiter(10, timer);
    await limiter.acquire();
    timer.advance(500);
    await limiter.acquire();
    expect(timer.now()).toBe(500);
  });

  it("spaces concurrent callers one interval apart (the limit is shared, not per caller)", async () => {
    const slept: number[] = [];
    const limiter = createRateLimiter(100, { now: () => 0, sleep: async (ms) => void slept.push(ms) });
    await Promise.all([0, 1, 2, 3].map(() => limiter.acquire()));
    expect(slept).toEqual([10, 20, 30]);
  });

  it("gives up waiting when aborted", async () => {
    const limiter = createRateLimiter(1, {
      now: () => 0,
      sleep: (_ms, signal) =>
        new Promise((_resolve, reject) => signal?.addEventListener("abort", () => reject(signal.reason))),
    });
    await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    controller.abort(new Error("stop"));
    await expect(waiting).rejects.toThrow("stop");
  });
});
