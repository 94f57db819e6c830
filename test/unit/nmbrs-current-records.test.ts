import { describe, expect, it } from "vitest";
import { currentAssignment, currentPersonalInfo, mainCostCenter } from "../../src/sources/nmbrs/current-records.js";
import type { CostCenterRow, PeriodicCodeRow, PersonalInfoRow } from "../../src/sources/nmbrs/nmbrs-records.js";

const info = (lastName: string, creationDate: string | null): PersonalInfoRow => ({
  displayName: null,
  firstName: null,
  nickname: null,
  initials: null,
  prefix: null,
  lastName,
  birthDate: null,
  workEmail: null,
  privateEmail: null,
  workMobile: null,
  privateMobile: null,
  creationDate,
});

const assignment = (name: string, startYear: number, startPeriod: number, creationDate = "2020-01-01T00:00:00"): PeriodicCodeRow => ({ code: "1", name, startYear, startPeriod, creationDate });

const center = (name: string, percentage: number, isDefault = false): CostCenterRow => ({ code: "1", name, percentage, isDefault });

describe("choosing current records", () => {
  it.each([
    ["the newest CreationDate wins, whatever the order", [info("New", "2022-01-01T00:00:00"), info("Old", "2020-01-01T00:00:00")], "New"],
    ["on a tie the later record wins (Nmbrs appends)", [info("First", "2022-01-01T00:00:00"), info("Second", "2022-01-01T00:00:00")], "Second"],
    ["a dated record beats one without a date", [info("Dated", "2000-01-01T00:00:00"), info("Undated", null)], "Dated"],
  ])("personal info: %s", (_name, rows, expected) => {
    expect(currentPersonalInfo(rows)!.lastName).toBe(expected);
  });

  it.each([
    ["the newest started assignment", [assignment("Old", 2020, 1), assignment("Now", 2026, 3)], "Now"],
    ["not one that starts next month", [assignment("Now", 2025, 1), assignment("Next", 2026, 12)], "Now"],
    ["the later CreationDate within one period", [assignment("A", 2026, 1, "2026-01-02T00:00:00"), assignment("B", 2026, 1, "2026-01-05T00:00:00")], "B"],
    ["the earliest one when all lie in the future (a future starter)", [assignment("Later", 2027, 3), assignment("First", 2027, 1)], "First"],
  ])("function/department: %s", (_name, rows, expected) => {
    expect(currentAssignment(rows, "2026-11-28")!.name).toBe(expected);
  });

  it("has no assignment when there are none", () => {
    expect(currentAssignment([], "2026-11-28")).toBeNull();
  });

  it.each([
    ["the default one", [center("Big", 60), center("Default", 40, true)], "Default"],
    ["else the highest percentage", [center("Small", 40), center("Big", 60)], "Big"],
  ])("cost center: %s", (_name, rows, expected) => {
    expect(mainCostCenter(rows)!.name).toBe(expected);
  });
});
