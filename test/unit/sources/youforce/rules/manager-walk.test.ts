import { describe, expect, it } from "vitest";
import type { UnitRecord } from "../../../../../src/sources/youforce/records.js";
import { managerId } from "../../../../../src/sources/youforce/rules/manager.js";

function unit(id: string, parentOrgUnit: string | null, manager: string | null): [string, UnitRecord] {
  return [id, { id, validFrom: null, validUntil: null, shortName: id, fullName: id, parentOrgUnit, manager }];
}

const UNITS = new Map([
  unit("ROOT", null, "P-boss"),
  unit("DIV", "ROOT", "P-div"),
  unit("TEAM", "DIV", null),
  unit("SELF", "DIV", "P-me"),
  unit("GHOST", "DIV", "P-gone"),
  unit("LOOP-A", "LOOP-B", null),
  unit("LOOP-B", "LOOP-A", null),
  unit("ORPHAN", "MISSING", null),
]);
const PERSONS = new Set(["P-boss", "P-div", "P-me"]);
const isPerson = (id: string) => PERSONS.has(id);

describe("the manager walks up parentOrgUnit", () => {
  it.each([
    ["the unit's own manager", "P-me", "DIV", "P-div"],
    ["an empty unit: the parent's", "P-me", "TEAM", "P-div"],
    ["a unit the person manages: the parent's", "P-me", "SELF", "P-div"],
    ["a manager not among the persons: the parent's", "P-me", "GHOST", "P-div"],
    ["the division head reports to the root", "P-div", "DIV", "P-boss"],
    ["the root's manager has nobody above", "P-boss", "ROOT", null],
    ["a cycle stops", "P-me", "LOOP-A", null],
    ["an unknown parent stops", "P-me", "ORPHAN", null],
    ["an unknown unit: nobody", "P-me", "NOWHERE", null],
    ["no unit: nobody", "P-me", null, null],
  ])("%s", (_case, person, unitId, expected) => {
    expect(managerId(person, unitId, UNITS, isPerson)).toBe(expected);
  });
});
