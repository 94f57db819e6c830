import type { HrManagerRef } from "../../types.js";
import type { CompanyValues } from "../company-values.js";
import { assignmentInForce, newerPersonalInfo } from "../current-records.js";
import type { PayrollPeriod } from "../payroll-period.js";
import type {
  ByEmployee,
  CostCenterRow,
  CurrentByEmployee,
  EmployeeListing,
  PeriodRow,
  PeriodicCodeRow,
  PersonalInfoRow,
} from "../records.js";
import {
  UnreadableXml,
  boolean,
  child,
  date,
  decimal,
  each,
  flatText,
  integer,
  list,
  text,
  timestamp,
  type XmlNode,
} from "./xml-reader.js";

/**
 * Readers for EmployeeService results (Nmbrs API reference): XML nodes in, typed rows out, no I/O.
 *
 * A company's answers are read while its other calls are still running, and what they keep waits for the join
 * (person-mapping.ts) long enough for V8 to promote it to its old generation, where it dies. So the bulk readers keep
 * only what the join uses: the current record where the join uses only that (personal info, functions,
 * departments), and values the company's people share as one object each (company-values.ts). Every record is still
 * read, so a record that does not read fails the call as before.
 */

export function readEmployeeList(
  result: XmlNode | undefined,
  employeeType: string,
  shared: CompanyValues,
): EmployeeListing[] {
  return Array.from(each(result, "Employee"), (node) => ({
    employeeId: shared.companyText(required(node, "Id")),
    employeeNumber: shared.text(required(node, "Number")),
    employeeType,
  }));
}

export function readEmployeeTypes(result: XmlNode | undefined): Map<string, string> {
  return new Map(
    list(result, "EmployeeType").map((node) => [
      required(node, "Id"),
      text(node, "Description") ?? required(node, "Id"),
    ]),
  );
}

export function readPersonalInfoRow(node: XmlNode, shared: CompanyValues): PersonalInfoRow {
  return {
    displayName: flatText(node, "DisplayName"),
    firstName: shared.text(text(node, "FirstName")),
    nickname: shared.text(text(node, "Nickname")),
    initials: shared.text(text(node, "Initials")),
    prefix: shared.text(text(node, "Prefix")),
    lastName: shared.text(text(node, "LastName")),
    birthDate: shared.text(date(node, "Birthday")),
    workEmail: flatText(node, "EmailWork"),
    privateEmail: flatText(node, "EmailPrivate"),
    workMobile: text(node, "TelephoneMobileWork"),
    privateMobile: text(node, "TelephoneMobilePrivate"),
    creationDate: shared.companyText(timestamp(node, "CreationDate")),
  };
}

/** Each employee's current personal-info record (current-records.ts currentPersonalInfo). */
export function readPersonalInfos(
  result: XmlNode | undefined,
  shared: CompanyValues,
): CurrentByEmployee<PersonalInfoRow> {
  return perEmployee(
    each(result, "PersonalInfoItem"),
    "EmployeePersonalInfos",
    "PersonalInfo_V2",
    shared,
    (node) => readPersonalInfoRow(node, shared),
    folded(newerPersonalInfo),
  );
}

export function readEmployments(result: XmlNode | undefined, shared: CompanyValues): ByEmployee<PeriodRow> {
  return perEmployee(
    each(result, "EmployeeEmploymentItem"),
    "EmployeeEmployments",
    "Employment",
    shared,
    (node) => readPeriod(node, "employment", shared),
    appended,
  );
}

export function readContracts(result: XmlNode | undefined, shared: CompanyValues): ByEmployee<PeriodRow> {
  const items = function* () {
    yield* each(result, "EmployeeContractItemGlobal");
    yield* each(result, "EmployeeContractItem");
  };
  return perEmployee(
    items(),
    "EmployeeContracts",
    "EmployeeContract",
    shared,
    (node) => readPeriod(node, "contract", shared),
    appended,
  );
}

/** Each employee's function in force in period `now` (current-records.ts currentAssignment). */
export function readFunctions(
  result: XmlNode | undefined,
  now: PayrollPeriod,
  shared: CompanyValues,
): CurrentByEmployee<PeriodicCodeRow> {
  return perEmployee(
    each(result, "EmployeeFunctionItem_V2"),
    "EmployeeFunctions",
    "EmployeeFunction",
    shared,
    (node) => periodicCode(child(node, "Function"), node, shared),
    folded((current, row) => assignmentInForce(current, row, now)),
  );
}

/** Each employee's department in force in period `now` (current-records.ts currentAssignment). */
export function readDepartments(
  result: XmlNode | undefined,
  now: PayrollPeriod,
  shared: CompanyValues,
): CurrentByEmployee<PeriodicCodeRow> {
  return perEmployee(
    each(result, "EmployeeDepartmentItem"),
    "EmployeeDepartments",
    "Department_V2",
    shared,
    (node) => periodicCode(node, node, shared),
    folded((current, row) => assignmentInForce(current, row, now)),
  );
}

export function readCostCenters(result: XmlNode | undefined, shared: CompanyValues): ByEmployee<CostCenterRow> {
  return perEmployee(
    each(result, "EmployeeCostCenters"),
    "CostCenters",
    "EmployeeCostCenter",
    shared,
    (node) => {
      const costCenter = child(node, "CostCenter");
      return {
        code: shared.text(text(costCenter, "Code")),
        name: shared.text(text(costCenter, "Description")) ?? "",
        percentage: decimal(node, "Percentage") ?? 0,
        isDefault: boolean(node, "Default") ?? false,
      };
    },
    appended,
  );
}

/** Manager_GetCurrent: contact data, no EmployeeId (managers need not be employees). Number 0 means "none". */
export function readManager(result: XmlNode | undefined): HrManagerRef | null {
  if (!result) return null;
  const number = text(result, "Number");
  const name = [text(result, "FirstName"), text(result, "Name")].filter(Boolean).join(" ");
  const manager: HrManagerRef = {
    email: text(result, "Email"),
    employeeNumber: number === "0" ? null : number,
    name: name || null,
  };
  return manager.email || manager.employeeNumber || manager.name ? manager : null;
}

/** A period of the company's kind `kind`, shared with every colleague's equal one. */
function readPeriod(node: XmlNode, kind: "employment" | "contract", shared: CompanyValues): PeriodRow {
  return shared.period(kind, date(node, "StartDate"), date(node, "EndDate"));
}

function periodicCode(coded: XmlNode | undefined, dated: XmlNode, shared: CompanyValues): PeriodicCodeRow {
  return {
    code: shared.text(text(coded, "Code")),
    name: shared.text(text(coded, "Description")) ?? "",
    startYear: integer(dated, "StartYear") ?? 0,
    startPeriod: integer(dated, "StartPeriod") ?? 0,
    creationDate: shared.companyText(timestamp(dated, "CreationDate")),
  };
}

/**
 * What `keep` makes of each employee's history, item by item in order (several items of one employee add up): the
 * history itself ({@link appended}) or the one record that counts ({@link folded}).
 */
function perEmployee<T, K>(
  items: Iterable<XmlNode>,
  historyName: string,
  recordName: string,
  shared: CompanyValues,
  read: (node: XmlNode) => T,
  keep: (kept: K | null, rows: readonly T[]) => K | null,
): Map<string, K> {
  const kept = new Map<string, K>();
  for (const item of items) {
    const employeeId = shared.companyText(required(item, "EmployeeId"));
    const rows = list(child(item, historyName), recordName).map(read);
    const value = keep(kept.get(employeeId) ?? null, rows);
    if (value !== null) kept.set(employeeId, value);
  }
  return kept;
}

/** Keeps the whole history, in arrays of its exact size. */
function appended<T>(kept: readonly T[] | null, rows: readonly T[]): readonly T[] {
  return kept ? kept.concat(rows) : rows;
}

/** Keeps the one record `newer` picks of the history: a history folded with it, one record at a time. */
function folded<T>(newer: (current: T | null, row: T) => T): (kept: T | null, rows: readonly T[]) => T | null {
  return (kept, rows) => rows.reduce<T | null>(newer, kept);
}

/** A key field the adapter cannot do without (an id): its absence means the response is not what we think it is. */
function required(node: XmlNode, name: string): string {
  const value = text(node, name);
  if (value === null) throw new UnreadableXml(`a record lacks its <${name}>`);
  return value;
}
