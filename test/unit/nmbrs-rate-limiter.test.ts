import { describe, expect, it } from "vitest";
import { createRateLimiter, type Clock } from "../../src/sources/nmbrs/rate-limiter.js";

/** A clock that only moves when the limiter sleeps, so the test reads how long the limiter made callers wait. */
function manualClock(): Clock & { slept: number[] } {
  let now = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}

describe("rate limiter", () => {
  it.each([
    [150, 150, 0],
    [151, 150, 1],
    [300, 150, 150],
  ])("%i immediate calls at %i/s wait %i times", async (calls, perSecond, waits) => {
    const clock = manualClock();
    const limiter = createRateLimiter(perSecond, clock);
    for (let call = 0; call < calls; call++) await limiter.acquire();
    expect(clock.slept.filter((ms) => ms > 0)).toHaveLength(waits);
  });

  it("never lets more than the rate through per second of clock time", async () => {
    const clock = manualClock();
    const limiter = createRateLimiter(150, clock);
    for (let call = 0; call < 600; call++) await limiter.acquire();
    // 150 from the full bucket, then 450 at 150/s.
    expect(clock.now()).toBeCloseTo(3000, 0);
  });

  it("refills while idle", async () => {
    const clock = manualClock();
    const limiter = createRateLimiter(10, clock);
    for (let call = 0; call < 10; call++) await limiter.acquire();
    await clock.sleep(1000);
    clock.slept.length = 0;
    for (let call = 0; call < 10; call++) await limiter.acquire();
    expect(clock.slept).toEqual([]);
  });

  it("gives up waiting when aborted", async () => {
    const limiter = createRateLimiter(1, { now: () => 0, sleep: (_ms, signal) => new Promise((_resolve, reject) => signal?.addEventListener("abort", () => reject(signal.reason))) });
    await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    controller.abort(new Error("stop"));
    await expect(waiting).rejects.toThrow("stop");
  });
});
