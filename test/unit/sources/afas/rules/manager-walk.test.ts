import { describe, expect, it } from "vitest";
import type { OrgUnitRow } from "../../../../../src/sources/afas/rows.js";
import { managerCode } from "../../../../../src/sources/afas/rules/manager.js";

/** Zorggroep (root, manager 100) > Zorg (manager 200) > Wijkteam Noord (no manager). */
const TREE = new Map<string, OrgUnitRow>(
  [
    { code: "ROOT", name: "Zorggroep", parent: null, manager: "100" },
    { code: "ZORG", name: "Zorg", parent: "ROOT", manager: "200" },
    { code: "NOORD", name: "Wijkteam Noord", parent: "ZORG", manager: null },
    { code: "LOOP-A", name: "Lus A", parent: "LOOP-B", manager: null },
    { code: "LOOP-B", name: "Lus B", parent: "LOOP-A", manager: null },
  ].map((unit) => [unit.code, unit]),
);

describe("the manager is the line's manager, else the org unit's, walking up", () => {
  it.each([
    ["the line's own manager wins", "300", { leidinggevende: "400", orgUnit: "NOORD" }, "400"],
    ["a unit without a manager takes its parent's", "300", { leidinggevende: null, orgUnit: "NOORD" }, "200"],
    ["the unit's manager has the manager above", "200", { leidinggevende: null, orgUnit: "ZORG" }, "100"],
    ["a line naming the person themself is ignored", "300", { leidinggevende: "300", orgUnit: "ZORG" }, "200"],
    ["the top manager has none", "100", { leidinggevende: null, orgUnit: "ROOT" }, null],
    ["an unknown unit has none", "300", { leidinggevende: null, orgUnit: "GONE" }, null],
    ["no unit has none", "300", { leidinggevende: null, orgUnit: null }, null],
    ["a cycle in the tree ends the walk", "300", { leidinggevende: null, orgUnit: "LOOP-A" }, null],
  ] as const)("%s", (_case, person, line, expected) => {
    expect(managerCode(person, line, TREE)).toBe(expected);
  });
});
