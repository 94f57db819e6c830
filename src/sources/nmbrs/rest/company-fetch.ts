import type { FetchOptions, HrCompany, HrManagerRef, HrPerson } from "../../types.js";
import { createConcurrencyLimit, failingFast } from "../http/concurrency.js";
import { currentAssignment, currentCostCenter, currentPersonalInfo } from "../current-records.js";
import { employeeTypeLabel } from "./employee-type-labels.js";
import { NmbrsFault } from "../nmbrs-fault.js";
import { API_SCOPES } from "./oauth-client.js";
import { CompanyValues } from "../company-values.js";
import type {
  ByEmployee,
  CostCenterRow,
  CurrentByEmployee,
  DatedCostCenterRow,
  EmployeeListing,
  PeriodicCodeRow,
} from "../records.js";
import { payrollPeriodOf, type PayrollPeriod, type PayrollPeriodType } from "../payroll-period.js";
import { toHrPerson, type CompanyRecords } from "../person-mapping.js";
import type { RestCall, RestCaller } from "./rest-client.js";
import {
  readContracts,
  readCostCenters,
  readDepartments,
  readEmployeeListing,
  readEmployments,
  readFunctions,
  readManagers,
  readPersonalInfoHistory,
  type ManagerRow,
  type PerEmployee,
  type RestEmployeeListing,
  type RestPersonalInfoRow,
} from "./readers.js";

/** Endpoints of one company read at once; each follows its own pages in order. */
const ENDPOINTS_IN_FLIGHT = 4;

/**
 * Reads one company with the per-company bulk endpoints only, so the number of calls grows with pages, not with
 * employees (managers included: REST offers their history per company). The employee list decides who is in the
 * company; history for anyone not listed is ignored.
 */
export function fetchCompanyPersonsRest(
  rest: RestCaller,
  company: HrCompany,
  periodType: PayrollPeriodType,
  options: FetchOptions,
): Promise<HrPerson[]> {
  return failingFast(options.signal, (signal) =>
    readCompany(rest, company, payrollPeriodOf(options.today, periodType), { ...options, signal }),
  );
}

async function readCompany(
  rest: RestCaller,
  company: HrCompany,
  now: PayrollPeriod,
  options: FetchOptions,
): Promise<HrPerson[]> {
  const limit = createConcurrencyLimit(ENDPOINTS_IN_FLIGHT);
  const base = `/api/companies/${encodeURIComponent(company.id)}/employees`;
  const call = (resource: string, scope: string, query?: RestCall["query"]): RestCall => ({
    operation: `GET /api/companies/{companyId}/employees${resource}`,
    path: `${base}${resource}`,
    company: company.number,
    scope,
    ...(query ? { query } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const history = <T>(
    resource: string,
    scope: string,
    read: (item: unknown) => PerEmployee<T>,
    query?: RestCall["query"],
  ) => limit(() => rest.list(call(resource, scope, query), read)).then(byEmployee);
  const { personalInfo: info, employment, orgStructure } = API_SCOPES;
  const [listings, personalInfo, employments, contracts, functions, departments, costCenters, managers] =
    await Promise.all([
      limit(() => rest.list(call("", info), readEmployeeListing)),
      history("/personalinfo", info, readPersonalInfoHistory),
      history("/employments", employment, readEmployments),
      history("/contracts", employment, readContracts),
      history("/functions", orgStructure, readFunctions),
      history("/departments", orgStructure, readDepartments),
      // The endpoint takes no year or period (brynq: createdFrom and employeeId only): it answers with the history.
      options.costCenters ? history("/costcenters", orgStructure, readCostCenters) : null,
      options.managers ? history("/managers", orgStructure, readManagers) : null,
    ]);
  const records: CompanyRecords = {
    employments,
    contracts,
    functions: currentAssignments(functions, now),
    departments: currentAssignments(departments, now),
    costCenters: costCenters && currentCostCenters(costCenters, now),
    managers: managers && currentManagers(managers, now),
    shared: new CompanyValues(),
  };
  return uniqueListings(listings).map((listing) => {
    const info = currentPersonalInfo(personalInfo.get(listing.employeeId) ?? []) ?? listedOnly(listing);
    const employeeNumber = listing.employeeNumber ?? info.employeeNumber;
    if (employeeNumber === null) {
      const operation = "GET /api/companies/{companyId}/employees";
      throw new NmbrsFault(
        `Nmbrs lists employee ${listing.employeeId} of company ${company.number} without an employee number (${operation}); a person without one cannot be provisioned correctly.`,
        "no-employee-number",
        operation,
        company.number,
      );
    }
    const resolved: EmployeeListing = {
      employeeId: listing.employeeId,
      employeeNumber,
      employeeType: employeeTypeLabel(listing.employeeType ?? info.employeeType ?? ""),
    };
    return toHrPerson(company, resolved, info, records);
  });
}

/**
 * Someone the list names but personal info does not (yet): the list's number, type and names, nothing else. Failing
 * the company would stop everyone's updates for one record; the missing e-mail puts this person on hold instead
 * (docs/holds.md), so what Okta sees of them stays until personal info is back.
 */
function listedOnly(listing: RestEmployeeListing): RestPersonalInfoRow {
  const { names } = listing;
  // The keys of readPersonalInfoHistory's rows in their order, so both kinds of row share one hidden class.
  return {
    displayName: null,
    firstName: names.firstName,
    nickname: names.nickname,
    initials: names.initials,
    prefix: names.prefix,
    lastName: names.lastName,
    birthDate: null,
    workEmail: null,
    privateEmail: null,
    workMobile: null,
    privateMobile: null,
    creationDate: null,
    employeeNumber: listing.employeeNumber,
    employeeType: listing.employeeType,
  };
}

/** Offset paging can return a record twice when one is removed during the read: the first copy counts. */
function uniqueListings(listings: readonly RestEmployeeListing[]): RestEmployeeListing[] {
  const seen = new Set<string>();
  return listings.filter((listing) => !seen.has(listing.employeeId) && seen.add(listing.employeeId));
}

function byEmployee<T>(entries: readonly PerEmployee<T>[]): ByEmployee<T> {
  const rows = new Map<string, T[]>();
  for (const entry of entries) {
    const existing = rows.get(entry.employeeId);
    if (existing) existing.push(...entry.rows);
    else rows.set(entry.employeeId, [...entry.rows]);
  }
  return rows;
}

/** Each employee's function or department in force in period `now`, of their history. */
function currentAssignments(
  history: ByEmployee<PeriodicCodeRow>,
  now: PayrollPeriod,
): CurrentByEmployee<PeriodicCodeRow> {
  const current = new Map<string, PeriodicCodeRow>();
  for (const [employeeId, rows] of history) {
    const row = currentAssignment(rows, now);
    if (row) current.set(employeeId, row);
  }
  return current;
}

function currentManagers(managers: ByEmployee<ManagerRow>, now: PayrollPeriod): Map<string, HrManagerRef | null> {
  return new Map(
    [...managers].map(([employeeId, rows]) => [employeeId, currentAssignment(rows, now)?.manager ?? null]),
  );
}

/** Each employee's cost-center history narrowed to the main row of the split in force (SOAP asks for that period). */
function currentCostCenters(
  costCenters: ByEmployee<DatedCostCenterRow>,
  now: PayrollPeriod,
): ByEmployee<CostCenterRow> {
  return new Map(
    [...costCenters].map(([employeeId, rows]) => [
      employeeId,
      [currentCostCenter(rows, now)].filter((row) => row !== null),
    ]),
  );
}
