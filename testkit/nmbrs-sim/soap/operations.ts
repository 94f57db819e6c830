import { payrollPeriodOn } from "../dates.js";
import {
  costCentersInForce,
  currentPersonalInfo,
  employeesOfCompany,
  periodIndex,
  periodTypeOf,
  type SimDataset,
  type SimEmployee,
} from "../dataset.js";
import {
  codedFields,
  companyXml,
  contractItemXml,
  costCenterItemXml,
  debtorXml,
  departmentItemXml,
  employeeListXml,
  employmentItemXml,
  functionItemXml,
  managerFields,
  personalInfoCurrentFields,
  personalInfoItemXml,
  personalInfoWithBsnItemXml,
} from "./employee-records.js";
import { value, text } from "./xml-writer.js";

export type SimService = "CompanyService" | "EmployeeService" | "DebtorService";

/** An Nmbrs business error; the handler turns it into a SOAP fault `---> code: message`. */
export class NmbrsBusinessError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export interface OperationInput {
  readonly dataset: SimDataset;
  readonly params: ReadonlyMap<string, string>;
  readonly today: string;
  readonly canSeeCompany: (companyId: number) => boolean;
}

/**
 * The content of `<OpResult>`: a list streams its items lazily (a 10,000-employee company is never one string);
 * an object is its fields, or null when Nmbrs returns nothing (then `<OpResult>` is left out).
 */
export type OperationResult =
  | { readonly kind: "list"; readonly items: Iterable<string> }
  | { readonly kind: "object"; readonly fields: string | null };

type Operation = (input: OperationInput) => OperationResult;

const bulk =
  (param: "CompanyID" | "CompanyId", item: (employee: SimEmployee) => string): Operation =>
  (input) => {
    const companyId = visibleCompany(input, param);
    return { kind: "list", items: mapLazily(employeesOfCompany(input.dataset, companyId), item) };
  };

const current =
  (fields: (employee: SimEmployee, now: number) => string | null): Operation =>
  (input) => {
    const employee = visibleEmployee(input);
    return { kind: "object", fields: fields(employee, todaysPeriod(input.dataset, employee.companyId, input.today)) };
  };

/** Period type codes of Company_GetCurrentPeriod's `yyyy-p-type` (W21: `2010-5-M`, `2010-4-4W`; `W` INFERRED). */
const PERIOD_TYPE_CODES = { month: "M", "four-weeks": "4W", week: "W" } as const;

export const OPERATIONS: Record<SimService, Record<string, Operation>> = {
  CompanyService: {
    List_GetAll: (input) => ({
      kind: "list",
      items: input.dataset.companies.filter((company) => input.canSeeCompany(company.id)).map(companyXml),
    }),
    List_GetByDebtor: (input) => {
      const debtorId = intParam(input.params, "DebtorId");
      if (!input.dataset.debtors.some((debtor) => debtor.id === debtorId))
        throw new NmbrsBusinessError(2009, "Unauthorized access");
      const companies = input.dataset.companies.filter(
        (company) => company.debtorId === debtorId && input.canSeeCompany(company.id),
      );
      return { kind: "list", items: companies.map(companyXml) };
    },
    Company_GetCurrentPeriod: (input) => {
      const companyId = visibleCompany(input, "CompanyId");
      const type = periodTypeOf(input.dataset, companyId);
      const { year, period } = payrollPeriodOn(input.today, type);
      return { kind: "object", fields: `${year}-${period}-${PERIOD_TYPE_CODES[type]}` };
    },
  },
  DebtorService: {
    List_GetAll: (input) => ({ kind: "list", items: input.dataset.debtors.map(debtorXml) }),
  },
  EmployeeService: {
    EmployeeType_GetList: (input) => ({
      kind: "list",
      items: input.dataset.employeeTypes.map(
        (type) => `<EmployeeType>${value("Id", type.id)}${text("Description", type.description)}</EmployeeType>`,
      ),
    }),
    List_GetByCompany: (input) => {
      const companyId = visibleCompany(input, "CompanyId");
      const typeId = intParam(input.params, "EmployeeType");
      const employees = employeesOfCompany(input.dataset, companyId).filter(
        (employee) => employee.employeeTypeId === typeId,
      );
      return { kind: "list", items: mapLazily(employees, employeeListXml) };
    },
    PersonalInfoWithoutBSN_Get_GetAllEmployeesByCompany: bulk("CompanyID", personalInfoItemXml),
    PersonalInfo_GetAll_AllEmployeesByCompany: bulk("CompanyID", personalInfoWithBsnItemXml),
    Employment_GetAll_AllEmployeesByCompany: bulk("CompanyID", employmentItemXml),
    Contract_GetAll_AllEmployeesByCompany: bulk("CompanyID", contractItemXml),
    Function_GetAll_AllEmployeesByCompany_V2: bulk("CompanyID", functionItemXml),
    Department_GetAll_AllEmployeesByCompany: bulk("CompanyID", departmentItemXml),
    // The split in force in the Period and Year asked for, counted in the company's period type.
    CostCenter_GetAllEmployeesByCompany: (input) => {
      const companyId = visibleCompany(input, "CompanyId");
      const at = intParam(input.params, "Year") * 100 + intParam(input.params, "Period");
      return {
        kind: "list",
        items: mapLazily(employeesOfCompany(input.dataset, companyId), (employee) =>
          costCenterItemXml(employee, costCentersInForce(employee.costCenters, at)),
        ),
      };
    },
    PersonalInfo_GetCurrent: current((employee) => {
      const record = currentPersonalInfo(employee);
      return record && personalInfoCurrentFields(employee, record);
    }),
    Manager_GetCurrent: current((employee) => employee.manager && managerFields(employee.manager)),
    Function_GetCurrent: current((employee, now) => {
      const entry = currentByPeriod(employee.functions, now);
      return entry && codedFields(entry);
    }),
    Department_GetCurrent: current((employee, now) => {
      const entry = currentByPeriod(employee.departments, now);
      return entry && codedFields(entry);
    }),
  },
};

/** The entry with the newest (StartYear, StartPeriod) that has started by period `now`. */
function currentByPeriod<T extends { startYear: number; startPeriod: number }>(
  entries: readonly T[],
  now: number,
): T | null {
  let best: T | null = null;
  for (const entry of entries) {
    if (periodIndex(entry) <= now && (!best || periodIndex(entry) >= periodIndex(best))) best = entry;
  }
  return best;
}

function todaysPeriod(dataset: SimDataset, companyId: number, today: string): number {
  const { year, period } = payrollPeriodOn(today, periodTypeOf(dataset, companyId));
  return year * 100 + period;
}

function visibleCompany(input: OperationInput, param: string): number {
  const companyId = intParam(input.params, param);
  if (!input.dataset.companies.some((company) => company.id === companyId) || !input.canSeeCompany(companyId)) {
    throw new NmbrsBusinessError(2004, "Unauthorized access");
  }
  return companyId;
}

function visibleEmployee(input: OperationInput): SimEmployee {
  const employeeId = intParam(input.params, "EmployeeId");
  const employee = input.dataset.employees.find((candidate) => candidate.employeeId === employeeId);
  if (!employee || !input.canSeeCompany(employee.companyId)) throw new NmbrsBusinessError(2003, "Unauthorized access");
  return employee;
}

/** A missing int parameter deserializes to 0 in ASMX (so a misspelt `CompanyId` reads as company 0). */
function intParam(params: ReadonlyMap<string, string>, name: string): number {
  const raw = params.get(name);
  if (raw === undefined || raw === "") return 0;
  if (!/^-?\d+$/.test(raw)) throw new MalformedParameter(name);
  return Number(raw);
}

export class MalformedParameter extends Error {
  constructor(readonly parameter: string) {
    super(
      `Server was unable to read request. ---> There is an error in XML document. ---> Input string was not in a correct format.`,
    );
  }
}

function* mapLazily<T>(items: readonly T[], toXml: (item: T) => string): Iterable<string> {
  for (const item of items) yield toXml(item);
}
