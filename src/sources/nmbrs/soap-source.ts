import type { Logger } from "../../logging/logger.js";
import type { FetchOptions, HrCompany, HrPerson, HrSource, SourceStats } from "../types.js";
import { fetchCompanyPersons } from "./company-fetch.js";
import { readCompanies } from "./company-readers.js";
import { readEmployeeTypes } from "./employee-readers.js";
import { createRateLimiter, realClock } from "./rate-limiter.js";
import { createSoapCaller } from "./soap-client.js";

export interface NmbrsSoapSourceOptions {
  /** Base URL of the services, e.g. `https://api.nmbrs.nl/soap/v3`. */
  readonly endpoint: string;
  readonly username: string;
  readonly token: string;
  readonly domain: string;
  /** Per call, including reading the response. Default 120 s: a 10,000-employee bulk answer takes a while. */
  readonly timeoutMs?: number;
  /** Attempts per call for transient failures. Default 3. */
  readonly maxAttempts?: number;
  /** Default 256 MB. */
  readonly maxResponseBytes?: number;
  /** First retry backoff; default 500 ms. */
  readonly retryBaseDelayMs?: number;
  readonly logger?: Logger;
}

/** Nmbrs' fair-use limit (spec §3.3), shared by every call of one source. */
const CALLS_PER_SECOND = 150;

/** The Nmbrs SOAP API as an {@link HrSource}. */
export function createNmbrsSoapSource(options: NmbrsSoapSourceOptions): HrSource {
  const stats: SourceStats = { calls: 0, bytesReceived: 0 };
  const call = createSoapCaller({
    endpoint: options.endpoint,
    credentials: { username: options.username, token: options.token, domain: options.domain },
    transport: { timeoutMs: options.timeoutMs ?? 120_000, maxResponseBytes: options.maxResponseBytes ?? 256 * 1024 * 1024 },
    retry: { maxAttempts: options.maxAttempts ?? 3, baseDelayMs: options.retryBaseDelayMs ?? 500, clock: realClock, random: Math.random },
    limiter: createRateLimiter(CALLS_PER_SECOND),
    stats,
    logger: options.logger,
  });
  // Employee types are environment-wide and rarely change: one call per source, not per company.
  let employeeTypes: Promise<ReadonlyMap<string, string>> | null = null;
  const loadEmployeeTypes = (signal?: AbortSignal): Promise<ReadonlyMap<string, string>> => {
    employeeTypes ??= call({ service: "EmployeeService", operation: "EmployeeType_GetList", signal }, readEmployeeTypes);
    // A failed load is not cached, so the next company (or run) tries again.
    employeeTypes.catch(() => (employeeTypes = null));
    return employeeTypes;
  };
  return {
    stats,
    listCompanies: (signal) => call({ service: "CompanyService", operation: "List_GetAll", signal }, readCompanies),
    fetchCompany: async (company: HrCompany, fetchOptions: FetchOptions): Promise<HrPerson[]> =>
      fetchCompanyPersons(call, await loadEmployeeTypes(fetchOptions.signal), company, fetchOptions),
  };
}
