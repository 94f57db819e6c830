import type { HrCompany } from "../types.js";
import type { EmployeeRow, EmploymentRow, OrgUnitRow } from "./rows.js";
import type { AfasRecords } from "./rules/person.js";

/** Employments rows read, grouped per Medewerker, with the employers they name (listCompanies' answer). */
export interface EmploymentIndex {
  readonly employments: ReadonlyMap<string, readonly EmploymentRow[]>;
  readonly companies: ReadonlyMap<string, HrCompany>;
}

export function indexEmployments(rows: readonly EmploymentRow[]): EmploymentIndex {
  const employments = new Map<string, EmploymentRow[]>();
  const companies = new Map<string, HrCompany>();
  for (const row of rows) {
    const list = employments.get(row.medewerker);
    if (list) list.push(row);
    else employments.set(row.medewerker, [row]);
    if (!companies.has(row.werkgever))
      companies.set(row.werkgever, {
        id: row.werkgever,
        number: row.werkgever,
        name: row.werkgeverNaam ?? row.werkgever,
      });
  }
  return { employments, companies };
}

/** The three reads as the rules take them; `orphans` counts Medewerkers with contracts but no Employees row. */
export function afasRecords(
  index: EmploymentIndex,
  employeeRows: readonly EmployeeRow[],
  orgUnitRows: readonly OrgUnitRow[],
): { readonly records: AfasRecords; readonly orphans: number } {
  const employees = new Map(employeeRows.map((row) => [row.medewerker, row] as const));
  const orgUnits = new Map(orgUnitRows.map((row) => [row.code, row] as const));
  let orphans = 0;
  for (const medewerker of index.employments.keys()) if (!employees.has(medewerker)) orphans++;
  return { records: { ...index, employees, orgUnits }, orphans };
}
