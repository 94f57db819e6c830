import type { Logger } from "../../logging/logger.js";
import { realTimer, type Timer } from "../nmbrs/http/rate-limiter.js";
import {
  SourceError,
  type FetchOptions,
  type HrCompany,
  type HrPerson,
  type HrSource,
  type SourceStats,
} from "../types.js";
import { createYouforceClient, type YouforceClient } from "./http/youforce-client.js";
import { youforceTokens } from "./http/token.js";
import { readEndpoint } from "./paging.js";
import { employmentRecord, namedRecord, personRecord, unitRecord } from "./records.js";
import { toHrPerson, type UnknownIds } from "./rules/person.js";
import { indexTenant, type TenantIndex, type TenantRead } from "./tenant.js";

export interface YouforceSourceOptions {
  /** The connector the token belongs to (tokens are shared per connector by every read of the process). */
  readonly connectorId: string;
  readonly apiUrl: string;
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly tenantId: string;
  /** Company codes to serve; empty = every company found. */
  readonly companies: readonly string[];
  readonly timeoutMs: number;
  /** Today in the connector's time zone, for listCompanies (fetchCompany is told). */
  readonly today: () => string;
  readonly timer?: Timer;
  /** The 429 and retry waits; tests record them instead of waiting. */
  readonly wait?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Least time between call starts; Youforce's 600 ms unless a test against the simulator sets less. */
  readonly intervalMs?: number;
  readonly fetch?: typeof fetch;
  readonly logger?: Logger;
}

/**
 * Visma Youforce (HR Core Business IAM API) as an {@link HrSource} (specs/youforce.md). The IAM API has no
 * per-company read, so a source instance (one per run) reads each endpoint once, in the spec's order, and keeps the
 * records: listCompanies reads them, every fetchCompany returns its share. Any failed read fails the call.
 */
export function createYouforceSource(options: YouforceSourceOptions): HrSource {
  const stats: SourceStats = { calls: 0, bytesReceived: 0 };
  const { logger } = options;
  const timer = options.timer ?? realTimer;
  const send = { stats, timeoutMs: options.timeoutMs, ...(options.fetch ? { fetch: options.fetch } : {}) };
  const client = createYouforceClient({
    ...send,
    apiUrl: options.apiUrl,
    timer,
    ...(options.wait ? { wait: options.wait } : {}),
    ...(options.intervalMs === undefined ? {} : { intervalMs: options.intervalMs }),
    ...(logger ? { logger } : {}),
    tokens: youforceTokens({ ...send, ...options, timer }),
  });
  let reading: Promise<TenantRead> | null = null;
  let placed: { readonly key: string; readonly byCompany: Map<string, HrPerson[]> } | null = null;
  let indexed: { readonly today: string; readonly index: TenantIndex } | null = null;

  const read = (signal?: AbortSignal): Promise<TenantRead> => {
    reading ??= readTenant(client, signal);
    reading.catch(() => {
      reading = null;
    });
    return reading;
  };

  const index = (tenant: TenantRead, today: string): TenantIndex => {
    if (indexed?.today === today && (tenant.costCenters === null) === (indexed.index.records.costCenters === null))
      return indexed.index;
    const built = indexTenant(tenant, today);
    if (built.unknownPersons > 0)
      logger?.warn({ employments: built.unknownPersons }, "youforce: employments of unknown persons skipped");
    if (built.withoutCompany > 0)
      logger?.warn({ employments: built.withoutCompany }, "youforce: employments without a company skipped");
    indexed = { today, index: built };
    return built;
  };

  return {
    stats,
    async listCompanies(signal) {
      const found = index(await read(signal), options.today()).records.companies;
      if (options.companies.length === 0) return [...found.values()];
      const unseen = options.companies.filter((code) => !found.has(code));
      if (unseen.length > 0) logger?.warn({ companies: unseen }, "youforce: configured companies not found");
      return [...found.values()].filter((company) => options.companies.includes(company.id));
    },
    async fetchCompany(company: HrCompany, fetchOptions: FetchOptions): Promise<HrPerson[]> {
      const key = `${fetchOptions.today}|${fetchOptions.managers}|${fetchOptions.costCenters}`;
      if (placed?.key !== key) {
        const tenant = await read(fetchOptions.signal);
        if (fetchOptions.costCenters && tenant.costCenters === null)
          tenant.costCenters = await readEndpoint(client, "valueList/costCenter", namedRecord, fetchOptions.signal);
        placed = { key, byCompany: placeEveryone(index(tenant, fetchOptions.today), fetchOptions) };
        // Once everyone is placed the records are let go, so every version read is not alive through the planning
        // that follows (as the AFAS source does); a run asks every company with the same options.
        reading = null;
        indexed = null;
      }
      return placed.byCompany.get(company.id) ?? [];
    },
  };

  function placeEveryone(tenant: TenantIndex, fetchOptions: FetchOptions): Map<string, HrPerson[]> {
    const unknown: UnknownIds = { units: new Set(), jobProfiles: new Set() };
    const byCompany = new Map<string, HrPerson[]>();
    for (const person of tenant.records.persons.values()) {
      const placedPerson = toHrPerson(
        person as typeof person & { personCode: string },
        tenant.records,
        fetchOptions,
        unknown,
      );
      if (!placedPerson) continue;
      const list = byCompany.get(placedPerson.company.id);
      if (list) list.push(placedPerson);
      else byCompany.set(placedPerson.company.id, [placedPerson]);
    }
    if (unknown.units.size + unknown.jobProfiles.size > 0)
      logger?.warn(
        { organizationUnits: [...unknown.units], jobProfiles: [...unknown.jobProfiles] },
        "youforce: employments name units or job profiles the lists lack; their ids are served as code and name",
      );
    return byCompany;
  }
}

/** The five reads every run makes, in the spec's order (§2); cost centres follow when asked. */
async function readTenant(client: YouforceClient, signal?: AbortSignal): Promise<TenantRead> {
  const companies = await readEndpoint(client, "companies", namedRecord, signal);
  const units = await readEndpoint(client, "organizationUnits", unitRecord, signal);
  const jobProfiles = await readEndpoint(client, "jobProfiles", namedRecord, signal);
  const persons = await readEndpoint(client, "persons", personRecord, signal);
  const employments = await readEndpoint(client, "employments", employmentRecord, signal);
  if (persons.length === 0 && employments.length > 0)
    throw new SourceError(
      "Youforce returned employments but no persons: switch on the Person layer in HR Core Business (ask Visma support), then run again.",
      { code: "youforce_person_layer", operation: "GET iam/v1.0/persons", needsAttention: true },
    );
  return { companies, units, jobProfiles, persons, employments, costCenters: null };
}
