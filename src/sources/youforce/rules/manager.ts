import type { UnitRecord } from "../records.js";

/**
 * The person id of someone's manager (the Youforce spec §2): the `manager` of the primary employment's unit, unless
 * it is empty, the person themself, or not among the persons read; else the parent unit's, walking up
 * `parentOrgUnit`. Stops at the root, an unknown unit, or a unit seen before (a cycle must not hang the run).
 */
export function managerId(
  personId: string,
  unitId: string | null,
  units: ReadonlyMap<string, UnitRecord>,
  isPerson: (id: string) => boolean,
): string | null {
  const seen = new Set<string>();
  for (let id = unitId; id !== null && !seen.has(id); ) {
    seen.add(id);
    const unit = units.get(id);
    if (!unit) return null;
    if (unit.manager !== null && unit.manager !== personId && isPerson(unit.manager)) return unit.manager;
    id = unit.parentOrgUnit;
  }
  return null;
}
