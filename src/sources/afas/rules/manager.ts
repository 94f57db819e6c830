import type { OrgUnitRow } from "../rows.js";

/**
 * The Medewerker code of a person's manager (the AFAS spec §2): the line's own manager unless empty or the
 * person themself; else the manager of the line's organisational unit, walking up the tree while that is empty or
 * the person (a unit's manager reports to the manager above). Stops at the root, an unknown unit, or a unit seen
 * before (a cycle in Profit's tree must not hang the run). Null when nobody is found.
 */
export function managerCode(
  person: string,
  line: { readonly leidinggevende: string | null; readonly orgUnit: string | null },
  units: ReadonlyMap<string, OrgUnitRow>,
): string | null {
  if (line.leidinggevende !== null && line.leidinggevende !== person) return line.leidinggevende;
  const seen = new Set<string>();
  for (let code = line.orgUnit; code !== null && !seen.has(code); ) {
    seen.add(code);
    const unit = units.get(code);
    if (!unit) return null;
    if (unit.manager !== null && unit.manager !== person) return unit.manager;
    code = unit.parent;
  }
  return null;
}
