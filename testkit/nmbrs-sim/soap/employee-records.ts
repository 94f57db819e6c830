import type { PersonalInfoRecord, SimCompany, SimCostCenter, SimDebtor, SimEmployee, SimManager } from "../dataset.js";
import { currentPersonalInfo } from "../dataset.js";
import { dateTime, text, value } from "./xml-writer.js";

/** XML for each Nmbrs record type, field order as in the WSDL (Nmbrs API reference). */

/** LoonaangifteTijdvak is the wage-tax return period: monthly, or four-weekly, which weekly payroll files too. */
export function companyXml(company: SimCompany): string {
  return `<Company>${value("ID", company.id)}${value("Number", company.number)}${text("Name", company.name)}${text("Email", `info@${company.domain}`)}<LoonaangifteTijdvak>${(company.periodType ?? "month") === "month" ? "Month" : "Week4"}</LoonaangifteTijdvak>${text("KvkNr", String(company.id * 7919).padStart(8, "0"))}</Company>`;
}

export function debtorXml(debtor: SimDebtor): string {
  return `<Debtor>${value("Id", debtor.id)}${text("Number", debtor.number)}${text("Name", debtor.name)}</Debtor>`;
}

/** "Vries, J. de (Jan)": how Nmbrs composes DisplayName (format invented, Nmbrs API reference). */
export function displayName(record: PersonalInfoRecord | null): string | null {
  if (!record) return null;
  const prefix = record.prefix ? ` ${record.prefix}` : "";
  const nickname = record.nickname ? ` (${record.nickname})` : "";
  return `${record.lastName ?? ""}, ${record.initials ?? ""}${prefix}${nickname}`;
}

export function employeeListXml(employee: SimEmployee): string {
  return `<Employee>${value("Id", employee.employeeId)}${value("Number", employee.employeeNumber)}${text("DisplayName", displayName(currentPersonalInfo(employee)))}</Employee>`;
}

function personFields(record: PersonalInfoRecord): string {
  return (
    text("FirstName", record.firstName) +
    text("Initials", record.initials) +
    text("Prefix", record.prefix) +
    text("LastName", record.lastName) +
    text("Nickname", record.nickname) +
    `<Gender>${record.gender}</Gender>` +
    value("NationalityCode", 1) +
    value("IdentificationType", 0) +
    text("TelephoneMobilePrivate", record.telephoneMobilePrivate) +
    text("TelephoneMobileWork", record.telephoneMobileWork) +
    text("EmailPrivate", record.emailPrivate) +
    text("EmailWork", record.emailWork)
  );
}

/** `bsn` only for PersonalInfo_GetAll_…; the WithoutBSN variant, the one a provisioning client should use, has none. */
function personalInfoV2Xml(record: PersonalInfoRecord, employeeNumber: number, bsn: string | null): string {
  return (
    `<PersonalInfo_V2>${value("Id", record.id)}${text("DisplayName", displayName(record))}${value("EmployeeNumber", employeeNumber)}${text("BSN", bsn)}` +
    personFields(record) +
    `${value("BurgerlijkeStaat", 0)}${value("Naamstelling", 1)}${dateTime("Birthday", record.birthday)}${dateTime("CreationDate", record.creationDate)}` +
    `${value("StartPeriod", Number(record.creationDate.slice(5, 7)))}${value("StartYear", Number(record.creationDate.slice(0, 4)))}</PersonalInfo_V2>`
  );
}

/** PersonalInfo_GetCurrent's type extends Employee, so it starts with Id, Number, DisplayName. */
export function personalInfoCurrentFields(employee: SimEmployee, record: PersonalInfoRecord): string {
  return (
    `${value("Id", employee.employeeId)}${value("Number", employee.employeeNumber)}${text("DisplayName", displayName(record))}` +
    `${value("EmployeeNumber", employee.employeeNumber)}${personFields(record)}` +
    `<BurgerlijkeStaat>0</BurgerlijkeStaat><Naamstelling>1</Naamstelling>${dateTime("Birthday", record.birthday)}`
  );
}

export function personalInfoItemXml(employee: SimEmployee): string {
  return historyItem("PersonalInfoItem", employee, "EmployeePersonalInfos", employee.personalInfo, (record) =>
    personalInfoV2Xml(record, employee.employeeNumber, null),
  );
}

export function personalInfoWithBsnItemXml(employee: SimEmployee): string {
  const bsn = syntheticBsn(employee.employeeId);
  return historyItem("PersonalInfoItem", employee, "EmployeePersonalInfos", employee.personalInfo, (record) =>
    personalInfoV2Xml(record, employee.employeeNumber, bsn),
  );
}

/**
 * A made-up BSN in the 9999… range Dutch test environments use, passing the eleven test (Σ digit × 9…2 ≡ last digit
 * mod 11). Stable per employee but not unique: only the BSN-carrying call shows it, and no client keys on it.
 */
export function syntheticBsn(employeeId: number): string {
  for (let base = 99_990_000 + (employeeId % 10_000); ; base = base === 99_999_999 ? 99_990_000 : base + 1) {
    const digits = String(base);
    let sum = 0;
    for (let index = 0; index < 8; index++) sum += Number(digits[index]) * (9 - index);
    const check = sum % 11;
    if (check < 10) return `${digits}${check}`;
  }
}

export function employmentItemXml(employee: SimEmployee): string {
  return historyItem(
    "EmployeeEmploymentItem",
    employee,
    "EmployeeEmployments",
    employee.employments,
    (employment) =>
      `<Employment>${value("EmploymentId", employment.employmentId)}${dateTime("CreationDate", employment.creationDate)}${dateTime("StartDate", employment.startDate)}` +
      `${dateTime("EndDate", employment.endDate)}${dateTime("InitialStartDate", employment.initialStartDate)}</Employment>`,
  );
}

export function contractItemXml(employee: SimEmployee): string {
  return historyItem(
    "EmployeeContractItemGlobal",
    employee,
    "EmployeeContracts",
    employee.contracts,
    (contract) =>
      `<EmployeeContract>${value("ContractID", contract.contractId)}${dateTime("CreationDate", contract.creationDate)}${dateTime("StartDate", contract.startDate)}` +
      `<TrialPeriod xsi:nil="true" />${dateTime("EndDate", contract.endDate)}<EmployementType>1</EmployementType><EmploymentSequenceTaxId>1</EmploymentSequenceTaxId>` +
      `${value("Indefinite", contract.indefinite)}<PhaseClassification>0</PhaseClassification><WrittenContract>true</WrittenContract>${value("HoursPerWeek", contract.hoursPerWeek)}</EmployeeContract>`,
  );
}

export function functionItemXml(employee: SimEmployee): string {
  return historyItem(
    "EmployeeFunctionItem_V2",
    employee,
    "EmployeeFunctions",
    employee.functions,
    (entry) =>
      `<EmployeeFunction>${value("RecordId", entry.recordId)}<Function>${value("Id", entry.id)}${value("Code", entry.code)}${text("Description", entry.description)}</Function>` +
      `${dateTime("CreationDate", entry.creationDate)}${value("StartPeriod", entry.startPeriod)}${value("StartYear", entry.startYear)}</EmployeeFunction>`,
  );
}

export function departmentItemXml(employee: SimEmployee): string {
  return historyItem(
    "EmployeeDepartmentItem",
    employee,
    "EmployeeDepartments",
    employee.departments,
    (entry) =>
      `<Department_V2>${value("Id", entry.id)}${value("Code", entry.code)}${text("Description", entry.description)}${dateTime("CreationDate", entry.creationDate)}` +
      `${value("StartPeriod", entry.startPeriod)}${value("StartYear", entry.startYear)}</Department_V2>`,
  );
}

/** The cost centers in force in the period asked for (SOAP's answer carries no period of its own). */
export function costCenterItemXml(employee: SimEmployee, rows: readonly SimCostCenter[]): string {
  return historyItem(
    "EmployeeCostCenters",
    employee,
    "CostCenters",
    rows,
    (entry, index) =>
      `<EmployeeCostCenter>${value("Id", employee.employeeId * 10 + index)}<CostCenter>${value("Code", entry.code)}${text("Description", entry.description)}</CostCenter>` +
      `<Kostensoort>${value("Code", 4000)}${text("Description", "Personeelskosten")}</Kostensoort>${value("Percentage", entry.percentage)}${value("Default", entry.default)}</EmployeeCostCenter>`,
  );
}

export function managerFields(manager: SimManager): string {
  return (
    `${value("Number", manager.number)}${text("FirstName", manager.firstName)}${text("Name", manager.name)}` +
    `${text("Department", manager.department)}${text("Function", manager.function)}${text("Email", manager.email)}`
  );
}

export function codedFields(entry: { id: number; code: number; description: string }): string {
  return `${value("Id", entry.id)}${value("Code", entry.code)}${text("Description", entry.description)}`;
}

/** A bulk-call item: the employee's id and their history array (XmlSerializer writes `<X />` for an empty one). */
function historyItem<T>(
  itemName: string,
  employee: SimEmployee,
  historyName: string,
  records: readonly T[],
  toXml: (record: T, index: number) => string,
): string {
  const history =
    records.length === 0 ? `<${historyName} />` : `<${historyName}>${records.map(toXml).join("")}</${historyName}>`;
  return `<${itemName}>${value("EmployeeId", employee.employeeId)}${history}</${itemName}>`;
}
