import { describe, expect, it } from "vitest";
import type { EmploymentRecord } from "../../../../../src/sources/youforce/records.js";
import { primaryEmployment } from "../../../../../src/sources/youforce/rules/primary-employment.js";

const TODAY = "2026-01-10";

function e(id: string, hireDate: string | null, dischargeDate: string | null, employmentCode = "1"): EmploymentRecord {
  return {
    id,
    validFrom: null,
    validUntil: null,
    personId: "P-1",
    personCode: "000001",
    employmentCode,
    hireDate,
    dischargeDate,
    company: "RS01",
    organizationUnit: null,
    jobProfile: null,
    costCenter: null,
    employmentTypeName: null,
  };
}

describe("the primary employment", () => {
  it.each([
    [
      "current before future and ended",
      [e("ended", "2010-01-01", "2020-01-01"), e("future", "2026-02-01", null), e("current", "2015-01-01", null)],
      "current",
    ],
    [
      "current through its discharge date (inclusive)",
      [e("last-day", "2015-01-01", TODAY), e("future", "2026-01-11", null)],
      "last-day",
    ],
    ["hired today is current", [e("today", TODAY, null), e("ended", "2010-01-01", "2026-01-09")], "today"],
    [
      "among current ones the later hire date",
      [e("older", "2010-01-01", null), e("newer", "2020-01-01", null)],
      "newer",
    ],
    ["future before ended", [e("ended", "2010-01-01", "2025-12-31"), e("future", "2026-03-01", null)], "future"],
    [
      "among future ones the earlier hire date",
      [e("later", "2026-03-01", null), e("sooner", "2026-02-01", null)],
      "sooner",
    ],
    [
      "among ended ones the later discharge date",
      [e("long-ago", "2010-01-01", "2015-01-01"), e("recent", "2016-01-01", "2025-01-01")],
      "recent",
    ],
    ["a tie: the lower employmentCode", [e("b", "2020-01-01", null, "2"), e("a", "2020-01-01", null, "1")], "a"],
    ["a tie on the code too: the lower id", [e("E-2", "2020-01-01", null), e("E-1", "2020-01-01", null)], "E-1"],
    [
      "an employment without a hire date places nobody",
      [e("no-hire", null, null), e("ended", "2010-01-01", "2020-01-01")],
      "ended",
    ],
  ])("%s", (_case, employments, expected) => {
    expect(primaryEmployment(employments, TODAY)?.id).toBe(expected);
    expect(primaryEmployment([...employments].reverse(), TODAY)?.id).toBe(expected);
  });

  it("is null without an employment with a hire date", () => {
    expect(primaryEmployment([e("no-hire", null, null)], TODAY)).toBeNull();
    expect(primaryEmployment([], TODAY)).toBeNull();
  });
});
