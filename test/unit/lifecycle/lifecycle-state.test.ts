import { describe, expect, it } from "vitest";
import {
  lifecycleOf,
  type Lifecycle,
  type LifecycleInput,
  type PreviousLifecycle,
} from "../../../src/lifecycle/lifecycle-state.js";
import type { HrPeriod } from "../../../src/sources/types.js";
import { contract, employment } from "../../support/hr-data.js";

const rules = { daysBefore: 14, daysAfter: 7, retentionDays: 90 };
const leaver = [employment("2026-03-01", "2026-10-31")];

function stateOn(
  today: string,
  periods: readonly HrPeriod[],
  previous: PreviousLifecycle | null = null,
  missingSince: string | null = null,
) {
  return lifecycleOf({ periods, today, rules, previous, missingSince });
}

describe("the dates decide: visible daysBefore before the start, active until daysAfter after the end, then inactive for retentionDays", () => {
  it.each([
    ["the day before start − daysBefore: not visible yet", "2026-02-14", "pending"],
    ["exactly start − daysBefore: visible and active", "2026-02-15", "active"],
    ["the first working day", "2026-03-01", "active"],
    ["the last working day", "2026-10-31", "active"],
    ["exactly end + daysAfter: still active", "2026-11-07", "active"],
    ["the day after end + daysAfter: inactive", "2026-11-08", "inactive"],
    ["the last day of retention: still served inactive", "2027-02-05", "inactive"],
    ["the day after retention: removed", "2027-02-06", "removed"],
  ])("%s (%s → %s)", (_rule, today, state) => {
    expect(stateOn(today, leaver).state).toBe(state);
  });

  it.each([
    [
      "pre-hire",
      "2026-02-20",
      "active: employment 2026-03-01–2026-10-31 starts 2026-03-01; visible from 2026-02-15 (14 days before start)",
    ],
    [
      "working, with an end date",
      "2026-05-01",
      "active: employment 2026-03-01–2026-10-31; active until 2026-11-07 (7 days after end)",
    ],
    [
      "after the end, within daysAfter",
      "2026-11-03",
      "active: employment ended 2026-10-31; active until 2026-11-07 (7 days after end)",
    ],
    [
      "inactive",
      "2026-11-20",
      "inactive: employment ended 2026-10-31, 7 days after end passed on 2026-11-07; removed after 2027-02-05",
    ],
    ["removed", "2027-03-01", "removed: employment ended 2026-10-31; removed after 2027-02-05"],
    [
      "pending",
      "2026-01-01",
      "pending: employment 2026-03-01–2026-10-31; visible from 2026-02-15 (14 days before start)",
    ],
  ])("every state says why: %s", (_case, today, reason) => {
    expect(stateOn(today, leaver).reason).toBe(reason);
  });

  it("an open-ended employment stays active", () => {
    expect(stateOn("2040-01-01", [employment("2024-02-01")])).toMatchObject({
      state: "active",
      reason: "active: employment 2024-02-01–open",
    });
  });

  it("someone without any dated period is pending, and says so", () => {
    expect(stateOn("2026-01-01", [employment(null)])).toMatchObject({
      state: "pending",
      reason: "pending: no employment or contract with a start date",
    });
  });

  it("the served start and end dates are those of the merged period that explains the state", () => {
    const periods = [contract("2026-01-01", "2026-06-30"), contract("2026-07-01", "2026-12-31")];
    expect(stateOn("2026-08-01", periods).period).toEqual({ start: "2026-01-01", end: "2026-12-31", kind: "contract" });
  });
});

describe("rehire", () => {
  const rehired = [employment("2025-01-01", "2025-06-30"), employment("2026-03-01")];

  it.each([
    [
      "inactive after the first employment, with the rehire announced",
      "2025-08-01",
      "inactive",
      "; next employment 2026-03-01–open visible from 2026-02-15",
    ],
    [
      "pending once the first employment's retention passed",
      "2026-01-01",
      "pending",
      "pending: employment 2026-03-01–open",
    ],
    [
      "active again from daysBefore before the new start",
      "2026-02-15",
      "active",
      "active: employment 2026-03-01–open starts 2026-03-01",
    ],
  ])("%s", (_rule, today, state, reasonPart) => {
    const result = stateOn(today, rehired);
    expect(result.state).toBe(state);
    expect(result.reason).toContain(reasonPart);
  });

  it("a rehire soon after leaving stays active throughout: the windows overlap", () => {
    const periods = [employment("2025-01-01", "2026-01-31"), employment("2026-02-10")];
    for (const today of ["2026-01-31", "2026-02-04", "2026-02-08", "2026-02-10"])
      expect(stateOn(today, periods).state).toBe("active");
  });
});

describe("grace: a person served active never disappears at once", () => {
  const active: PreviousLifecycle = { state: "active", graceSince: null };

  it.each<[string, Omit<LifecycleInput, "rules">, Partial<Lifecycle>]>([
    [
      "no longer listed by the source: inactive from the first run they are missing",
      { today: "2026-03-01", periods: [], previous: active, missingSince: "2026-03-01" },
      {
        state: "inactive",
        graceSince: "2026-03-01",
        reason:
          "inactive: no longer listed by the HR system since 2026-03-01; inactive since 2026-03-01, removed after 2026-05-30",
      },
    ],
    [
      "still missing on the last day of retention: inactive",
      {
        today: "2026-05-30",
        periods: [],
        previous: { state: "inactive", graceSince: "2026-03-01" },
        missingSince: "2026-03-01",
      },
      { state: "inactive", graceSince: "2026-03-01" },
    ],
    [
      "missing after retention: removed",
      {
        today: "2026-05-31",
        periods: [],
        previous: { state: "inactive", graceSince: "2026-03-01" },
        missingSince: "2026-03-01",
      },
      {
        state: "removed",
        graceSince: null,
        reason: "removed: no longer listed by the HR system since 2026-03-01; removed after 2026-05-30",
      },
    ],
    [
      "missing, but never served: simply removed",
      {
        today: "2026-03-01",
        periods: [],
        previous: { state: "pending", graceSince: null },
        missingSince: "2026-03-01",
      },
      { state: "removed", reason: "removed: no longer listed by the HR system since 2026-03-01" },
    ],
    [
      "an end date entered after the fact: inactive from today, not gone",
      { today: "2026-06-01", periods: [employment("2020-01-01", "2025-12-31")], previous: active, missingSince: null },
      { state: "inactive", graceSince: "2026-06-01" },
    ],
    [
      "a start date moved to later after the account appeared: inactive until the new window",
      { today: "2026-02-20", periods: [employment("2026-05-01")], previous: active, missingSince: null },
      { state: "inactive", graceSince: "2026-02-20" },
    ],
    [
      "…and active again when the new window starts",
      {
        today: "2026-04-17",
        periods: [employment("2026-05-01")],
        previous: { state: "inactive", graceSince: "2026-02-20" },
        missingSince: null,
      },
      { state: "active", graceSince: null },
    ],
    [
      "an ordinary leaver is removed when retention ends: the dates decide, no extra grace",
      { today: "2027-02-06", periods: leaver, previous: { state: "inactive", graceSince: null }, missingSince: null },
      { state: "removed", graceSince: null },
    ],
    [
      "a rehire of a removed person is active again",
      {
        today: "2026-02-15",
        periods: [employment("2020-01-01", "2021-01-01"), employment("2026-03-01")],
        previous: { state: "removed", graceSince: null },
        missingSince: null,
      },
      { state: "active" },
    ],
  ])("%s", (_rule, input, expected) => {
    expect(lifecycleOf({ ...input, rules })).toMatchObject(expected);
  });

  it("a grace period says what happened and until when", () => {
    const result = lifecycleOf({
      today: "2026-02-20",
      periods: [employment("2026-05-01")],
      previous: active,
      missingSince: null,
      rules,
    });
    expect(result.reason).toBe(
      "inactive: was active, but now pending: employment 2026-05-01–open; visible from 2026-04-17 (14 days before start); " +
        "inactive since 2026-02-20, removed after 2026-05-21",
    );
  });
});
