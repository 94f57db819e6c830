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
import { StringPool } from "../../sync/shared-strings.js";
import { createYouforceClient, type YouforceClient } from "./http/youforce-client.js";
import { changedDuringRead } from "./http/youforce-errors.js";
import { youforceTokens } from "./http/token.js";
import { IAM_PATH, readEndpoint } from "./paging.js";
import {
  employmentRecord,
  type Json,
  namedRecord,
  personRecord,
  type Share,
  unitRecord,
  type Versioned,
} from "./records.js";
import { toHrPerson, type UnknownIds } from "./rules/person.js";
import { VersionChoice } from "./rules/versions.js";
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
 * Visma Youforce (HR Core Business IAM API) as an {@link HrSource} (the Youforce spec). The IAM API has no
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
  let reading: { readonly today: string; readonly tenant: Promise<TenantRead> } | null = null;
  let placed: { readonly key: string; readonly byCompany: Map<string, HrPerson[]> } | null = null;
  let indexed: { readonly tenant: TenantRead; readonly index: TenantIndex } | null = null;

  // Versions are chosen while reading, so a read serves one day: another day (a run across midnight) reads again.
  const read = (today: string, signal?: AbortSignal): Promise<TenantRead> => {
    if (reading?.today !== today) {
      const tenant = readTenant(client, today, signal);
      const current = { today, tenant };
      reading = current;
      tenant.catch(() => {
        if (reading === current) reading = null;
      });
    }
    return reading.tenant;
  };

  const index = (tenant: TenantRead): TenantIndex => {
    if (indexed?.tenant === tenant && (tenant.costCenters === null) === (indexed.index.records.costCenters === null))
      return indexed.index;
    const built = indexTenant(tenant);
    if (built.unknownPersons > 0)
      logger?.warn({ employments: built.unknownPersons }, "youforce: employments of unknown persons skipped");
    if (built.withoutCompany > 0)
      logger?.warn({ employments: built.withoutCompany }, "youforce: employments without a company skipped");
    indexed = { tenant, index: built };
    return built;
  };

  return {
    stats,
    async listCompanies(signal) {
      const found = index(await read(options.today(), signal)).records.companies;
      if (options.companies.length === 0) return [...found.values()];
      const unseen = options.companies.filter((code) => !found.has(code));
      if (unseen.length > 0) logger?.warn({ companies: unseen }, "youforce: configured companies not found");
      return [...found.values()].filter((company) => options.companies.includes(company.id));
    },
    async fetchCompany(company: HrCompany, fetchOptions: FetchOptions): Promise<HrPerson[]> {
      const key = `${fetchOptions.today}|${fetchOptions.managers}|${fetchOptions.costCenters}`;
      if (placed?.key !== key) {
        const tenant = await read(fetchOptions.today, fetchOptions.signal);
        if (fetchOptions.costCenters && tenant.costCenters === null)
          tenant.costCenters = await readChosen(
            client,
            "valueList/costCenter",
            namedRecord,
            (center) => center.shortName,
            tenant.today,
            new StringPool(),
            fetchOptions.signal,
          ).then((read) => read.chosen);
        placed = { key, byCompany: placeEveryone(index(tenant), fetchOptions) };
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

/** The five reads every run makes, in the spec's order (§2), today's versions chosen; cost centres follow when asked. */
async function readTenant(client: YouforceClient, today: string, signal?: AbortSignal): Promise<TenantRead> {
  // One pool for every read: an employment names the same unit, job profile and company codes as their lists.
  const pool = new StringPool();
  const read = <T extends Versioned>(
    endpoint: string,
    convert: (row: Json, operation: string, share: Share) => T,
    keyOf: (record: T) => string | null,
  ) => readChosen(client, endpoint, convert, keyOf, today, pool, signal);
  const companies = await read("companies", namedRecord, (company) => company.shortName);
  const units = await read("organizationUnits", unitRecord, (unit) => unit.id);
  const jobProfiles = await read("jobProfiles", namedRecord, (profile) => profile.id);
  const persons = await read("persons", personRecord, (person) => person.personCode);
  const employments = await read("employments", employmentRecord, (employment) => employment.id);
  if (persons.count === 0 && employments.count > 0)
    throw new SourceError(
      "Youforce returned employments but no persons: switch on the Person layer in HR Core Business (ask Visma support), then run again.",
      { code: "youforce_person_layer", operation: "GET iam/v1.0/persons", needsAttention: true },
    );
  return {
    today,
    companies: companies.chosen,
    units: units.chosen,
    jobProfiles: jobProfiles.chosen,
    persons: persons.chosen,
    employments: employments.chosen,
    costCenters: null,
  };
}

/** One endpoint read with today's version per key kept as the pages come (rules/versions.ts). */
async function readChosen<T extends Versioned>(
  client: YouforceClient,
  endpoint: string,
  convert: (row: Json, operation: string, share: Share) => T,
  keyOf: (record: T) => string | null,
  today: string,
  pool: StringPool,
  signal?: AbortSignal,
): Promise<{ readonly chosen: Map<string, T>; readonly count: number }> {
  const share = (text: string) => pool.shared(text);
  const choice = new VersionChoice<T>(today);
  const count = await readEndpoint(
    client,
    endpoint,
    (row, operation) => convert(row, operation, share),
    (record) => choice.offer(keyOf(record), record),
    signal,
  );
  const undecided = choice.undecided();
  if (undecided.length > 0) throw changedDuringRead(undecided, `GET ${IAM_PATH}/${endpoint}`);
  return { chosen: choice.chosen, count };
}
