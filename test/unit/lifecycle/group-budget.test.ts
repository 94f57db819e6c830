import { describe, expect, it } from "vitest";
import { checkGroupBudget, groupBytes, memberEntryBytes, overBudget } from "../../../src/lifecycle/group-budget.js";

const group = (displayName: string, members: number, bytes = 1_000) => ({ displayName, members, bytes });

describe("checkGroupBudget", () => {
  it("names every group with more members than the budget, largest first", () => {
    const report = checkGroupBudget([group("Sales", 12), group("Acme", 50), group("Support", 10)], {
      maxMembers: 10,
      maxPageBytes: 1_000_000,
    });
    expect(report.groupsOver).toEqual([
      { displayName: "Acme", members: 50 },
      { displayName: "Sales", members: 12 },
    ]);
    expect(report.largestGroupMembers).toBe(50);
    expect(overBudget(report)).toBe(true);
  });

  it("measures pages of 100 as Okta asks for them, and names a page's three largest groups", () => {
    const groups = Array.from({ length: 250 }, (_, index) => group(`G${index + 1}`, 1, 100));
    groups[120] = group("Big", 1, 50_000);
    groups[130] = group("Bigger", 1, 60_000);
    groups[140] = group("Biggest", 1, 70_000);
    const report = checkGroupBudget(groups, { maxMembers: 10, maxPageBytes: 100_000 });
    expect(report.pagesOver).toEqual([
      { startIndex: 101, bytes: 97 * 100 + 180_000, largest: ["Biggest", "Bigger", "Big"] },
    ]);
    expect(report.largestPageBytes).toBe(97 * 100 + 180_000);
    expect(report.groupsOver).toEqual([]);
  });

  it("has nothing to warn about when everything fits, or there are no groups", () => {
    expect(overBudget(checkGroupBudget([group("Sales", 10)], { maxMembers: 10, maxPageBytes: 1_000 }))).toBe(false);
    expect(checkGroupBudget([], { maxMembers: 10, maxPageBytes: 1_000 })).toMatchObject({
      largestGroupMembers: 0,
      largestPageBytes: 0,
    });
  });
});

describe("group size estimate", () => {
  it("counts a member entry as served, escaped name and separating comma included", () => {
    const entry = { value: "0b7e4f2a-1c3d-4e5f-8a9b-0c1d2e3f4a5b", display: 'Élodie "Ell" Ölçer' };
    expect(memberEntryBytes(entry.value, entry.display)).toBe(Buffer.byteLength(`${JSON.stringify(entry)},`));
  });

  it("adds the group's name to its members' bytes", () => {
    expect(groupBytes("Sales", 1_000) - groupBytes("", 1_000)).toBe(Buffer.byteLength('"Sales"') - 2);
  });
});
