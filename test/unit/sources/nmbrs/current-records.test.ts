import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assignmentInForce,
  currentAssignment,
  currentCostCenter,
  currentPersonalInfo,
  mainCostCenter,
  newerPersonalInfo,
} from "../../../../src/sources/nmbrs/current-records.js";
import type {
  CostCenterRow,
  DatedCostCenterRow,
  PeriodicCodeRow,
  PersonalInfoRow,
} from "../../../../src/sources/nmbrs/records.js";
import { comparePeriods, payrollPeriodOf } from "../../../../src/sources/nmbrs/payroll-period.js";

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

const assignment = (
  name: string,
  startYear: number,
  startPeriod: number,
  creationDate = "2020-01-01T00:00:00",
): PeriodicCodeRow => ({ code: "1", name, startYear, startPeriod, creationDate });

const center = (name: string, percentage: number, isDefault = false): CostCenterRow => ({
  code: "1",
  name,
  percentage,
  isDefault,
});

const dated = (
  name: string,
  startYear: number,
  startPeriod: number,
  creationDate: string,
  isDefault: boolean,
  percentage = 100,
): DatedCostCenterRow => ({
  ...center(name, percentage, isDefault),
  startYear,
  startPeriod,
  creationDate,
});

/** 28 November 2026 in a monthly company. */
const NOVEMBER_2026 = { year: 2026, period: 11 };

describe("choosing current records", () => {
  it.each([
    [
      "the newest CreationDate wins, whatever the order",
      [info("New", "2022-01-01T00:00:00"), info("Old", "2020-01-01T00:00:00")],
      "New",
    ],
    [
      "on a tie the later record wins (Nmbrs appends)",
      [info("First", "2022-01-01T00:00:00"), info("Second", "2022-01-01T00:00:00")],
      "Second",
    ],
    ["a dated record beats one without a date", [info("Dated", "2000-01-01T00:00:00"), info("Undated", null)], "Dated"],
  ])("personal info: %s", (_name, rows, expected) => {
    expect(currentPersonalInfo(rows)!.lastName).toBe(expected);
  });

  it.each([
    ["the newest started assignment", [assignment("Old", 2020, 1), assignment("Now", 2026, 3)], "Now"],
    ["not one that starts next month", [assignment("Now", 2025, 1), assignment("Next", 2026, 12)], "Now"],
    [
      "the later CreationDate within one period",
      [assignment("A", 2026, 1, "2026-01-02T00:00:00"), assignment("B", 2026, 1, "2026-01-05T00:00:00")],
      "B",
    ],
    [
      "the earliest one when all lie in the future (a future starter)",
      [assignment("Later", 2027, 3), assignment("First", 2027, 1)],
      "First",
    ],
  ])("function/department: %s", (_name, rows, expected) => {
    expect(currentAssignment(rows, NOVEMBER_2026)!.name).toBe(expected);
  });

  it("has no assignment when there are none", () => {
    expect(currentAssignment([], NOVEMBER_2026)).toBeNull();
  });

  it.each([
    ["the default one", [center("Big", 60), center("Default", 40, true)], "Default"],
    ["else the highest percentage", [center("Small", 40), center("Big", 60)], "Big"],
  ])("cost center: %s", (_name, rows, expected) => {
    expect(mainCostCenter(rows)!.name).toBe(expected);
  });

  it.each([
    // 28 November 2026 is ISO week 48: four-week period 12, weekly period 48; read as a month it is period 11.
    [
      "a four-weekly company: period 12 (weeks 45–48) has started",
      payrollPeriodOf("2026-11-28", "four-weeks"),
      "Period 12",
    ],
    ["a weekly company: period 48 has started (this week)", payrollPeriodOf("2026-11-28", "week"), "Period 48"],
    ["a monthly company: period 11 is November", payrollPeriodOf("2026-11-28", "month"), "Period 11"],
  ])("function/department, %s", (_name, now, expected) => {
    const rows = [
      assignment("Period 11", 2026, 11),
      assignment("Period 12", 2026, 12),
      assignment("Period 48", 2026, 48),
      assignment("Period 49", 2026, 49),
    ];
    expect(currentAssignment(rows, now)!.name).toBe(expected);
  });

  it.each<[string, DatedCostCenterRow[], string | null]>([
    [
      "the newest started period wins over the order of the rows",
      [dated("May", 2026, 5, "2026-04-20T09:00:00", true), dated("March", 2026, 3, "2026-02-20T09:00:00", true)],
      "May",
    ],
    [
      "a change dated next period is not in force yet",
      [dated("Now", 2026, 3, "2026-02-20T09:00:00", true), dated("December", 2026, 12, "2026-11-01T09:00:00", true)],
      "Now",
    ],
    [
      "within one period the newest createdAt (a correction) wins, even when older rows come later",
      [dated("Corrected", 2026, 5, "2026-05-10T09:00:00", true), dated("Typo", 2026, 5, "2026-05-02T09:00:00", true)],
      "Corrected",
    ],
    [
      "of the split in force, the default one, not the highest percentage",
      [
        dated("Old", 2025, 1, "2025-01-01T00:00:00", true),
        dated("Big", 2026, 2, "2026-02-01T00:00:00", false, 60),
        dated("Default", 2026, 2, "2026-02-01T00:00:00", true, 40),
      ],
      "Default",
    ],
    [
      "an older split's default does not win over the current split without one",
      [
        dated("Old default", 2025, 1, "2025-01-01T00:00:00", true),
        dated("Small", 2026, 2, "2026-02-01T00:00:00", false, 30),
        dated("Big", 2026, 2, "2026-02-01T00:00:00", false, 70),
      ],
      "Big",
    ],
    [
      "none before the first split starts (as SOAP answers for today's period)",
      [dated("Later", 2027, 3, "2026-11-01T00:00:00", true), dated("First", 2027, 1, "2026-11-01T00:00:00", true)],
      null,
    ],
    ["no rows, no cost center", [], null],
  ])("cost-center history: %s", (_name, rows, expected) => {
    expect(currentCostCenter(rows, NOVEMBER_2026)?.name ?? null).toBe(expected);
  });

  /**
   * The SOAP readers keep one record per employee by folding each history as it is read (employee-readers.ts), so a
   * fold must pick what the rules above pick from the whole history: stated here as a sort, on small domains that
   * make ties (equal periods, equal or missing CreationDates) common.
   */
  const period = fc.record({ year: fc.integer({ min: 2025, max: 2027 }), period: fc.integer({ min: 1, max: 3 }) });
  const created = fc.constantFrom(null, "2026-01-01T00:00:00", "2026-02-01T00:00:00");
  const history = fc.array(fc.tuple(period, created), { maxLength: 8 }).map((entries) =>
    entries.map(
      ([at, creationDate], index): PeriodicCodeRow => ({
        ...assignment(`row ${index}`, at.year, at.period),
        creationDate,
      }),
    ),
  );

  it("folding a history with assignmentInForce picks what the rule picks: of the started (else all) rows the latest (else earliest) period, the newest CreationDate, the last row", () => {
    fc.assert(
      fc.property(history, period, (rows, now) => {
        const at = (row: PeriodicCodeRow) => ({ year: row.startYear, period: row.startPeriod });
        const started = rows.filter((row) => comparePeriods(at(row), now) <= 0);
        const candidates = started.length > 0 ? started : rows;
        const sign = started.length > 0 ? 1 : -1;
        const ranked = candidates
          .map((row, index) => ({ row, index }))
          .sort(
            (a, b) =>
              sign * comparePeriods(at(a.row), at(b.row)) ||
              (a.row.creationDate ?? "").localeCompare(b.row.creationDate ?? "") ||
              a.index - b.index,
          );
        const expected = ranked.at(-1)?.row ?? null;
        expect(rows.reduce<PeriodicCodeRow | null>((kept, row) => assignmentInForce(kept, row, now), null)).toBe(
          expected,
        );
        expect(currentAssignment(rows, now)).toBe(expected);
      }),
    );
  });

  it("folding a personal-info history with newerPersonalInfo picks the newest CreationDate, on a tie the last record", () => {
    fc.assert(
      fc.property(fc.array(created, { maxLength: 8 }), (dates) => {
        const rows = dates.map((creationDate, index) => info(`row ${index}`, creationDate));
        const newest = rows.reduce<PersonalInfoRow | null>(
          (best, row) => (best && (best.creationDate ?? "") > (row.creationDate ?? "") ? best : row),
          null,
        );
        expect(rows.reduce<PersonalInfoRow | null>(newerPersonalInfo, null)).toBe(newest);
        expect(currentPersonalInfo(rows)).toBe(newest);
      }),
    );
  });
});
