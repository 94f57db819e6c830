import { addDays, nextSecond } from "./dates.js";
import { currentPersonalInfo, employeesOfCompany, type PersonalInfoRecord, type SimDataset, type SimEmployee } from "./dataset.js";

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
}

export function addEmployee(dataset: SimDataset, spec: NewEmployee): SimEmployee {
  const employeeId = nextId(dataset.employees.map((employee) => employee.employeeId));
  const colleagues = employeesOfCompany(dataset, spec.companyId);
  const created = `${spec.startDate}T09:00:00`;
  const employee: SimEmployee = {
    employeeId,
    companyId: spec.companyId,
    employeeNumber: spec.employeeNumber ?? nextId(colleagues.map((colleague) => colleague.employeeNumber)),
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
    employments: [{ employmentId: employeeId * 10, startDate: spec.startDate, endDate: spec.endDate ?? null, initialStartDate: spec.startDate, creationDate: created }],
    contracts: [{ contractId: employeeId * 10, startDate: spec.startDate, endDate: spec.endDate ?? null, indefinite: !spec.endDate, hoursPerWeek: 40, creationDate: created }],
    functions: [],
    departments: [],
    costCenters: [],
    manager: null,
  };
  dataset.employees.push(employee);
  return employee;
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
export function rehire(dataset: SimDataset, employeeId: number, startDate: string, endDate: string | null = null): void {
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
