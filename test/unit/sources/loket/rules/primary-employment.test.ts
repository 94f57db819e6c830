import { describe, expect, it } from "vitest";
import type { LoketEmployment } from "../../../../../src/sources/loket/records.js";
import { primaryEmployment } from "../../../../../src/sources/loket/rules/primary-employment.js";

const TODAY = "2026-01-10";
const job = (id: string, start: string | null, end: string | null): LoketEmployment => ({
  id,
  employeeId: "e",
  start,
  end,
  typeOfEmployee: null,
});

describe("Loket primary employment (the Loket spec §2)", () => {
  it.each([
    ["current before future", [job("b", "2026-02-01", null), job("a", "2020-01-01", null)], "a"],
    ["current before ended", [job("a", "2015-01-01", "2019-12-31"), job("b", "2020-01-01", null)], "b"],
    ["future before ended", [job("a", "2015-01-01", "2025-12-31"), job("b", "2026-03-01", null)], "b"],
    ["among current the later start", [job("a", "2018-01-01", null), job("b", "2024-05-01", "2026-06-30")], "b"],
    ["among future the earlier start", [job("a", "2026-06-01", null), job("b", "2026-02-01", null)], "b"],
    ["among ended the later end", [job("a", "2010-01-01", "2019-01-31"), job("b", "2012-01-01", "2018-12-31")], "a"],
    ["ending today is current", [job("a", "2020-01-01", TODAY), job("b", "2026-01-11", null)], "a"],
    ["starting today is current", [job("a", TODAY, null), job("b", "2010-01-01", "2026-01-09")], "a"],
    ["a tie goes to the lower id", [job("b", "2020-01-01", null), job("a", "2020-01-01", null)], "a"],
    ["an employment without a start is ignored", [job("a", null, null), job("b", "2010-01-01", "2011-01-01")], "b"],
  ] as [string, LoketEmployment[], string][])("%s", (_case, employments, expected) => {
    expect(primaryEmployment(employments, TODAY)?.id).toBe(expected);
    expect(primaryEmployment([...employments].reverse(), TODAY)?.id).toBe(expected);
  });

  it("no employment with a start: none", () => {
    expect(primaryEmployment([job("a", null, "2020-01-01")], TODAY)).toBeNull();
    expect(primaryEmployment([], TODAY)).toBeNull();
  });
});
