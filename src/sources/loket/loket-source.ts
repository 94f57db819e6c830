import type { Logger } from "../../logging/logger.js";
import { createConcurrencyLimit, failingFast } from "../nmbrs/http/concurrency.js";
import type { AccessTokens } from "../nmbrs/rest/rest-client.js";
import {
  SourceError,
  type FetchOptions,
  type HrCompany,
  type HrPerson,
  type HrSource,
  type SourceStats,
} from "../types.js";
import { readCollection, type CollectionRead } from "./collection.js";
import { createLoketClient } from "./http/loket-client.js";
import {
  employeeOf,
  employerOf,
  employmentOf,
  orgEntityOf,
  type LoketEmployee,
  type LoketEmployment,
} from "./records.js";
import { entityOnDay } from "./rules/org-entity.js";
import { toHrPerson } from "./rules/person.js";
import { primaryEmployment } from "./rules/primary-employment.js";

export interface LoketSourceOptions {
  /** `https://api.loket.nl/v2`, no trailing slash. */
  readonly apiUrl: string;
  readonly tokens: AccessTokens;
  /** employerNumbers or employer ids to serve; empty = every employer the consenting user sees. */
  readonly employers: readonly string[];
  readonly pageSize: number;
  readonly timeoutMs: number;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly logger?: Logger;
  readonly retryDelaysMs?: readonly number[];
}

/** Organizational entities are one call per employee (spec §1): this many at once, no more. */
export const ORG_ENTITIES_IN_FLIGHT = 4;

const EMPLOYERS = "providers/employers";
const EMPLOYEES = "providers/employers/{employerId}/employees";
const EMPLOYMENTS = "providers/employers/{employerId}/employees/employments";
const ORG_ENTITIES = "providers/employers/employees/employments/{employmentId}/organizationalentities";

export interface LoketSource extends HrSource {
  /** The connection test of spec §2: the employers, and one page of employees of each one served. */
  testConnection(signal?: AbortSignal): Promise<HrCompany[]>;
}

/**
 * Loket.nl as an {@link HrSource} (the Loket spec, docs/loket.md). Per employer: its employees, its employments,
 * then the organizational entities of each person's primary employment; one collection read at a time, entities at
 * most four in flight. Any failed read fails the call, never a partial list. One instance per run: it logs once per
 * run each name format seen and each endpoint's resource version, which the first real environment confirms.
 */
export function createLoketSource(options: LoketSourceOptions): LoketSource {
  const stats: SourceStats = { calls: 0, bytesReceived: 0 };
  const { logger } = options;
  const client = createLoketClient({ ...options, stats });
  const versionsLogged = new Set<string>();
  const formatsLogged = new Set<string>();

  const read = <T>(
    template: string,
    path: string,
    convert: CollectionRead<T>["convert"],
    idOf: (item: T) => string,
    company: string | undefined,
    signal?: AbortSignal,
    pageSize = options.pageSize,
  ) =>
    readCollection(
      client,
      {
        template,
        path,
        pageSize,
        convert,
        idOf,
        ...(company === undefined ? {} : { company }),
        ...(logger ? { logger } : {}),
        onVersion: (endpoint, version) => {
          if (versionsLogged.has(endpoint)) return;
          versionsLogged.add(endpoint);
          logger?.info({ endpoint, resourceVersion: version }, "loket: resource version");
        },
      },
      signal,
    );

  const visible = (signal?: AbortSignal) =>
    read(EMPLOYERS, EMPLOYERS, employerOf, (employer) => employer.id, undefined, signal);

  const chosen = async (signal?: AbortSignal) => {
    const all = await visible(signal);
    if (options.employers.length === 0) return { companies: all, unseen: [] as string[] };
    const wanted = new Set(options.employers);
    const companies = all.filter((company) => wanted.has(company.number) || wanted.has(company.id));
    const unseen = options.employers.filter((key) => !all.some((c) => c.number === key || c.id === key));
    return { companies, unseen };
  };

  const logNameFormats = (employees: readonly LoketEmployee[]) => {
    const fresh = new Map<string, { key: number | null; value: string | null }>();
    for (const { nameFormat } of employees) {
      const pair = nameFormat ?? { key: null, value: null };
      const id = `${pair.key}|${pair.value}`;
      if (formatsLogged.has(id)) continue;
      formatsLogged.add(id);
      fresh.set(id, pair);
    }
    if (fresh.size > 0) logger?.info({ howToFormatLastName: [...fresh.values()] }, "loket: name formats seen");
  };

  return {
    stats,
    async listCompanies(signal) {
      const { companies, unseen } = await chosen(signal);
      if (unseen.length > 0)
        logger?.warn({ employers: unseen }, "loket: configured employers the consenting Loket user cannot see");
      return companies;
    },
    async testConnection(signal) {
      const { companies, unseen } = await chosen(signal);
      if (unseen.length > 0)
        throw new SourceError(
          `The Loket user who connected the gateway cannot see employer ${unseen.join(", ")}: give that user access in Loket, or take ${unseen.length === 1 ? "it" : "them"} out of employers.`,
          { code: "employer_not_visible", operation: `GET ${EMPLOYERS}`, needsAttention: true },
        );
      for (const company of companies) {
        const path = `providers/employers/${company.id}/employees`;
        const call = { operation: `GET ${EMPLOYEES} page=1`, path, query: { pageNumber: 1, pageSize: 1 } };
        await client.get({ ...call, company: company.number }, signal);
      }
      return companies;
    },
    fetchCompany(company, fetchOptions) {
      return failingFast(fetchOptions.signal, (signal) => fetchEmployer(company, fetchOptions, signal));
    },
  };

  async function fetchEmployer(company: HrCompany, fetchOptions: FetchOptions, signal: AbortSignal) {
    const at = company.number;
    const employees = await read(
      EMPLOYEES,
      `providers/employers/${company.id}/employees`,
      employeeOf,
      (employee) => employee.id,
      at,
      signal,
    );
    const employments = await read(
      EMPLOYMENTS,
      `providers/employers/${company.id}/employees/employments`,
      employmentOf,
      (employment) => employment.id,
      at,
      signal,
    );
    logNameFormats(employees);
    const byEmployee = groupEmployments(employees, employments, (orphans) =>
      logger?.warn({ company: at, employments: orphans }, "loket: employments of unknown employees skipped"),
    );
    const limit = createConcurrencyLimit(ORG_ENTITIES_IN_FLIGHT);
    const people = employees.map(async (employee): Promise<HrPerson | null> => {
      const own = byEmployee.get(employee.id) ?? [];
      const primary = primaryEmployment(own, fetchOptions.today);
      // Without an employment (with a start) nobody can be placed or made active: not returned (spec §2).
      if (!primary) return null;
      const lines = await limit(() =>
        read(
          ORG_ENTITIES,
          `providers/employers/employees/employments/${primary.id}/organizationalentities`,
          orgEntityOf,
          (line) => line.id,
          at,
          signal,
        ),
      );
      const entity = entityOnDay(lines, fetchOptions.today);
      return toHrPerson({
        company,
        employee,
        employments: own,
        primary,
        entity,
        costCenters: fetchOptions.costCenters,
      });
    });
    return (await Promise.all(people)).filter((person): person is HrPerson => person !== null);
  }
}

/** Each employee's employments; those of an employee not in the employees read are counted and skipped. */
function groupEmployments(
  employees: readonly LoketEmployee[],
  employments: readonly LoketEmployment[],
  onOrphans: (count: number) => void,
): Map<string, LoketEmployment[]> {
  const byEmployee = new Map<string, LoketEmployment[]>(employees.map((employee) => [employee.id, []]));
  let orphans = 0;
  for (const employment of employments) {
    const list = byEmployee.get(employment.employeeId);
    if (list) list.push(employment);
    else orphans++;
  }
  if (orphans > 0) onOrphans(orphans);
  return byEmployee;
}
