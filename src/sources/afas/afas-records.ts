import type { HrCompany } from "../types.js";
import { EMPLOYEES, EMPLOYMENTS, ORG_UNITS } from "./contract.js";
import { employeeRow, employmentRow, orgUnitRow, type EmploymentRow, type Row } from "./rows.js";
import type { AfasRecords } from "./rules/person.js";

/** Employments rows read, grouped per Medewerker, with the employers they name (listCompanies' answer). */
export interface EmploymentIndex {
  readonly employments: ReadonlyMap<string, readonly EmploymentRow[]>;
  readonly companies: ReadonlyMap<string, HrCompany>;
}

export function indexEmployments(rows: readonly Row[]): EmploymentIndex {
  const employments = new Map<string, EmploymentRow[]>();
  const companies = new Map<string, HrCompany>();
  rows.forEach((raw, index) => {
    const row = employmentRow(raw, { connector: EMPLOYMENTS, index });
    const list = employments.get(row.medewerker);
    if (list) list.push(row);
    else employments.set(row.medewerker, [row]);
    if (!companies.has(row.werkgever))
      companies.set(row.werkgever, {
        id: row.werkgever,
        number: row.werkgever,
        name: row.werkgeverNaam ?? row.werkgever,
      });
  });
  return { employments, companies };
}

/** The three reads as the rules take them; `orphans` counts Medewerkers with contracts but no Employees row. */
export function afasRecords(
  index: EmploymentIndex,
  employeeRows: readonly Row[],
  orgUnitRows: readonly Row[],
): { readonly records: AfasRecords; readonly orphans: number } {
  const employees = new Map(
    employeeRows.map((raw, i) => {
      const row = employeeRow(raw, { connector: EMPLOYEES, index: i });
      return [row.medewerker, row] as const;
    }),
  );
  const orgUnits = new Map(
    orgUnitRows.map((raw, i) => {
      const row = orgUnitRow(raw, { connector: ORG_UNITS, index: i });
      return [row.code, row] as const;
    }),
  );
  let orphans = 0;
  for (const medewerker of index.employments.keys()) if (!employees.has(medewerker)) orphans++;
  return { records: { ...index, employees, orgUnits }, orphans };
}
