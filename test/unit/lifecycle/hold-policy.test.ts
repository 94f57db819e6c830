import { describe, expect, it } from "vitest";
import { holdDecision } from "../../../src/lifecycle/hold-policy.js";

describe("holdDecision: a run that looks like a broken source waits for an admin", () => {
  it.each([
    ["the first run never holds", { servedBefore: 0, activeBefore: 0, activeAfter: 500, deactivatedOrRemoved: 0 }, false],
    ["exactly the allowed share is applied", { servedBefore: 100, activeBefore: 100, activeAfter: 90, deactivatedOrRemoved: 10 }, false],
    ["one more than the allowed share is held", { servedBefore: 100, activeBefore: 100, activeAfter: 89, deactivatedOrRemoved: 11 }, true],
    ["leaving nobody active after someone was is held", { servedBefore: 3, activeBefore: 1, activeAfter: 0, deactivatedOrRemoved: 0 }, true],
    ["a connector whose served users are all inactive already is not held for it", { servedBefore: 3, activeBefore: 0, activeAfter: 0, deactivatedOrRemoved: 0 }, false],
    ["a normal day is applied", { servedBefore: 1000, activeBefore: 990, activeAfter: 992, deactivatedOrRemoved: 4 }, false],
  ])("%s", (_rule, counts, hold) => {
    expect(holdDecision({ ...counts, maxDeactivationPercent: 10 }).hold).toBe(hold);
  });

  it("with 100% allowed only a result without active users holds", () => {
    expect(holdDecision({ servedBefore: 10, activeBefore: 10, activeAfter: 1, deactivatedOrRemoved: 9, maxDeactivationPercent: 100 }).hold).toBe(false);
    expect(holdDecision({ servedBefore: 10, activeBefore: 10, activeAfter: 0, deactivatedOrRemoved: 10, maxDeactivationPercent: 100 }).hold).toBe(true);
  });

  it.each([
    [{ servedBefore: 50, activeBefore: 50, activeAfter: 10, deactivatedOrRemoved: 40 }, "would deactivate or remove 40 of 50 served users (80%, more than the allowed 10%)"],
    [{ servedBefore: 30, activeBefore: 30, activeAfter: 26, deactivatedOrRemoved: 4 }, "would deactivate or remove 4 of 30 served users (13.3%, more than the allowed 10%)"],
    [{ servedBefore: 3, activeBefore: 3, activeAfter: 0, deactivatedOrRemoved: 3 }, "would leave no active users (3 active now)"],
  ])("says why: %j", (counts, reason) => {
    expect(holdDecision({ ...counts, maxDeactivationPercent: 10 })).toEqual({ hold: true, reason });
  });
});
