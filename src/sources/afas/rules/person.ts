import type { HrCodedValue, HrCompany, HrManagerRef, HrPeriod, HrPerson } from "../../types.js";
import type { EmployeeRow, EmploymentRow, OrgUnitRow } from "../rows.js";
import { managerCode } from "./manager.js";
import { familyName } from "./name-usage.js";
import { primaryRow } from "./primary-row.js";

/** Everything one read of the three GetConnectors returned, indexed for the rules. */
export interface AfasRecords {
  readonly employees: ReadonlyMap<string, EmployeeRow>;
  /** Per Medewerker, its Employments rows in the order read. */
  readonly employments: ReadonlyMap<string, readonly EmploymentRow[]>;
  readonly orgUnits: ReadonlyMap<string, OrgUnitRow>;
  readonly companies: ReadonlyMap<string, HrCompany>;
}

export interface PersonOptions {
  readonly today: string;
  readonly managers: boolean;
  readonly costCenters: boolean;
}

/**
 * One Medewerker as an HrPerson, placed at the employer of its primary row; null without a contract (no employer).
 * Every contract at every employer is a period, so a move between employers keeps one person (and one SCIM id).
 */
export function toHrPerson(employee: EmployeeRow, records: AfasRecords, options: PersonOptions): HrPerson | null {
  const rows = records.employments.get(employee.medewerker) ?? [];
  const primary = primaryRow(rows, options.today);
  const company = primary && records.companies.get(primary.werkgever);
  if (!primary || !company) return null;
  const name = familyName(employee);
  return {
    sourceKey: employee.medewerker,
    company,
    employeeNumber: employee.medewerker,
    displayName: null,
    firstName: employee.voornaam,
    nickname: employee.roepnaam,
    initials: employee.voorletters,
    prefix: name.prefix,
    lastName: name.lastName,
    birthDate: employee.geboortedatum,
    workEmail: employee.emailWerk,
    privateEmail: employee.emailPrive,
    workMobile: employee.mobielWerk,
    privateMobile: employee.mobielPrive,
    employeeType: primary.typeMedewerker,
    department: primary.orgUnit
      ? coded(records, primary.orgUnit, records.orgUnits.get(primary.orgUnit)?.name ?? null)
      : null,
    function: coded(records, primary.functieCode, primary.functieOmschrijving),
    costCenter: options.costCenters ? coded(records, primary.kostenplaats, primary.kostenplaatsOmschrijving) : null,
    manager: options.managers ? managerRef(employee.medewerker, primary, records) : null,
    periods: contractPeriods(rows),
  };
}

/**
 * One object per distinct department, function or cost centre of a read: a run holds every person of the environment
 * at once, and a copy per person adds up to megabytes at the largest sizes (as in the Nmbrs mapping).
 */
const sharedCoded = new WeakMap<AfasRecords, Map<string, HrCodedValue>>();

function coded(records: AfasRecords, code: string | null, name: string | null): HrCodedValue | null {
  const shown = name ?? code;
  if (shown === null) return null;
  let values = sharedCoded.get(records);
  if (!values) sharedCoded.set(records, (values = new Map()));
  const key = JSON.stringify([code, shown]);
  let value = values.get(key);
  if (value === undefined) values.set(key, (value = { code, name: shown }));
  return value;
}

function managerRef(person: string, primary: EmploymentRow, records: AfasRecords): HrManagerRef | null {
  const code = managerCode(person, primary, records.orgUnits);
  if (code === null) return null;
  const manager = records.employees.get(code);
  if (!manager) return { employeeNumber: code, email: null, name: null };
  const name = familyName(manager);
  const parts = [manager.roepnaam ?? manager.voornaam, name.prefix, name.lastName].filter(Boolean);
  return {
    employeeNumber: code,
    // The address is what links a manager across employers: numbers are matched per company (docs/lifecycle.md §7).
    email: manager.emailWerk ?? manager.emailPrive,
    name: parts.length > 0 ? parts.join(" ") : null,
  };
}

/** Every contract once, at any employer; rows without a start cannot make anyone active and are left out. */
function contractPeriods(rows: readonly EmploymentRow[]): HrPeriod[] {
  const seen = new Set<string>();
  const periods: HrPeriod[] = [];
  for (const row of rows) {
    if (row.contractStart === null) continue;
    const key = `${row.contractStart}|${row.contractEnd}`;
    if (seen.has(key)) continue;
    seen.add(key);
    periods.push({ kind: "contract", start: row.contractStart, end: row.contractEnd });
  }
  return periods;
}
