import { employeesOfCompany, type SimDataset, type SimDebtor, type SimEmployee, type SimManager } from "../dataset.js";
import {
  companyJson,
  contractsJson,
  costCentersJson,
  debtorJson,
  departmentsJson,
  employeeListJson,
  employmentsJson,
  functionsJson,
  managerJson,
  managersJson,
  personalInfoJson,
  type Json,
} from "./rest-records.js";
import type { SimGuids } from "./sim-guids.js";

/** What a list route needs to select its items. */
export interface RouteContext {
  readonly dataset: SimDataset;
  readonly guids: SimGuids;
  readonly canSeeCompany: (companyId: number) => boolean;
  /** The company of a `/api/companies/{companyId}/…` path (already checked to exist and be visible). */
  readonly companyId: number | null;
  readonly debtorId: number | null;
}

/**
 * One paged list of the simulated REST API. Items are selected cheaply for the whole list and turned into JSON per
 * page only, so paging through 10,000 employees builds each item once.
 */
export interface ListRoute {
  /** Short name used for stats and fault rules (e.g. `"personalinfo"`). */
  readonly name: string;
  readonly path: RegExp;
  /** The OAuth scope a token needs for this route. */
  readonly scope: string;
  /** A `/api/companies/{companyId}/…` route: answers 404 for a company the user cannot see. */
  readonly perCompany?: boolean;
  /** A `/api/debtors/{debtorId}/…` route: answers 404 for a debtor the user has no visible company in. */
  readonly perDebtor?: boolean;
  select(context: RouteContext): readonly unknown[];
  toJson(item: unknown, context: RouteContext): Json;
}

const GUID = "([0-9a-fA-F-]{36})";

function perEmployee(
  name: string,
  resource: string,
  scope: string,
  toJson: (employee: SimEmployee, context: RouteContext) => Json,
): ListRoute {
  return {
    name,
    path: new RegExp(`^/api/companies/${GUID}/employees${resource}$`),
    scope,
    perCompany: true,
    select: (context) => employeesOfCompany(context.dataset, context.companyId!),
    toJson: (item, context) => toJson(item as SimEmployee, context),
  };
}

/**
 * Which scope each route needs. Only the scope names are seen (Nmbrs' discovery document, via Rebels-io); the
 * mapping is our reading of their names (docs/nmbrs-rest-api.md §1): org structure = functions, departments, cost
 * centers and managers.
 */
const ORG_STRUCTURE = "employee.orgstructure.read";

/** The debtors the consenting user has a visible company in. */
export function visibleDebtors(context: Pick<RouteContext, "dataset" | "canSeeCompany">): SimDebtor[] {
  const debtorIds = new Set(
    context.dataset.companies.filter((company) => context.canSeeCompany(company.id)).map((company) => company.debtorId),
  );
  return context.dataset.debtors.filter((debtor) => debtorIds.has(debtor.id));
}

/** The managers of a debtor: everyone named as a manager by an employee of one of its companies, once. */
function debtorManagers(context: RouteContext): SimManager[] {
  const companyIds = new Set(
    context.dataset.companies.filter((company) => company.debtorId === context.debtorId).map((company) => company.id),
  );
  const byNumber = new Map<number, SimManager>();
  for (const employee of context.dataset.employees) {
    if (employee.manager && companyIds.has(employee.companyId)) byNumber.set(employee.manager.number, employee.manager);
  }
  return [...byNumber.values()];
}

export const LIST_ROUTES: readonly ListRoute[] = [
  {
    name: "debtors",
    path: /^\/api\/debtors$/,
    scope: "company.info.read",
    select: visibleDebtors,
    toJson: (item, context) => debtorJson(item as SimDataset["debtors"][number], context.guids),
  },
  {
    name: "companies",
    path: /^\/api\/companies$/,
    scope: "company.info.read",
    select: (context) => context.dataset.companies.filter((company) => context.canSeeCompany(company.id)),
    toJson: (item, context) => companyJson(item as SimDataset["companies"][number], context.guids),
  },
  {
    name: "debtor-companies",
    path: new RegExp(`^/api/debtors/${GUID}/companies$`),
    scope: "company.info.read",
    perDebtor: true,
    select: (context) =>
      context.dataset.companies.filter(
        (company) => company.debtorId === context.debtorId && context.canSeeCompany(company.id),
      ),
    toJson: (item, context) => companyJson(item as SimDataset["companies"][number], context.guids),
  },
  {
    name: "debtor-managers",
    path: new RegExp(`^/api/debtors/${GUID}/managers$`),
    scope: ORG_STRUCTURE,
    perDebtor: true,
    select: debtorManagers,
    toJson: (item, context) => managerJson(item as SimManager, context.guids),
  },
  perEmployee("employees", "", "employee.info.read", (employee, context) =>
    employeeListJson(employee, context.dataset, context.guids),
  ),
  perEmployee("personalinfo", "/personalinfo", "employee.info.read", (employee, context) =>
    personalInfoJson(employee, context.dataset, context.guids),
  ),
  perEmployee("employments", "/employments", "employee.employment.read", (employee, context) =>
    employmentsJson(employee, context.guids),
  ),
  perEmployee("contracts", "/contracts", "employee.employment.read", (employee, context) =>
    contractsJson(employee, context.guids),
  ),
  perEmployee("functions", "/functions", ORG_STRUCTURE, (employee, context) => functionsJson(employee, context.guids)),
  perEmployee("departments", "/departments", ORG_STRUCTURE, (employee, context) =>
    departmentsJson(employee, context.guids),
  ),
  perEmployee("costcenters", "/costcenters", ORG_STRUCTURE, (employee, context) =>
    costCentersJson(employee, context.guids),
  ),
  perEmployee("managers", "/managers", ORG_STRUCTURE, (employee, context) => managersJson(employee, context.guids)),
];
