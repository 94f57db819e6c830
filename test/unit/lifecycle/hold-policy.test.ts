import { describe, expect, it } from "vitest";
import { brakeSlice, holdDecision, type BrakeInput } from "../../../src/lifecycle/hold-policy.js";

describe("holdDecision: a run that looks like a broken source waits for an admin", () => {
  it.each([
    [
      "the first run never holds",
      { servedBefore: 0, activeBefore: 0, activeAfter: 500, deactivatedOrRemoved: 0 },
      false,
    ],
    [
      "exactly the allowed share is applied",
      { servedBefore: 100, activeBefore: 100, activeAfter: 90, deactivatedOrRemoved: 10 },
      false,
    ],
    [
      "one more than the allowed share is held",
      { servedBefore: 100, activeBefore: 100, activeAfter: 89, deactivatedOrRemoved: 11 },
      true,
    ],
    [
      "leaving nobody active after someone was is held",
      { servedBefore: 3, activeBefore: 1, activeAfter: 0, deactivatedOrRemoved: 0 },
      true,
    ],
    [
      "a connector whose served users are all inactive already is not held for it",
      { servedBefore: 3, activeBefore: 0, activeAfter: 0, deactivatedOrRemoved: 0 },
      false,
    ],
    [
      "a normal day is applied",
      { servedBefore: 1000, activeBefore: 990, activeAfter: 992, deactivatedOrRemoved: 4 },
      false,
    ],
  ])("%s", (_rule, counts, hold) => {
    expect(holdDecision({ ...counts, maxDeactivationPercent: 10 }).hold).toBe(hold);
  });

  it("with 100% allowed only a result without active users holds", () => {
    expect(
      holdDecision({
        servedBefore: 10,
        activeBefore: 10,
        activeAfter: 1,
        deactivatedOrRemoved: 9,
        maxDeactivationPercent: 100,
      }).hold,
    ).toBe(false);
    expect(
      holdDecision({
        servedBefore: 10,
        activeBefore: 10,
        activeAfter: 0,
        deactivatedOrRemoved: 10,
        maxDeactivationPercent: 100,
      }).hold,
    ).toBe(true);
  });

  it.each([
    [
      { servedBefore: 50, activeBefore: 50, activeAfter: 10, deactivatedOrRemoved: 40 },
      "would deactivate or remove 40 of 50 served users (80%, more than the allowed 10%)",
    ],
    [
      { servedBefore: 30, activeBefore: 30, activeAfter: 26, deactivatedOrRemoved: 4 },
      "would deactivate or remove 4 of 30 served users (13.3%, more than the allowed 10%)",
    ],
    [
      { servedBefore: 3, activeBefore: 3, activeAfter: 0, deactivatedOrRemoved: 3 },
      "would leave no active users (3 active now)",
    ],
  ])("says why: %j", (counts, reason) => {
    expect(holdDecision({ ...counts, maxDeactivationPercent: 10 })).toEqual({ hold: true, reason });
  });
});

describe("brakeSlice: a tripped brake holds only deactivations, and with scope company only the companies that tripped", () => {
  const leavers = (company: string, count: number) =>
    Array.from({ length: count }, (_, i) => ({ scimId: `${company}-${i}`, companyNumber: company }));
  const input = (overrides: Partial<BrakeInput>): BrakeInput => ({
    scope: "company",
    maxDeactivationPercent: 10,
    servedBefore: new Map([
      ["1", 100],
      ["2", 100],
    ]),
    activeBefore: 200,
    activeAfter: 150,
    affected: [],
    ...overrides,
  });

  it("holds nothing on a normal day", () => {
    expect(brakeSlice(input({ affected: [...leavers("1", 5), ...leavers("2", 5)], activeAfter: 190 }))).toEqual({
      held: new Set(),
      reason: null,
    });
  });

  it("with scope company holds the company over the limit and lets the other's leavers go", () => {
    const brake = brakeSlice(input({ affected: [...leavers("1", 50), ...leavers("2", 3)] }));
    expect([...brake.held].sort()).toEqual(
      leavers("1", 50)
        .map((person) => person.scimId)
        .sort(),
    );
    expect(brake.reason).toBe(
      "the run would deactivate or remove 53 of 200 served users (26.5%, more than the allowed 10%); held for the companies over 10% (company 1: 50 of 100)",
    );
  });

  it("with scope connector holds every deactivation", () => {
    const affected = [...leavers("1", 50), ...leavers("2", 3)];
    expect(brakeSlice(input({ scope: "connector", affected })).held.size).toBe(53);
  });

  it("holds everyone when nobody would be left active, whatever the scope", () => {
    expect(
      brakeSlice(
        input({ affected: leavers("1", 100), activeAfter: 0, servedBefore: new Map([["1", 100]]), activeBefore: 100 }),
      ).held.size,
    ).toBe(100);
  });
});
