import type { Logger } from "../../../logging/logger.js";
import type { FetchOptions, HrCompany, HrPerson, HrSource, SourceStats } from "../../types.js";
import { createRateLimiter, realTimer, type Timer } from "../http/rate-limiter.js";
import { createRestCaller, type AccessTokens } from "./rest-client.js";
import { listRestCompanies } from "./companies.js";
import { fetchCompanyPersonsRest } from "./company-fetch.js";
import type { PayrollPeriodType } from "../payroll-period.js";
import { readCompany, readCompanyPeriodType } from "./readers.js";

export interface NmbrsRestSourceOptions {
  /** `https://api.nmbrsapp.com` (paths start with `/api/`). */
  readonly apiUrl: string;
  readonly subscriptionKey: string;
  readonly tokens: AccessTokens;
  /** Per call, including reading the response. Default 60 s: pages are small. */
  readonly timeoutMs?: number;
  /** Attempts per call for transient failures (429, 503, network). Default 5: throttling is expected under load. */
  readonly maxAttempts?: number;
  /** Default 64 MB per page. */
  readonly maxResponseBytes?: number;
  /** First retry backoff when Nmbrs gives no Retry-After; default 500 ms. */
  readonly retryBaseDelayMs?: number;
  /** Sleeps between attempts and rate-limit waits; tests inject one to see the waits without waiting. */
  readonly timer?: Timer;
  readonly logger?: Logger;
}

/**
 * Nmbrs publishes no REST rate limit; it answers 429 with Retry-After when a client is too fast. This keeps a
 * sync well below anything plausible (SOAP allows 150/s) so that 429s stay the exception.
 */
const CALLS_PER_SECOND = 50;

/** The Nmbrs REST API as an {@link HrSource}: the same companies and people as the SOAP source, read with OAuth. */
export function createNmbrsRestSource(options: NmbrsRestSourceOptions): HrSource {
  const stats: SourceStats = { calls: 0, bytesReceived: 0 };
  const timer = options.timer ?? realTimer;
  const rest = createRestCaller({
    apiUrl: options.apiUrl,
    subscriptionKey: options.subscriptionKey,
    tokens: options.tokens,
    transport: {
      timeoutMs: options.timeoutMs ?? 60_000,
      maxResponseBytes: options.maxResponseBytes ?? 64 * 1024 * 1024,
    },
    retry: {
      maxAttempts: options.maxAttempts ?? 5,
      baseDelayMs: options.retryBaseDelayMs ?? 500,
      timer,
      random: Math.random,
    },
    limiter: createRateLimiter(CALLS_PER_SECOND, timer),
    stats,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  // The period type comes with the company list, and a run lists companies before it reads them (read-source.ts);
  // a company read without being listed is read as monthly, the REST default (rest-readers.ts).
  const periodTypes = new Map<string, PayrollPeriodType>();
  const readListedCompany = (item: unknown): HrCompany => {
    const company = readCompany(item);
    periodTypes.set(company.id, readCompanyPeriodType(item));
    return company;
  };
  return {
    stats,
    listCompanies: (signal) => listRestCompanies(rest, readListedCompany, options.logger, signal),
    fetchCompany: (company: HrCompany, fetchOptions: FetchOptions): Promise<HrPerson[]> =>
      fetchCompanyPersonsRest(rest, company, periodTypes.get(company.id) ?? "month", fetchOptions),
  };
}
