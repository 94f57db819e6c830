import { describe, expect, it } from "vitest";
import { NmbrsFault } from "../../../../../src/sources/nmbrs/nmbrs-fault.js";
import { backoffDelay, withRetry } from "../../../../../src/sources/nmbrs/http/retry.js";

const transient = new NmbrsFault("timeout", "timeout", "Op", "1", { transient: true });
const permanent = new NmbrsFault("denied", "1001", "Op", "1", { needsAttention: true });

function policy(slept: number[]) {
  return {
    maxAttempts: 3,
    baseDelayMs: 100,
    random: () => 0.5,
    timer: { sleep: async (ms: number) => void slept.push(ms) },
  };
}

/** A call that fails with the given errors in turn, then succeeds. */
function failing(errors: Error[]): { call: () => Promise<string>; attempts: () => number } {
  let attempts = 0;
  return {
    attempts: () => attempts,
    call: async () => {
      const error = errors[attempts++];
      if (error) throw error;
      return "ok";
    },
  };
}

describe("retry policy", () => {
  it.each([
    ["succeeds after two transient failures", [transient, transient], "ok", 3],
    ["gives up after three transient failures", [transient, transient, transient], transient, 3],
    ["does not retry a refused credential", [permanent], permanent, 1],
    ["does not retry errors that are not source errors", [new TypeError("bug")], TypeError, 1],
  ] as const)("%s", async (_name, errors, outcome, attempts) => {
    const script = failing([...errors]);
    const run = withRetry(script.call, policy([]));
    if (outcome === "ok") await expect(run).resolves.toBe("ok");
    else await expect(run).rejects.toThrow(outcome as never);
    expect(script.attempts()).toBe(attempts);
  });

  it("backs off exponentially with jitter", async () => {
    const slept: number[] = [];
    await withRetry(failing([transient, transient]).call, policy(slept));
    expect(slept).toEqual([50, 100]);
  });

  it.each([
    [1, 0, 0],
    [1, 0.999, 99],
    [3, 0.5, 200],
  ])("attempt %i with draw %f waits %i ms", (attempt, draw, expected) => {
    expect(backoffDelay(attempt, 100, draw)).toBe(expected);
  });
});
