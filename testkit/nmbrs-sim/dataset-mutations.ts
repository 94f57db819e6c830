import { addDays, nextSecond, payrollPeriodOn, timestampOn } from "./dates.js";
import {
  currentPersonalInfo,
  employeesOfCompany,
  managerContact,
  periodTypeOf,
  type PersonalInfoRecord,
  type SimAssignment,
  type SimCostCenter,
  type SimDataset,
  type SimEmployee,
  type SimFunction,
  type SimManager,
} from "./dataset.js";

/**
 * Small edits tests make to a dataset between simulated days ("Jan leaves", "Piet is rehired"). They mutate in
 * place because the running simulator serves the same dataset object: the next call sees the change.
 */

export interface NewEmployee {
  readonly companyId: number;
  readonly firstName: string;
  readonly lastName: string;
  readonly prefix?: string | null;
  readonly nickname?: string | null;
  readonly workEmail?: string | null;
  readonly privateEmail?: string | null;
  readonly startDate: string;
  readonly endDate?: string | null;
  /** Defaults to the first employee type. */
  readonly employeeTypeId?: number;
  /** Defaults to one more than the company's highest number. */
  readonly employeeNumber?: number;
  /** In force from the payroll period of `startDate`; none when absent. */
  readonly department?: CodedValue;
  readonly function?: CodedValue;
}

/** A department or function as Nmbrs codes it: an integer code and a description. */
export interface CodedValue {
  readonly code: number;
  readonly description: string;
}

export function addEmployee(dataset: SimDataset, spec: NewEmployee): SimEmployee {
  return addEmployees(dataset, [spec])[0]!;
}

/**
 * Adds employees in one pass: ids and numbers are worked out once, not per employee, so a test can staff a company of
 * 10,000 without a quadratic loop. Each gets the next EmployeeId and (unless given) its company's next number.
 */
export function addEmployees(dataset: SimDataset, specs: readonly NewEmployee[]): SimEmployee[] {
  let lastId = nextId(dataset.employees.map((employee) => employee.employeeId)) - 1;
  const highestNumber = new Map<number, number>();
  const numberIn = (companyId: number): number =>
    highestNumber.get(companyId) ??
    nextId(employeesOfCompany(dataset, companyId).map((colleague) => colleague.employeeNumber)) - 1;
  const added = specs.map((spec) => {
    const employeeId = ++lastId;
    const employeeNumber = spec.employeeNumber ?? numberIn(spec.companyId) + 1;
    highestNumber.set(spec.companyId, Math.max(numberIn(spec.companyId), employeeNumber));
    return newEmployee(dataset, spec, employeeId, employeeNumber);
  });
  dataset.employees.push(...added);
  return added;
}

function newEmployee(dataset: SimDataset, spec: NewEmployee, employeeId: number, employeeNumber: number): SimEmployee {
  const created = `${spec.startDate}T09:00:00`;
  return {
    employeeId,
    companyId: spec.companyId,
    employeeNumber,
    employeeTypeId: spec.employeeTypeId ?? dataset.employeeTypes[0]?.id ?? 1,
    personalInfo: [
      {
        id: employeeId * 10,
        firstName: spec.firstName,
        initials: `${spec.firstName.charAt(0)}.`,
        prefix: spec.prefix ?? null,
        lastName: spec.lastName,
        nickname: spec.nickname ?? spec.firstName,
        gender: "undefined",
        birthday: "1990-01-01",
        emailWork: spec.workEmail ?? null,
        emailPrivate: spec.privateEmail ?? null,
        telephoneMobileWork: null,
        telephoneMobilePrivate: null,
        creationDate: created,
      },
    ],
    employments: [
      {
        employmentId: employeeId * 10,
        startDate: spec.startDate,
        endDate: spec.endDate ?? null,
        initialStartDate: spec.startDate,
        creationDate: created,
      },
    ],
    contracts: [
      {
        contractId: employeeId * 10,
        startDate: spec.startDate,
        endDate: spec.endDate ?? null,
        indefinite: !spec.endDate,
        hoursPerWeek: 40,
        creationDate: created,
      },
    ],
    functions: spec.function
      ? [{ ...assignment(dataset, spec.companyId, spec.function, spec.startDate), recordId: employeeId * 10 }]
      : [],
    departments: spec.department ? [assignment(dataset, spec.companyId, spec.department, spec.startDate)] : [],
    costCenters: [],
    manager: null,
  };
}

export function removeEmployee(dataset: SimDataset, employeeId: number): void {
  dataset.employees = dataset.employees.filter((employee) => employee.employeeId !== employeeId);
}

/** The employee's last employment and last contract end on `date` (inclusive last working day). */
export function endEmployment(dataset: SimDataset, employeeId: number, date: string): void {
  const employee = findEmployee(dataset, employeeId);
  const employment = employee.employments.at(-1);
  const contract = employee.contracts.at(-1);
  if (employment) employment.endDate = date;
  if (contract) {
    contract.endDate = date;
    contract.indefinite = false;
  }
}

/** A new employment and contract from `startDate` (open-ended unless `endDate`), after the earlier ones. */
export function rehire(
  dataset: SimDataset,
  employeeId: number,
  startDate: string,
  endDate: string | null = null,
): void {
  const employee = findEmployee(dataset, employeeId);
  const created = `${addDays(startDate, -14)}T10:00:00`;
  const initialStartDate = employee.employments[0]?.initialStartDate ?? startDate;
  employee.employments.push({
    employmentId: nextId(employee.employments.map((employment) => employment.employmentId)),
    startDate,
    endDate,
    initialStartDate,
    creationDate: created,
  });
  employee.contracts.push({
    contractId: nextId(employee.contracts.map((contract) => contract.contractId)),
    startDate,
    endDate,
    indefinite: endDate === null,
    hoursPerWeek: employee.contracts.at(-1)?.hoursPerWeek ?? 40,
    creationDate: created,
  });
}

/**
 * Appends a personal-info history record: a copy of the current one with `changes`, created one second after the
 * newest record unless `creationDate` is given (tests that need an older record to stay current pass one).
 */
export function setPersonalInfo(
  dataset: SimDataset,
  employeeId: number,
  changes: Partial<Omit<PersonalInfoRecord, "id" | "creationDate">>,
  creationDate?: string,
): PersonalInfoRecord {
  const employee = findEmployee(dataset, employeeId);
  const current = currentPersonalInfo(employee);
  if (!current) throw new Error(`employee ${employeeId} has no personal info to change`);
  const record: PersonalInfoRecord = {
    ...current,
    ...changes,
    id: nextId(employee.personalInfo.map((info) => info.id)),
    creationDate: creationDate ?? nextSecond(current.creationDate),
  };
  employee.personalInfo.push(record);
  return record;
}

export function setWorkEmail(dataset: SimDataset, employeeId: number, email: string | null): PersonalInfoRecord {
  return setPersonalInfo(dataset, employeeId, { emailWork: email });
}

/** Removes the first ⌊fraction × n⌋ employees of a company (a "company lost most of its staff" scenario). */
export function removeCompanyEmployees(dataset: SimDataset, companyId: number, fraction: number): SimEmployee[] {
  const staff = employeesOfCompany(dataset, companyId);
  const removed = new Set(staff.slice(0, Math.floor(staff.length * fraction)));
  dataset.employees = dataset.employees.filter((employee) => !removed.has(employee));
  return [...removed];
}

/** A department change in force from the payroll period `from` falls in; the earlier assignments stay as history. */
export function assignDepartment(
  dataset: SimDataset,
  employeeId: number,
  department: CodedValue,
  from: string,
): SimAssignment {
  const employee = findEmployee(dataset, employeeId);
  const entry = assignment(dataset, employee.companyId, department, from);
  employee.departments.push(entry);
  return entry;
}

/** A function change in force from the payroll period `from` falls in; the earlier assignments stay as history. */
export function assignFunction(dataset: SimDataset, employeeId: number, fn: CodedValue, from: string): SimFunction {
  const employee = findEmployee(dataset, employeeId);
  const entry: SimFunction = {
    ...assignment(dataset, employee.companyId, fn, from),
    recordId: nextId(employee.functions.map((existing) => existing.recordId)),
  };
  employee.functions.push(entry);
  return entry;
}

/**
 * What Manager_GetCurrent answers for the employee: a colleague (by EmployeeId) as HR enters one, with the
 * colleague's current name, work e-mail and number; an external contact as given; or null for no manager.
 */
export function setManager(
  dataset: SimDataset,
  employeeId: number,
  manager: number | SimManager | null,
): SimManager | null {
  const employee = findEmployee(dataset, employeeId);
  employee.manager = typeof manager === "number" ? managerContact(findEmployee(dataset, manager)) : manager;
  return employee.manager;
}

/**
 * A new cost-center split in force from the payroll period `from` falls in, entered at `creationDate` (default: a
 * week before `from`); appended to the history, as Nmbrs keeps it. Weights are percentages; the first is the default.
 */
export function assignCostCenters(
  dataset: SimDataset,
  employeeId: number,
  split: readonly (CodedValue & { readonly percentage: number })[],
  from: string,
  creationDate?: string,
): SimCostCenter[] {
  const employee = findEmployee(dataset, employeeId);
  const { year, period } = payrollPeriodOn(from, periodTypeOf(dataset, employee.companyId));
  const rows = split.map(
    (center, index): SimCostCenter => ({
      code: center.code,
      description: center.description,
      percentage: center.percentage,
      default: index === 0,
      startYear: year,
      startPeriod: period,
      creationDate: creationDate ?? timestampOn(addDays(from, -7), 39_600),
    }),
  );
  employee.costCenters.push(...rows);
  return rows;
}

/** The simulator numbers departments and functions by their code: one id per code, shared by every employee. */
function assignment(dataset: SimDataset, companyId: number, value: CodedValue, from: string): SimAssignment {
  const { year, period } = payrollPeriodOn(from, periodTypeOf(dataset, companyId));
  return {
    id: value.code,
    code: value.code,
    description: value.description,
    startYear: year,
    startPeriod: period,
    creationDate: timestampOn(addDays(from, -7), 39_600),
  };
}

export function findEmployee(dataset: SimDataset, employeeId: number): SimEmployee {
  const employee = dataset.employees.find((candidate) => candidate.employeeId === employeeId);
  if (!employee) throw new Error(`the dataset has no employee ${employeeId}`);
  return employee;
}

function nextId(ids: readonly number[]): number {
  let highest = 0;
  for (const id of ids) if (id > highest) highest = id;
  return highest + 1;
}
