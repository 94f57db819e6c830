import type { HrCodedValue, HrCompany, HrManagerRef, HrPeriod, HrPerson } from "../types.js";
import type { CompanyValues } from "./company-values.js";
import { mainCostCenter } from "./current-records.js";
import type {
  ByEmployee,
  CostCenterRow,
  CurrentByEmployee,
  EmployeeListing,
  PeriodRow,
  PeriodicCodeRow,
  PersonalInfoRow,
} from "./records.js";

/** What the bulk calls returned for one company that its people are made of, keyed by EmployeeId. */
export interface CompanyRecords {
  readonly employments: ByEmployee<PeriodRow>;
  readonly contracts: ByEmployee<PeriodRow>;
  /** The function and the department in force in today's period (current-records.ts currentAssignment). */
  readonly functions: CurrentByEmployee<PeriodicCodeRow>;
  readonly departments: CurrentByEmployee<PeriodicCodeRow>;
  /** The rows in force (SOAP asks for today's period, REST's history is narrowed first); null when not asked for. */
  readonly costCenters: ByEmployee<CostCenterRow> | null;
  /** Null when managers were not asked for. */
  readonly managers: ReadonlyMap<string, HrManagerRef | null> | null;
  /** The values the company's people share, one object or string each (company-values.ts). */
  readonly shared: CompanyValues;
}

/** One listed employee as an HrPerson, from their current personal info and the company's records. Pure. */
export function toHrPerson(
  company: HrCompany,
  listing: EmployeeListing,
  info: PersonalInfoRow,
  records: CompanyRecords,
): HrPerson {
  const id = listing.employeeId;
  const { shared } = records;
  const costCenter = records.costCenters && mainCostCenter(records.costCenters.get(id) ?? []);
  return {
    sourceKey: id,
    company,
    employeeNumber: listing.employeeNumber,
    displayName: info.displayName,
    firstName: shared.text(info.firstName),
    nickname: shared.text(info.nickname),
    initials: shared.text(info.initials),
    prefix: shared.text(info.prefix),
    lastName: shared.text(info.lastName),
    birthDate: shared.text(info.birthDate),
    workEmail: info.workEmail,
    privateEmail: info.privateEmail,
    workMobile: info.workMobile,
    privateMobile: info.privateMobile,
    employeeType: shared.text(listing.employeeType),
    department: coded(shared, records.departments.get(id)),
    function: coded(shared, records.functions.get(id)),
    costCenter: coded(shared, costCenter),
    manager: records.managers?.get(id) ?? null,
    // concat, not a spread: a spread grows its array to room for 17 periods (168 bytes), concat sizes it exactly.
    periods: periods(shared, "employment", records.employments.get(id)).concat(
      periods(shared, "contract", records.contracts.get(id)),
    ),
  };
}

function coded(
  shared: CompanyValues,
  row: Pick<PeriodicCodeRow, "code" | "name"> | null | undefined,
): HrCodedValue | null {
  return row ? shared.coded(row.code, row.name) : null;
}

/** Periods are shared like coded values: most people of a company share their start and end with colleagues. */
function periods(shared: CompanyValues, kind: HrPeriod["kind"], rows: readonly PeriodRow[] | undefined): HrPeriod[] {
  return (rows ?? []).map((row) => shared.period(kind, row.start, row.end));
}
