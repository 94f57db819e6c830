import type { Logger } from "../../../logging/logger.js";
import type { FetchOptions, HrCompany, HrManagerRef, HrPerson } from "../../types.js";
import { readPeriodType } from "./period-readers.js";
import { createConcurrencyLimit, failingFast } from "../http/concurrency.js";
import {
  readContracts,
  readCostCenters,
  readDepartments,
  readEmployeeList,
  readEmployments,
  readFunctions,
  readManager,
  readPersonalInfoRow,
  readPersonalInfos,
} from "./employee-readers.js";
import { NmbrsFault } from "../nmbrs-fault.js";
import { CompanyValues } from "../company-values.js";
import type { CurrentByEmployee, EmployeeListing, PersonalInfoRow } from "../records.js";
import { payrollPeriodOf, type PayrollPeriod, type PayrollPeriodType } from "../payroll-period.js";
import { toHrPerson, type CompanyRecords } from "../person-mapping.js";
import { RawAnswersDigest } from "../../raw-digest.js";
import type { ResultReader, SoapCall, SoapCaller, SoapClient } from "./soap-client.js";
import type { XmlNode } from "./xml-reader.js";

/** Calls of one company in flight at once: enough to overlap Nmbrs' per-call latency, few enough to be polite. */
const CALLS_IN_FLIGHT = 4;
/** Manager_GetCurrent is one call per employee; the rate limiter, not this, sets the pace. */
const MANAGER_CALLS_IN_FLIGHT = 8;

/**
 * The version of what this source makes of its answers (the readers, person-mapping.ts), part of every raw digest:
 * bump it with any change to the HrPersons read from the same bytes, or a run would skip a company its new reading
 * would see differently.
 */
export const SOAP_READER_VERSION = 1;

/**
 * Reads one company with bulk calls only (calls grow with companies, not employees), except Manager_GetCurrent,
 * which Nmbrs offers only per employee. The employee list (per employee type) decides who is in the company;
 * bulk data for anyone not listed is ignored. `runTexts` keeps one string per text the run's people share
 * (company-values.ts).
 */
export function fetchCompanyPersons(
  client: SoapClient,
  employeeTypes: ReadonlyMap<string, string>,
  runTexts: Map<string, string>,
  company: HrCompany,
  options: FetchOptions,
  logger?: Logger,
): Promise<HrPerson[]> {
  return failingFast(options.signal, (signal) =>
    readCompany(client, employeeTypes, runTexts, company, { ...options, signal }, logger),
  );
}

async function readCompany(
  client: SoapClient,
  employeeTypes: ReadonlyMap<string, string>,
  runTexts: Map<string, string>,
  company: HrCompany,
  options: FetchOptions,
  logger?: Logger,
): Promise<HrPerson[]> {
  const { call } = client;
  const limit = createConcurrencyLimit(CALLS_IN_FLIGHT);
  const hook = options.rawAnswers;
  const raw = hook ? new RawAnswersDigest(hook.key) : null;
  const employeeCall = (operation: string, params: SoapCall["params"]): SoapCall => ({
    service: "EmployeeService",
    operation,
    params,
    company: company.number,
    signal: options.signal,
    ...(raw ? { raw } : {}),
  });
  // A company that may turn out unchanged keeps its answers unparsed until their digest says whether it did.
  const bulk = <T>(soapCall: SoapCall, read: ResultReader<T>): Promise<() => T> =>
    hook?.unchanged
      ? limit(() => client.receive(soapCall)).then((answer) => () => answer.read(read))
      : limit(() => call(soapCall, read)).then((value) => () => value);
  const byCompanyId = { CompanyID: company.id };
  const shared = new CompanyValues(runTexts);
  // Periods count in the company's period type: today's period (for cost centers and every period-dated record)
  // is known only once the type is.
  const today = limit(() => periodTypeOf(call, company, options.signal, logger)).then((type) =>
    payrollPeriodOf(options.today, type),
  );
  // Functions and departments are asked for once today's period is known, so that their readers keep only the
  // assignment in force (the type's call is first in line, so this changes no call's turn).
  const inForceToday = <T>(operation: string, read: (result: XmlNode | undefined, now: PayrollPeriod) => T) =>
    today.then((now) => bulk(employeeCall(operation, byCompanyId), (result) => read(result, now)));
  const [now, listed, personalInfo, employments, contracts, functions, departments, costCenters] = await Promise.all([
    today,
    Promise.all(
      [...employeeTypes].map(([typeId, description]) =>
        bulk(employeeCall("List_GetByCompany", { CompanyId: company.id, EmployeeType: typeId }), (result) =>
          readEmployeeList(result, description, shared),
        ),
      ),
    ),
    bulk(employeeCall("PersonalInfoWithoutBSN_Get_GetAllEmployeesByCompany", byCompanyId), (result) =>
      readPersonalInfos(result, shared),
    ),
    bulk(employeeCall("Employment_GetAll_AllEmployeesByCompany", byCompanyId), (result) =>
      readEmployments(result, shared),
    ),
    bulk(employeeCall("Contract_GetAll_AllEmployeesByCompany", byCompanyId), (result) => readContracts(result, shared)),
    inForceToday("Function_GetAll_AllEmployeesByCompany_V2", (result, now) => readFunctions(result, now, shared)),
    inForceToday("Department_GetAll_AllEmployeesByCompany", (result, now) => readDepartments(result, now, shared)),
    options.costCenters
      ? today.then(({ year, period }) =>
          bulk(
            employeeCall("CostCenter_GetAllEmployeesByCompany", { CompanyId: company.id, Period: period, Year: year }),
            (result) => readCostCenters(result, shared),
          ),
        )
      : null,
  ]);
  const listingsOf = () => oncePerEmployee(listed.flatMap((perType) => perType()));
  // Managers are asked per listed employee, so with them on the listings are read before the comparison.
  const listedFirst = options.managers ? listingsOf() : null;
  const managers = listedFirst ? await fetchManagers(call, listedFirst, employeeCall) : null;
  // What shaped the reading besides the answers: the period they were read in, the employee types' names, the options.
  const reading = {
    reader: SOAP_READER_VERSION,
    company,
    today: options.today,
    period: now,
    managers: options.managers,
    costCenters: options.costCenters,
    employeeTypes: [...employeeTypes],
  };
  if (raw && hook?.unchanged?.(raw.digest(reading))) return [];
  const listings = listedFirst ?? listingsOf();
  const currentInfo = personalInfo();
  const records: CompanyRecords = {
    employments: employments(),
    contracts: contracts(),
    functions: functions(),
    departments: departments(),
    costCenters: costCenters?.() ?? null,
    managers,
    shared,
  };
  const missing = await fetchMissingPersonalInfo(call, listings, currentInfo, shared, employeeCall, company.number);
  // Taken after the per-employee calls too: a company that needed them is never skipped, as they are not made before
  // the comparison.
  if (raw) hook?.read(raw.digest(reading));
  return listings.map((listing) =>
    toHrPerson(company, listing, currentInfo.get(listing.employeeId) ?? missing.get(listing.employeeId)!, records),
  );
}

/**
 * The company's period type. Older gateways did not call Company_GetCurrentPeriod, so an API user's template may
 * have it switched off (1002): then the company is read as monthly, as before, with a warning naming the call to
 * enable, rather than stopping a sync that worked.
 */
async function periodTypeOf(
  call: SoapCaller,
  company: HrCompany,
  signal: AbortSignal | undefined,
  logger?: Logger,
): Promise<PayrollPeriodType> {
  try {
    return await call(
      {
        service: "CompanyService",
        operation: "Company_GetCurrentPeriod",
        params: { CompanyId: company.id },
        company: company.number,
        signal,
      },
      readPeriodType,
    );
  } catch (error) {
    if (!(error instanceof NmbrsFault) || error.code !== "1002") throw error;
    logger?.warn(
      { company: company.number, operation: "CompanyService.Company_GetCurrentPeriod" },
      "Company_GetCurrentPeriod is switched off in the API user's template: the company is read as paying monthly; enable the call if it pays per four weeks or per week",
    );
    return "month";
  }
}

/**
 * Each employee has one type in Nmbrs, but what the type lists hold is undocumented (Nmbrs API reference); someone listed
 * under two types must still become one person (the first type wins), or the run would serve them twice.
 */
function oncePerEmployee(listings: readonly EmployeeListing[]): EmployeeListing[] {
  const byId = new Map<string, EmployeeListing>();
  for (const listing of listings) if (!byId.has(listing.employeeId)) byId.set(listing.employeeId, listing);
  return [...byId.values()];
}

type EmployeeCall = (operation: string, params: SoapCall["params"]) => SoapCall;

async function fetchManagers(
  call: SoapCaller,
  listings: readonly EmployeeListing[],
  employeeCall: EmployeeCall,
): Promise<Map<string, HrManagerRef | null>> {
  const limit = createConcurrencyLimit(MANAGER_CALLS_IN_FLIGHT);
  const managers = await Promise.all(
    listings.map((listing) =>
      limit(() => call(employeeCall("Manager_GetCurrent", { EmployeeId: listing.employeeId }), readManager)),
    ),
  );
  return new Map(listings.map((listing, index) => [listing.employeeId, managers[index] ?? null]));
}

/**
 * Someone listed by List_GetByCompany without a record in the bulk personal-info answer (seen when an employee is
 * created while the bulk call runs) is read with PersonalInfo_GetCurrent: failing the whole company for one
 * fresh hire would block everyone else's updates, and the per-employee call is the authoritative current record.
 * If that call has nothing either, the company fails: a person without a name cannot be provisioned correctly.
 */
async function fetchMissingPersonalInfo(
  call: SoapCaller,
  listings: readonly EmployeeListing[],
  currentInfo: CurrentByEmployee<PersonalInfoRow>,
  shared: CompanyValues,
  employeeCall: EmployeeCall,
  companyNumber: string,
): Promise<Map<string, PersonalInfoRow>> {
  const missing = listings.filter((listing) => !currentInfo.has(listing.employeeId));
  const limit = createConcurrencyLimit(MANAGER_CALLS_IN_FLIGHT);
  const rows = await Promise.all(
    missing.map((listing) =>
      limit(() =>
        call(employeeCall("PersonalInfo_GetCurrent", { EmployeeId: listing.employeeId }), (result) =>
          result ? readPersonalInfoRow(result, shared) : null,
        ),
      ),
    ),
  );
  return new Map(
    missing.map((listing, index) => {
      const row = rows[index];
      if (!row) {
        const operation = "EmployeeService.PersonalInfo_GetCurrent";
        throw new NmbrsFault(
          `Nmbrs lists employee ${listing.employeeNumber} (EmployeeId ${listing.employeeId}) of company ${companyNumber} but has no personal info for them (${operation}).`,
          "no-personal-info",
          operation,
          companyNumber,
        );
      }
      return [listing.employeeId, row];
    }),
  );
}
