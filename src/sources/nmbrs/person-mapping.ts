import type { HrCodedValue, HrCompany, HrManagerRef, HrPeriod, HrPerson, IsoDate } from "../types.js";
import { currentAssignment, currentPersonalInfo, mainCostCenter } from "./current-records.js";
import type { ByEmployee, CostCenterRow, EmployeeListing, PeriodRow, PeriodicCodeRow, PersonalInfoRow } from "./nmbrs-records.js";

/** Everything the bulk calls returned for one company, keyed by EmployeeId. */
export interface CompanyRecords {
  readonly personalInfo: ByEmployee<PersonalInfoRow>;
  readonly employments: ByEmployee<PeriodRow>;
  readonly contracts: ByEmployee<PeriodRow>;
  readonly functions: ByEmployee<PeriodicCodeRow>;
  readonly departments: ByEmployee<PeriodicCodeRow>;
  /** Null when cost centers were not asked for. */
  readonly costCenters: ByEmployee<CostCenterRow> | null;
  /** Null when managers were not asked for. */
  readonly managers: ReadonlyMap<string, HrManagerRef | null> | null;
}

/** One listed employee as an HrPerson, from the company's records. Pure: (records, today) → person. */
export function toHrPerson(company: HrCompany, listing: EmployeeListing, info: PersonalInfoRow, records: CompanyRecords, today: IsoDate): HrPerson {
  const id = listing.employeeId;
  const costCenter = records.costCenters && mainCostCenter(records.costCenters.get(id) ?? []);
  return {
    sourceKey: id,
    company,
    employeeNumber: listing.employeeNumber,
    displayName: info.displayName,
    firstName: info.firstName,
    nickname: info.nickname,
    initials: info.initials,
    prefix: info.prefix,
    lastName: info.lastName,
    birthDate: info.birthDate,
    workEmail: info.workEmail,
    privateEmail: info.privateEmail,
    workMobile: info.workMobile,
    privateMobile: info.privateMobile,
    employeeType: listing.employeeType,
    department: coded(records, currentAssignment(records.departments.get(id) ?? [], today)),
    function: coded(records, currentAssignment(records.functions.get(id) ?? [], today)),
    costCenter: coded(records, costCenter),
    manager: records.managers?.get(id) ?? null,
    periods: [...periods(records, "employment", records.employments.get(id)), ...periods(records, "contract", records.contracts.get(id))],
  };
}

export function currentInfoOf(records: CompanyRecords, employeeId: string): PersonalInfoRow | null {
  return currentPersonalInfo(records.personalInfo.get(employeeId) ?? []);
}

/**
 * Values many people of one company have in common (a department, a function, a start date), as one object or string
 * each: a sync holds every person of every company at once, and 100,000 copies of a few dozen departments cost ~20 MB.
 */
const shared = new WeakMap<CompanyRecords, Map<string, HrCodedValue | string>>();

function sharedValue<T extends HrCodedValue | string>(records: CompanyRecords, key: string, make: () => T): T {
  let values = shared.get(records);
  if (!values) shared.set(records, (values = new Map()));
  let value = values.get(key) as T | undefined;
  if (value === undefined) values.set(key, (value = make()));
  return value;
}

function coded(records: CompanyRecords, row: Pick<PeriodicCodeRow, "code" | "name"> | null): HrCodedValue | null {
  return row && sharedValue(records, JSON.stringify([row.code, row.name]), () => ({ code: row.code, name: row.name }));
}

function periods(records: CompanyRecords, kind: HrPeriod["kind"], rows: readonly PeriodRow[] | undefined): HrPeriod[] {
  const day = (date: IsoDate | null) => date && sharedValue(records, date, () => date);
  return (rows ?? []).map((row) => ({ kind, start: day(row.start), end: day(row.end) }));
}
