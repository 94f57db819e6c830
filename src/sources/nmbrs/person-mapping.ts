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
    department: coded(currentAssignment(records.departments.get(id) ?? [], today)),
    function: coded(currentAssignment(records.functions.get(id) ?? [], today)),
    costCenter: costCenter ? { code: costCenter.code, name: costCenter.name } : null,
    manager: records.managers?.get(id) ?? null,
    periods: [...periods("employment", records.employments.get(id)), ...periods("contract", records.contracts.get(id))],
  };
}

export function currentInfoOf(records: CompanyRecords, employeeId: string): PersonalInfoRow | null {
  return currentPersonalInfo(records.personalInfo.get(employeeId) ?? []);
}

function coded(row: PeriodicCodeRow | null): HrCodedValue | null {
  return row ? { code: row.code, name: row.name } : null;
}

function periods(kind: HrPeriod["kind"], rows: readonly PeriodRow[] | undefined): HrPeriod[] {
  return (rows ?? []).map((row) => ({ kind, start: row.start, end: row.end }));
}
