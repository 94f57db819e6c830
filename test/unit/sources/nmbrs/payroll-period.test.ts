import { describe, expect, it } from "vitest";
import {
  comparePeriods,
  payrollPeriodOf,
  type PayrollPeriodType,
} from "../../../../src/sources/nmbrs/payroll-period.js";

describe("the payroll period a date falls in", () => {
  it.each<[string, string, PayrollPeriodType, number, number]>([
    ["a month is its calendar month", "2026-05-31", "month", 2026, 5],
    ["December is period 12", "2026-12-31", "month", 2026, 12],
    ["a week is the ISO week", "2026-05-06", "week", 2026, 19],
    ["the first Monday of 2026 starts week 2", "2026-01-05", "week", 2026, 2],
    ["1 January on a Thursday is week 1", "2026-01-01", "week", 2026, 1],
    ["29 December can be week 1 of the next year", "2025-12-29", "week", 2026, 1],
    ["1 January on a Friday is week 53 of the year before", "2021-01-01", "week", 2020, 53],
    ["31 December of a 53-week year is week 53", "2026-12-31", "week", 2026, 53],
    ["a 52-week year ends with week 52", "2025-12-28", "week", 2025, 52],
    ["four-week period 1 is ISO weeks 1 to 4", "2026-01-25", "four-weeks", 2026, 1],
    ["week 5 starts four-week period 2", "2026-01-26", "four-weeks", 2026, 2],
    ["week 52 ends period 13", "2025-12-28", "four-weeks", 2025, 13],
    ["week 53 of a long year belongs to period 13", "2026-12-31", "four-weeks", 2026, 13],
    ["early January can still be period 13 of the year before", "2021-01-03", "four-weeks", 2020, 13],
    ["late December can be period 1 of the next year", "2025-12-29", "four-weeks", 2026, 1],
  ])("%s", (_rule, date, type, year, period) => {
    expect(payrollPeriodOf(date, type)).toEqual({ year, period });
  });

  it.each([
    [{ year: 2025, period: 13 }, { year: 2026, period: 1 }, -1],
    [{ year: 2026, period: 12 }, { year: 2026, period: 3 }, 1],
    [{ year: 2026, period: 4 }, { year: 2026, period: 4 }, 0],
  ])("orders %o against %o", (a, b, sign) => {
    expect(Math.sign(comparePeriods(a, b))).toBe(sign);
  });
});
