import type {
  PersonalInfoRecord,
  SimAssignment,
  SimCompany,
  SimDataset,
  SimDebtor,
  SimEmployee,
  SimManager,
} from "../dataset.js";
import { currentPersonalInfo } from "../dataset.js";
import type { SimGuids } from "./sim-guids.js";

/**
 * JSON for each REST resource, from the same records the SOAP side serves (docs/nmbrs-rest-api.md). Field names
 * follow what Nmbrs documents or public clients read; ids are GUIDs, dates ISO, creation times UTC with a "Z".
 */

export type Json = Record<string, unknown>;

export function debtorJson(debtor: SimDebtor, guids: SimGuids): Json {
  return { debtorId: guids.guid("debtor", debtor.id), number: debtor.number, name: debtor.name };
}

/** REST codes of the company's payroll period type (`periodType` is INFERRED: no public source shows the field). */
const PERIOD_TYPE_CODES = { month: "month", "four-weeks": "fourWeeks", week: "week" } as const;

export function companyJson(company: SimCompany, guids: SimGuids): Json {
  return {
    companyId: guids.guid("company", company.id),
    number: String(company.number),
    name: company.name,
    debtorId: guids.guid("debtor", company.debtorId),
    periodType: PERIOD_TYPE_CODES[company.periodType ?? "month"],
  };
}

/**
 * An item of `GET /api/companies/{companyId}/employees`: the id and the basic info only (as the Rebels-io client,
 * which probed the live API, reads it). No display name: REST has none.
 */
export function employeeListJson(employee: SimEmployee, dataset: SimDataset, guids: SimGuids): Json {
  const info = currentPersonalInfo(employee);
  return {
    employeeId: guids.guid("employee", employee.employeeId),
    employeeBasicInfo: {
      employeeNumber: employee.employeeNumber,
      firstName: info?.nickname ?? null,
      prefix: info?.prefix ?? null,
      initials: info?.initials ?? null,
      lastName: info?.lastName ?? null,
      employeeType: employeeTypeOf(employee, dataset),
    },
  };
}

export function personalInfoJson(employee: SimEmployee, dataset: SimDataset, guids: SimGuids): Json {
  const type = employeeTypeOf(employee, dataset);
  return historyJson(employee, guids, "info", employee.personalInfo, (record) =>
    personalInfoRecordJson(employee, record, type, guids),
  );
}

function personalInfoRecordJson(
  employee: SimEmployee,
  record: PersonalInfoRecord,
  employeeType: string | null,
  guids: SimGuids,
): Json {
  return {
    personalInfoId: guids.guid("personalinfo", record.id),
    basicInfo: {
      employeeNumber: employee.employeeNumber,
      // Nmbrs' REST firstName is the roepnaam; the official first names are firstNameInFull.
      firstName: record.nickname,
      firstNameInFull: record.firstName,
      prefix: record.prefix,
      initials: record.initials,
      lastName: record.lastName,
      employeeType,
    },
    birthInfo: {
      birthDate: record.birthday,
      birthCountryCodeISO: "NL",
      nationalityCodeISO: "NL",
      gender: record.gender,
    },
    contactInfo: {
      privateEmail: record.emailPrivate,
      businessEmail: record.emailWork,
      businessMobilePhone: record.telephoneMobileWork,
      privateMobilePhone: record.telephoneMobilePrivate,
    },
    partnerInfo: { partnerName: null, maritalStatus: "unknown" },
    period: periodOf(record.creationDate),
    createdAt: utc(record.creationDate),
  };
}

export function employmentsJson(employee: SimEmployee, guids: SimGuids): Json {
  return historyJson(employee, guids, "employments", employee.employments, (employment) => ({
    employmentId: guids.guid("employment", employment.employmentId),
    startDate: employment.startDate,
    endDate: employment.endDate,
    seniorityDate: employment.initialStartDate,
    createdAt: utc(employment.creationDate),
  }));
}

export function contractsJson(employee: SimEmployee, guids: SimGuids): Json {
  return historyJson(employee, guids, "contracts", employee.contracts, (contract) => ({
    contractId: guids.guid("contract", contract.contractId),
    startDate: contract.startDate,
    trialPeriod: null,
    endDate: contract.endDate,
    indefinite: contract.indefinite,
    writtenContract: true,
    hoursPerWeek: contract.hoursPerWeek,
    createdAt: utc(contract.creationDate),
  }));
}

/** Functions carry an integer code, departments a string one (as brynq's schemas read them). */
export function functionsJson(employee: SimEmployee, guids: SimGuids): Json {
  return historyJson(employee, guids, "functions", employee.functions, (entry) => ({
    functionId: guids.guid("function", entry.id),
    ...assignmentJson(entry, entry.code),
  }));
}

export function departmentsJson(employee: SimEmployee, guids: SimGuids): Json {
  return historyJson(employee, guids, "departments", employee.departments, (entry) => ({
    departmentId: guids.guid("department", entry.id),
    ...assignmentJson(entry, String(entry.code)),
  }));
}

/**
 * `…/employees/costcenters`: the whole history, each row dated by `period` and `createdAt` (brynq's costcenter
 * schema); the endpoint takes no year or period, so the client picks the split in force itself.
 */
export function costCentersJson(employee: SimEmployee, guids: SimGuids): Json {
  return historyJson(employee, guids, "employeeCostCenters", employee.costCenters, (entry, index) => ({
    employeeCostCenterId: guids.guid("costcenter", employee.employeeId * 1000 + index),
    costCenters: {
      costCenterId: guids.guid("costcenter", entry.code),
      code: String(entry.code),
      description: entry.description,
    },
    costUnits: null,
    percentage: entry.percentage,
    default: entry.default,
    period: { year: entry.startYear, period: entry.startPeriod },
    createdAt: utc(entry.creationDate),
  }));
}

/**
 * `…/employees/managers`: each employee's manager history. A manager is a debtor-level object (brynq's manager
 * schema): its own id and `number`, contact data, no employee number. In force from the employee's first working day.
 */
export function managersJson(employee: SimEmployee, guids: SimGuids): Json {
  const { manager } = employee;
  const from = employee.employments[0]?.startDate ?? employee.personalInfo[0]?.creationDate ?? "2000-01-01";
  return historyJson(employee, guids, "managers", manager ? [manager] : [], (current) => ({
    ...managerJson(current, guids),
    period: periodOf(from),
    createdAt: utc(from),
  }));
}

/** A manager as `GET /api/debtors/{debtorId}/managers` lists it (and as the employee history embeds it). */
export function managerJson(manager: SimManager, guids: SimGuids): Json {
  return {
    managerId: guids.guid("manager", manager.number),
    number: manager.number,
    firstName: manager.firstName,
    lastName: manager.name,
    gender: null,
    phoneNumber: null,
    cellphone: null,
    fax: null,
    email: manager.email,
    department: manager.department === null ? null : { description: manager.department },
    function: manager.function === null ? null : { description: manager.function },
  };
}

/** A per-company history item: the employee's GUID and their records under `name`. */
function historyJson<T>(
  employee: SimEmployee,
  guids: SimGuids,
  name: string,
  records: readonly T[],
  toJson: (record: T, index: number) => Json,
): Json {
  return { employeeId: guids.guid("employee", employee.employeeId), [name]: records.map(toJson) };
}

function assignmentJson(entry: SimAssignment, code: number | string): Json {
  return {
    code,
    description: entry.description,
    period: { year: entry.startYear, period: entry.startPeriod },
    createdAt: utc(entry.creationDate),
  };
}

/** REST gives the type's code (`payroll`, `newHire`, …), not the description SOAP gives (brynq's schema). */
function employeeTypeOf(employee: SimEmployee, dataset: SimDataset): string | null {
  return dataset.employeeTypes.find((type) => type.id === employee.employeeTypeId)?.code ?? null;
}

function periodOf(date: string): { year: number; period: number } {
  return { year: Number(date.slice(0, 4)), period: Number(date.slice(5, 7)) };
}

/** `2021-07-01T10:15:08Z`, as the docs show creation times. */
function utc(timestamp: string): string {
  return `${timestamp.length === 10 ? `${timestamp}T00:00:00` : timestamp}Z`;
}
