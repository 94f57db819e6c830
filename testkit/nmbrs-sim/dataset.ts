/**
 * The simulator's plain-data model of one Nmbrs environment. Field names follow the Nmbrs SOAP records they are
 * served as (see the Nmbrs API reference), so the SOAP serializers and a REST facade are thin views.
 *
 * Calendar dates are `YYYY-MM-DD`. `creationDate` fields are timestamps `YYYY-MM-DDTHH:mm:ss`, because history
 * records are ordered by them and several edits can happen on one day.
 */

export interface SimDebtor {
  readonly id: number;
  readonly number: string;
  readonly name: string;
}

/** How often the company pays: 12 monthly, 13 four-weekly or 52/53 weekly periods a year (ISO weeks). */
export type SimPeriodType = "month" | "four-weeks" | "week";

export interface SimCompany {
  readonly id: number;
  readonly number: number;
  readonly name: string;
  readonly debtorId: number;
  /** Mail domain of the company, e.g. `bakker-zonen.nl`; work e-mails are `<local>@<domain>`. */
  readonly domain: string;
  /** Absent: monthly, the common case. Period-dated records count periods of this type. */
  readonly periodType?: SimPeriodType;
}

/** SOAP serves the id and the description; REST serves only the code (brynq's schema lists the seven codes). */
export interface SimEmployeeType {
  readonly id: number;
  readonly description: string;
  readonly code: string;
}

export interface PersonalInfoRecord {
  /** Id of this history record, not of the employee. */
  id: number;
  firstName: string | null;
  initials: string | null;
  prefix: string | null;
  lastName: string | null;
  nickname: string | null;
  gender: "male" | "female" | "undefined";
  birthday: string | null;
  emailWork: string | null;
  emailPrivate: string | null;
  telephoneMobileWork: string | null;
  telephoneMobilePrivate: string | null;
  creationDate: string;
}

export interface SimEmployment {
  employmentId: number;
  startDate: string;
  endDate: string | null;
  initialStartDate: string;
  creationDate: string;
}

export interface SimContract {
  contractId: number;
  startDate: string;
  endDate: string | null;
  indefinite: boolean;
  hoursPerWeek: number;
  creationDate: string;
}

/** A department or function assignment, in force from a payroll period (year + period of the company's type). */
export interface SimAssignment {
  id: number;
  code: number;
  description: string;
  startYear: number;
  startPeriod: number;
  creationDate: string;
}

export interface SimFunction extends SimAssignment {
  /** Id of the history record (Function_GetAll_…_V2 has one besides the function's own id). */
  recordId: number;
}

export type SimDepartment = SimAssignment;

/**
 * One row of an employee's cost-center history: each change adds the whole split again, dated by the payroll period
 * it is in force from and when it was entered (brynq's schema: `period`, `createdAt`).
 */
export interface SimCostCenter {
  code: number;
  description: string;
  percentage: number;
  default: boolean;
  startYear: number;
  startPeriod: number;
  creationDate: string;
}

/** Manager_GetCurrent returns contact data, not an employee id: a manager need not be an employee. */
export interface SimManager {
  number: number;
  firstName: string | null;
  name: string | null;
  email: string | null;
  department: string | null;
  function: string | null;
}

export interface SimEmployee {
  /** Global and unique in the environment (Nmbrs "EmployeeId"). */
  readonly employeeId: number;
  companyId: number;
  /** Unique only within a company. */
  employeeNumber: number;
  employeeTypeId: number;
  /** History, oldest first; the record with the newest creationDate is current. */
  personalInfo: PersonalInfoRecord[];
  employments: SimEmployment[];
  contracts: SimContract[];
  functions: SimFunction[];
  departments: SimDepartment[];
  /** History, oldest first. */
  costCenters: SimCostCenter[];
  manager: SimManager | null;
}

export interface SimDataset {
  debtors: SimDebtor[];
  companies: SimCompany[];
  employeeTypes: SimEmployeeType[];
  employees: SimEmployee[];
}

/** The current personal-info record: newest creationDate; on a tie the later record (Nmbrs appends history). */
export function currentPersonalInfo(employee: SimEmployee): PersonalInfoRecord | null {
  let current: PersonalInfoRecord | null = null;
  for (const record of employee.personalInfo) {
    if (!current || record.creationDate >= current.creationDate) current = record;
  }
  return current;
}

/**
 * What Manager_GetCurrent shows for a colleague who manages someone: their current name, work e-mail and number
 * (contact data, as HR enters it), and their latest department and function.
 */
export function managerContact(colleague: SimEmployee): SimManager {
  const info = currentPersonalInfo(colleague);
  const lastName = [info?.prefix, info?.lastName].filter(Boolean).join(" ");
  return {
    number: colleague.employeeNumber,
    firstName: info?.nickname ?? null,
    name: lastName || null,
    email: info?.emailWork ?? null,
    department: colleague.departments.at(-1)?.description ?? null,
    function: colleague.functions.at(-1)?.description ?? null,
  };
}

/** A (year, period) as one comparable number. */
export function periodIndex(entry: { readonly startYear: number; readonly startPeriod: number }): number {
  return entry.startYear * 100 + entry.startPeriod;
}

/**
 * The cost-center split in force in payroll period `at` (`year * 100 + period`): the rows of the newest period that
 * has started, of those the newest entry; none before the first split.
 */
export function costCentersInForce(rows: readonly SimCostCenter[], at: number): SimCostCenter[] {
  const started = rows.filter((row) => periodIndex(row) <= at);
  const latest = started.reduce<SimCostCenter | null>(
    (best, row) =>
      !best ||
      periodIndex(row) > periodIndex(best) ||
      (periodIndex(row) === periodIndex(best) && row.creationDate > best.creationDate)
        ? row
        : best,
    null,
  );
  return latest
    ? started.filter((row) => periodIndex(row) === periodIndex(latest) && row.creationDate === latest.creationDate)
    : [];
}

export function periodTypeOf(dataset: SimDataset, companyId: number): SimPeriodType {
  return dataset.companies.find((company) => company.id === companyId)?.periodType ?? "month";
}

export function employeesOfCompany(dataset: SimDataset, companyId: number): SimEmployee[] {
  return dataset.employees.filter((employee) => employee.companyId === companyId);
}
