import { describe, expect, it } from "vitest";
import type { LoketOrgEntity } from "../../../../../src/sources/loket/records.js";
import { entityOnDay } from "../../../../../src/sources/loket/rules/org-entity.js";

const TODAY = "2026-01-10";
const line = (id: string, start: string | null, end: string | null): LoketOrgEntity => ({
  id,
  start,
  end,
  department: null,
  function: null,
  costCenter: null,
});

describe("Loket organizational entity of today (the Loket spec §2)", () => {
  it.each([
    [
      "the line valid today",
      [line("a", "2020-01-01", "2025-12-31"), line("b", "2026-01-01", null), line("c", "2026-02-01", null)],
      "b",
    ],
    ["several valid: the later start", [line("a", "2020-01-01", null), line("b", "2025-01-01", null)], "b"],
    [
      "none valid: the latest that started before today",
      [line("a", "2018-01-01", "2019-12-31"), line("b", "2020-01-01", "2025-12-31"), line("c", "2026-05-01", null)],
      "b",
    ],
    ["only future ones: the earliest", [line("a", "2026-05-01", null), line("b", "2026-02-01", "2026-04-30")], "b"],
    ["valid from today and until today", [line("a", TODAY, TODAY), line("b", "2001-01-01", "2026-01-09")], "a"],
    ["a line without a start is valid from the beginning", [line("a", null, null), line("b", "2027-01-01", null)], "a"],
    ["a tie goes to the lower id", [line("b", "2020-01-01", null), line("a", "2020-01-01", null)], "a"],
  ] as [string, LoketOrgEntity[], string][])("%s", (_case, lines, expected) => {
    expect(entityOnDay(lines, TODAY)?.id).toBe(expected);
    expect(entityOnDay([...lines].reverse(), TODAY)?.id).toBe(expected);
  });

  it("no lines: none (department, function and cost centre stay empty)", () => {
    expect(entityOnDay([], TODAY)).toBeNull();
  });
});
