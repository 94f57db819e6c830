import { describe, expect, it } from "vitest";
import { describeWorkPeriod, mergeWorkPeriods } from "../../../src/lifecycle/work-periods.js";
import { contract, employment } from "../../support/hr-data.js";

describe("mergeWorkPeriods: employments and contracts make uninterrupted work periods", () => {
  it.each([
    ["a single open-ended employment", [employment("2024-02-01")], ["employment 2024-02-01–open"]],
    [
      "overlapping periods merge",
      [employment("2024-01-01", "2024-06-30"), contract("2024-06-01", "2024-12-31")],
      ["employment 2024-01-01–2024-12-31"],
    ],
    [
      "back to back (end + 1 = next start) merge",
      [contract("2024-01-01", "2024-01-31"), contract("2024-02-01", "2024-02-29")],
      ["contract 2024-01-01–2024-02-29"],
    ],
    [
      "a gap of one day keeps them apart",
      [contract("2024-01-01", "2024-01-31"), contract("2024-02-02", "2024-02-29")],
      ["contract 2024-01-01–2024-01-31", "contract 2024-02-02–2024-02-29"],
    ],
    [
      "an open-ended period swallows every later one",
      [employment("2020-01-01"), contract("2021-01-01", "2021-12-31"), contract("2023-01-01")],
      ["employment 2020-01-01–open"],
    ],
    [
      "a later open end makes the merged period open",
      [contract("2024-01-01", "2024-12-31"), employment("2024-06-01")],
      ["employment 2024-01-01–open"],
    ],
    [
      "a period inside another changes nothing",
      [employment("2024-01-01", "2024-12-31"), contract("2024-03-01", "2024-04-30")],
      ["employment 2024-01-01–2024-12-31"],
    ],
    [
      "input order does not matter",
      [contract("2025-01-01"), contract("2023-01-01", "2023-12-31")],
      ["contract 2023-01-01–2023-12-31", "contract 2025-01-01–open"],
    ],
    [
      "a period without a start is ignored",
      [employment(null, "2024-12-31"), contract("2025-01-01")],
      ["contract 2025-01-01–open"],
    ],
    ["a period ending before it starts is ignored", [employment("2024-05-01", "2024-04-30")], []],
    ["an impossible date is ignored", [employment("2024-02-30")], []],
  ])("%s", (_rule, periods, expected) => {
    expect(mergeWorkPeriods(periods).map(describeWorkPeriod)).toEqual(expected);
  });
});
