import { describe, expect, it } from "vitest";
import type { Lifecycle } from "../../../src/lifecycle/lifecycle-state.js";
import { LifecyclePool } from "../../../src/sync/shared-lifecycles.js";

const employed = (start: string, reason = `active: employment ${start}–open`): Lifecycle => ({
  state: "active",
  reason,
  period: { start, end: null, kind: "employment" },
  graceSince: null,
});

describe("LifecyclePool", () => {
  it("hands out one object for equal lifecycles, equal to what was computed", () => {
    const pool = new LifecyclePool();
    const first = pool.shared(employed("2020-01-01"));
    expect(pool.shared(employed("2020-01-01"))).toBe(first);
    expect(first).toEqual(employed("2020-01-01"));
    expect(Object.keys(first)).toEqual(["state", "reason", "period", "graceSince"]);
    expect(Object.keys(first.period!)).toEqual(["start", "end", "kind"]);
  });

  it.each<[string, Lifecycle]>([
    ["another period start", employed("2020-01-02", "active: employment 2020-01-01–open")],
    [
      "another period kind",
      { ...employed("2020-01-01"), period: { start: "2020-01-01", end: null, kind: "contract" } },
    ],
    [
      "another period end",
      { ...employed("2020-01-01"), period: { start: "2020-01-01", end: "2020-12-31", kind: "employment" } },
    ],
    ["no period", { ...employed("2020-01-01"), period: null }],
    ["another reason", employed("2020-01-01", "active: employment 2020-01-01–open; next contract")],
    ["another state", { ...employed("2020-01-01"), state: "inactive" }],
    ["a grace period", { ...employed("2020-01-01"), graceSince: "2026-12-01" }],
  ])("keeps lifecycles apart that differ by %s", (_difference, other) => {
    const pool = new LifecyclePool();
    const first = pool.shared(employed("2020-01-01"));
    const second = pool.shared(other);
    expect(second).not.toBe(first);
    expect(second).toEqual(other);
  });
});
