import type { HrCodedValue, HrCompany, HrManagerRef, HrPeriod, HrPerson, IsoDate } from "../types.js";
import { currentAssignment, currentPersonalInfo, mainCostCenter } from "./current-records.js";
import type {
  ByEmployee,
  CostCenterRow,
  EmployeeListing,
  PeriodRow,
  PeriodicCodeRow,
  PersonalInfoRow,
} from "./records.js";
import type { PayrollPeriod } from "./payroll-period.js";

/** Everything the bulk calls returned for one company, keyed by EmployeeId. */
export interface CompanyRecords {
  readonly personalInfo: ByEmployee<PersonalInfoRow>;
  readonly employments: ByEmployee<PeriodRow>;
  readonly contracts: ByEmployee<PeriodRow>;
  readonly functions: ByEmployee<PeriodicCodeRow>;
  readonly departments: ByEmployee<PeriodicCodeRow>;
  /** The rows in force (SOAP asks for today's period, REST's history is narrowed first); null when not asked for. */
  readonly costCenters: ByEmployee<CostCenterRow> | null;
  /** Null when managers were not asked for. */
  readonly managers: ReadonlyMap<string, HrManagerRef | null> | null;
}

/** One listed employee as an HrPerson, from the company's records. Pure: (records, today's payroll period) → person. */
export function toHrPerson(
  company: HrCompany,
  listing: EmployeeListing,
  info: PersonalInfoRow,
  records: CompanyRecords,
  now: PayrollPeriod,
): HrPerson {
  const id = listing.employeeId;
  const costCenter = records.costCenters && mainCostCenter(records.costCenters.get(id) ?? []);
  return {
    sourceKey: id,
    company,
    employeeNumber: listing.employeeNumber,
    displayName: own(info.displayName),
    firstName: common(records, info.firstName),
    nickname: common(records, info.nickname),
    initials: common(records, info.initials),
    prefix: common(records, info.prefix),
    lastName: common(records, info.lastName),
    birthDate: common(records, info.birthDate),
    workEmail: own(info.workEmail),
    privateEmail: own(info.privateEmail),
    workMobile: info.workMobile,
    privateMobile: info.privateMobile,
    employeeType: common(records, listing.employeeType),
    department: coded(records, currentAssignment(records.departments.get(id) ?? [], now)),
    function: coded(records, currentAssignment(records.functions.get(id) ?? [], now)),
    costCenter: coded(records, costCenter),
    manager: records.managers?.get(id) ?? null,
    // concat, not a spread: a spread grows its array to room for 17 periods (168 bytes), concat sizes it exactly.
    periods: periods(records, "employment", records.employments.get(id)).concat(
      periods(records, "contract", records.contracts.get(id)),
    ),
  };
}

export function currentInfoOf(records: CompanyRecords, employeeId: string): PersonalInfoRow | null {
  return currentPersonalInfo(records.personalInfo.get(employeeId) ?? []);
}

/**
 * Values many people of one company have in common (a department, a start date, a first or last name), as one object
 * or string each: a sync holds every person of every company at once, and a copy of a department per person adds up to
 * tens of megabytes at the largest sizes, the names and birth dates as much again (BENCHMARKS.md). Unique values
 * (addresses, numbers) are not worth a lookup.
 */
interface SharedValues {
  readonly texts: Map<string, string>;
  /** By code, then name: no key string to build per person. */
  readonly coded: Map<string | null, Map<string, HrCodedValue>>;
  /** By kind, start, then end. */
  readonly periods: Readonly<Record<HrPeriod["kind"], Map<IsoDate | null, Map<IsoDate | null, HrPeriod>>>>;
}

const shared = new WeakMap<CompanyRecords, SharedValues>();

function sharedValues(records: CompanyRecords): SharedValues {
  let values = shared.get(records);
  if (!values)
    shared.set(
      records,
      (values = { texts: new Map(), coded: new Map(), periods: { employment: new Map(), contract: new Map() } }),
    );
  return values;
}

function common<T extends string | null>(records: CompanyRecords, text: T): T {
  if (text === null) return text;
  const { texts } = sharedValues(records);
  const kept = texts.get(text);
  if (kept !== undefined) return kept as T;
  texts.set(text, text);
  return text;
}

function coded(records: CompanyRecords, row: Pick<PeriodicCodeRow, "code" | "name"> | null): HrCodedValue | null {
  if (!row) return null;
  const { coded } = sharedValues(records);
  let byName = coded.get(row.code);
  if (byName === undefined) coded.set(row.code, (byName = new Map()));
  let value = byName.get(row.name);
  if (value === undefined) byName.set(row.name, (value = { code: row.code, name: row.name }));
  return value;
}

/**
 * Periods are shared like coded values: most people of a company share their start and end with colleagues. Found by
 * kind, start, then end: a key string built per period cost more than the lookups.
 */
function periods(records: CompanyRecords, kind: HrPeriod["kind"], rows: readonly PeriodRow[] | undefined): HrPeriod[] {
  const byStart = sharedValues(records).periods[kind];
  return (rows ?? []).map((row) => {
    let byEnd = byStart.get(row.start);
    if (byEnd === undefined) byStart.set(row.start, (byEnd = new Map()));
    let period = byEnd.get(row.end);
    if (period === undefined)
      byEnd.set(row.end, (period = { kind, start: common(records, row.start), end: common(records, row.end) }));
    return period;
  });
}

/**
 * A person's own text (a name, an address) as one flat string. A long value read from an XML answer is a view of a
 * copy a little larger than itself (plain-reader.ts), which V8 keeps as two objects for as long as the person lives;
 * a sync keeps every person of every company.
 */
function own<T extends string | null>(text: T): T {
  return (text === null ? text : Buffer.from(text, "utf8").toString("utf8")) as T;
}
