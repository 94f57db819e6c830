import type { Logger } from "../../../logging/logger.js";
import type { FetchOptions, HrCompany, HrPerson, HrSource, SourceStats } from "../../types.js";
import { fetchCompanyPersons } from "./company-fetch.js";
import { readCompanies } from "./company-readers.js";
import { readEmployeeTypes } from "./employee-readers.js";
import { oneBodyAtATime } from "../http/http-transport.js";
import { createRateLimiter, realTimer } from "../http/rate-limiter.js";
import { createSoapClient } from "./soap-client.js";

export interface NmbrsSoapSourceOptions {
  /** Base URL of the services, e.g. `https://api.nmbrs.nl/soap/v3`. */
  readonly endpoint: string;
  readonly username: string;
  readonly token: string;
  readonly domain: string;
  /** Per call, including reading the response. Default 60 s: far more than a whole company's bulk answer takes. */
  readonly timeoutMs?: number;
  /** Attempts per call for transient failures. Default 3. */
  readonly maxAttempts?: number;
  /**
   * Default 100 MB: the largest answer (personal info of a whole company, with history) grows with the company, and
   * at the simulator's XML per employee (BENCHMARKS.md) the limit fits a company of tens of thousands, while a
   * runaway or hostile answer is cut off before it is parsed (parsing holds several times the text in memory).
   */
  readonly maxResponseBytes?: number;
  /** First retry backoff; default 500 ms. */
  readonly retryBaseDelayMs?: number;
  readonly logger?: Logger;
}

/** Nmbrs' fair-use limit (Nmbrs API reference), shared by every call of one source. */
const CALLS_PER_SECOND = 150;

/** The Nmbrs SOAP API as an {@link HrSource}. */
export function createNmbrsSoapSource(options: NmbrsSoapSourceOptions): HrSource {
  const stats: SourceStats = { calls: 0, bytesReceived: 0 };
  const client = createSoapClient({
    endpoint: options.endpoint,
    credentials: { username: options.username, token: options.token, domain: options.domain },
    transport: {
      timeoutMs: options.timeoutMs ?? 60_000,
      maxResponseBytes: options.maxResponseBytes ?? 100 * 1024 * 1024,
      bodyTurns: oneBodyAtATime(),
    },
    retry: {
      maxAttempts: options.maxAttempts ?? 3,
      baseDelayMs: options.retryBaseDelayMs ?? 500,
      timer: realTimer,
      random: Math.random,
    },
    limiter: createRateLimiter(CALLS_PER_SECOND),
    stats,
    logger: options.logger,
  });
  const { call } = client;
  // Employee types are environment-wide and rarely change: one call per run, not per company. A run starts by
  // listing companies, which drops the cached list so a type added in Nmbrs is seen by the next run.
  let employeeTypes: Promise<ReadonlyMap<string, string>> | null = null;
  const loadEmployeeTypes = (company: HrCompany, signal?: AbortSignal): Promise<ReadonlyMap<string, string>> => {
    if (employeeTypes) return employeeTypes;
    const loading = call(
      { service: "EmployeeService", operation: "EmployeeType_GetList", company: company.number, signal },
      readEmployeeTypes,
    );
    employeeTypes = loading;
    // A failed load is not cached, so the next company (or run) tries again.
    loading.catch(() => {
      if (employeeTypes === loading) employeeTypes = null;
    });
    return loading;
  };
  // Names, dates and employee numbers repeat across companies: the people of one run share one string each
  // (company-values.ts). A new run starts a new table, so texts of people gone are not kept.
  let runTexts = new Map<string, string>();
  return {
    stats,
    listCompanies: (signal) => {
      employeeTypes = null;
      runTexts = new Map();
      return call({ service: "CompanyService", operation: "List_GetAll", signal }, readCompanies);
    },
    fetchCompany: async (company: HrCompany, fetchOptions: FetchOptions): Promise<HrPerson[]> =>
      fetchCompanyPersons(
        client,
        await loadEmployeeTypes(company, fetchOptions.signal),
        runTexts,
        company,
        fetchOptions,
        options.logger,
      ),
  };
}
