import type { HrManagerRef } from "../../types.js";
import type {
  ByEmployee,
  CostCenterRow,
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
  integer,
  list,
  text,
  timestamp,
  type XmlNode,
} from "./xml-reader.js";

/** Readers for EmployeeService results (Nmbrs API reference): XML nodes in, typed rows out, no I/O. */

export function readEmployeeList(result: XmlNode | undefined, employeeType: string): EmployeeListing[] {
  return Array.from(each(result, "Employee"), (node) => ({
    employeeId: required(node, "Id"),
    employeeNumber: required(node, "Number"),
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

export function readPersonalInfoRow(node: XmlNode): PersonalInfoRow {
  return {
    displayName: text(node, "DisplayName"),
    firstName: text(node, "FirstName"),
    nickname: text(node, "Nickname"),
    initials: text(node, "Initials"),
    prefix: text(node, "Prefix"),
    lastName: text(node, "LastName"),
    birthDate: date(node, "Birthday"),
    workEmail: text(node, "EmailWork"),
    privateEmail: text(node, "EmailPrivate"),
    workMobile: text(node, "TelephoneMobileWork"),
    privateMobile: text(node, "TelephoneMobilePrivate"),
    creationDate: timestamp(node, "CreationDate"),
  };
}

export function readPersonalInfos(result: XmlNode | undefined): ByEmployee<PersonalInfoRow> {
  return perEmployee(each(result, "PersonalInfoItem"), "EmployeePersonalInfos", "PersonalInfo_V2", readPersonalInfoRow);
}

export function readEmployments(result: XmlNode | undefined): ByEmployee<PeriodRow> {
  return perEmployee(each(result, "EmployeeEmploymentItem"), "EmployeeEmployments", "Employment", readPeriod);
}

export function readContracts(result: XmlNode | undefined): ByEmployee<PeriodRow> {
  const items = function* () {
    yield* each(result, "EmployeeContractItemGlobal");
    yield* each(result, "EmployeeContractItem");
  };
  return perEmployee(items(), "EmployeeContracts", "EmployeeContract", readPeriod);
}

export function readFunctions(result: XmlNode | undefined): ByEmployee<PeriodicCodeRow> {
  return perEmployee(each(result, "EmployeeFunctionItem_V2"), "EmployeeFunctions", "EmployeeFunction", (node) => {
    const fn = child(node, "Function");
    return periodicCode(fn, node);
  });
}

export function readDepartments(result: XmlNode | undefined): ByEmployee<PeriodicCodeRow> {
  return perEmployee(each(result, "EmployeeDepartmentItem"), "EmployeeDepartments", "Department_V2", (node) =>
    periodicCode(node, node),
  );
}

export function readCostCenters(result: XmlNode | undefined): ByEmployee<CostCenterRow> {
  return perEmployee(each(result, "EmployeeCostCenters"), "CostCenters", "EmployeeCostCenter", (node) => {
    const costCenter = child(node, "CostCenter");
    return {
      code: text(costCenter, "Code"),
      name: text(costCenter, "Description") ?? "",
      percentage: decimal(node, "Percentage") ?? 0,
      isDefault: boolean(node, "Default") ?? false,
    };
  });
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

function readPeriod(node: XmlNode): PeriodRow {
  return { start: date(node, "StartDate"), end: date(node, "EndDate") };
}

function periodicCode(coded: XmlNode | undefined, dated: XmlNode): PeriodicCodeRow {
  return {
    code: text(coded, "Code"),
    name: text(coded, "Description") ?? "",
    startYear: integer(dated, "StartYear") ?? 0,
    startPeriod: integer(dated, "StartPeriod") ?? 0,
    creationDate: timestamp(dated, "CreationDate"),
  };
}

function perEmployee<T>(
  items: Iterable<XmlNode>,
  historyName: string,
  recordName: string,
  read: (node: XmlNode) => T,
): ByEmployee<T> {
  const rows = new Map<string, T[]>();
  for (const item of items) {
    const employeeId = required(item, "EmployeeId");
    const records = list(child(item, historyName), recordName).map(read);
    const existing = rows.get(employeeId);
    if (existing) existing.push(...records);
    else rows.set(employeeId, records);
  }
  return rows;
}

/** A key field the adapter cannot do without (an id): its absence means the response is not what we think it is. */
function required(node: XmlNode, name: string): string {
  const value = text(node, name);
  if (value === null) throw new UnreadableXml(`a record lacks its <${name}>`);
  return value;
}
