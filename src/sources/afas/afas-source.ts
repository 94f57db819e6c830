import type { Logger } from "../../logging/logger.js";
import { RawAnswersDigest } from "../raw-digest.js";
import type { FetchOptions, HrCompany, HrPerson, HrSource, SourceStats } from "../types.js";
import { afasRecords, indexEmployments, type EmploymentIndex } from "./afas-records.js";
import { EMPLOYEES, EMPLOYMENTS, ORG_UNITS, type FieldNeeds, type GetConnectorId } from "./contract.js";
import { type ConnectorRows, readGetConnector, rowsOf } from "./getconnector-read.js";
import { createAfasClient } from "./http/afas-client.js";
import { checkMetainfo } from "./metainfo.js";
import { employeeRow, employmentRow, orgUnitRow, type Row, type RowSite, type Share } from "./rows.js";
import { toHrPerson, type AfasRecords } from "./rules/person.js";
import { StringPool } from "../../sync/shared-strings.js";

export interface AfasSourceOptions {
  readonly baseUrl: string;
  /** The whole token XML (token.ts). */
  readonly token: string;
  readonly integrationId: string | null;
  /** Werkgever codes to serve; empty = every employer found. */
  readonly employers: readonly string[];
  readonly pageSize: number;
  readonly timeoutMs: number;
  /** Which conditional fields the metainfo check requires. */
  readonly needs: FieldNeeds;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly logger?: Logger;
  readonly retryDelaysMs?: readonly number[];
}

/**
 * The version of what this source makes of its answers (the row readers, the rules): part of every raw digest. Bump
 * it with any change to the HrPersons made from the same answers, or a run would skip a read its new reading would see
 * differently.
 */
export const AFAS_READER_VERSION = 1;

/** One read of the three GetConnectors for one set of fetch options. */
interface Reading {
  readonly options: string;
  /** Each GetConnector's answers hash (getconnector-read.ts), by GetConnector id. */
  readonly answers: ReadonlyMap<string, string>;
  /** The records until everyone is placed; then null, and the placed people are kept instead. */
  records: AfasRecords | null;
  placed: Map<string, HrPerson[]> | null;
}

/**
 * AFAS Profit as an {@link HrSource} (the AFAS spec). AFAS has no per-employer read, so a run reads each
 * GetConnector once for this source instance (one per run): listCompanies checks the metainfo and reads Employments;
 * the first fetchCompany reads Employees and OrgUnits, and places every Medewerker unless the run's raw digest says
 * the answers are those the last applied run read; later ones return their share. Once placed, the rows are let go
 * (the placed people hold what the run needs), so they are not alive through the planning that follows, the run's
 * peak (BENCHMARKS.md "AFAS Profit source"); a run asks every employer with the same options, and other options would
 * read Profit again. Any failed read fails the call, never a partial list.
 *
 * The raw digest (types.ts RawAnswersHook) is of the whole read, every employer's: the three GetConnectors' answers
 * and the options, with the employer it is asked for. Equal, the employer is skipped without placing anyone; equal
 * for one, it is equal for all, unless the set of employers changed, which the run sees (docs/afas.md §7).
 */
export function createAfasSource(options: AfasSourceOptions): HrSource {
  const stats: SourceStats = { calls: 0, bytesReceived: 0 };
  const { logger } = options;
  const client = createAfasClient({ ...options, stats });
  // The Employments read, until the placement takes it; the employers it names stay for listCompanies.
  let index: EmploymentIndex | null = null;
  let companies: ReadonlyMap<string, HrCompany> | null = null;
  let reading: Reading | null = null;
  const answers = new Map<string, string>();
  // One pool for all three reads: an Employments row and its OrgUnits row name the same org-unit code.
  const pool = new StringPool();
  const share = (text: string) => pool.shared(text);
  const read = async <T>(
    connector: GetConnectorId,
    convert: (row: Row, site: RowSite, share: Share) => T,
    signal?: AbortSignal,
  ): Promise<ConnectorRows<T>> => {
    const convertShared = (row: Row, site: RowSite) => convert(row, site, share);
    const rows = await readGetConnector(client, connector, options.pageSize, convertShared, logger, signal);
    answers.set(connector, rows.answers);
    return rows;
  };

  const employments = async (signal?: AbortSignal): Promise<EmploymentIndex> => {
    if (index) return index;
    await checkMetainfo(client, options.needs, logger, signal);
    index = indexEmployments(rowsOf(await read(EMPLOYMENTS, employmentRow, signal)));
    companies = index.companies;
    return index;
  };

  const allRecords = async (signal?: AbortSignal): Promise<AfasRecords> => {
    const contracts = await employments(signal);
    const employees = await read(EMPLOYEES, employeeRow, signal);
    const units = await read(ORG_UNITS, orgUnitRow, signal);
    const built = afasRecords(contracts, rowsOf(employees), rowsOf(units));
    if (built.orphans > 0)
      logger?.warn({ medewerkers: built.orphans }, "afas: contracts of Medewerkers without an Employees row skipped");
    index = null;
    return built.records;
  };

  return {
    stats,
    async listCompanies(signal) {
      const found = companies ?? (await employments(signal)).companies;
      if (options.employers.length === 0) return [...found.values()];
      const unseen = options.employers.filter((code) => !found.has(code));
      if (unseen.length > 0)
        logger?.warn({ employers: unseen }, "afas: configured employers not found in HRGateway_Employments");
      return [...found.values()].filter((company) => options.employers.includes(company.id));
    },
    async fetchCompany(company: HrCompany, fetchOptions: FetchOptions): Promise<HrPerson[]> {
      const { today, managers, costCenters, rawAnswers: hook } = fetchOptions;
      const key = `${today}|${managers}|${costCenters}`;
      if (reading?.options !== key) {
        const records = await allRecords(fetchOptions.signal);
        reading = { options: key, answers: new Map(answers), records, placed: null };
      }
      const current = reading;
      const shaping = { reader: AFAS_READER_VERSION, company, today, managers, costCenters };
      const digest = hook ? answersDigest(hook.key, current.answers, shaping) : null;
      if (digest !== null && hook?.unchanged?.(digest)) return [];
      if (!current.placed) {
        current.placed = placeEveryone(current.records!, fetchOptions);
        current.records = null;
      }
      if (digest !== null) hook?.read(digest);
      return current.placed.get(company.id) ?? [];
    },
  };
}

/** The raw digest of one employer's fetch: every GetConnector's answers, and what shaped their reading. */
function answersDigest(key: Buffer, answers: ReadonlyMap<string, string>, reading: unknown): string {
  const raw = new RawAnswersDigest(key);
  for (const [connector, hash] of answers) raw.file(connector, hash);
  return raw.digest(reading);
}

/** Every Medewerker with a contract, grouped by the employer of its primary row. */
function placeEveryone(records: AfasRecords, options: FetchOptions): Map<string, HrPerson[]> {
  const byEmployer = new Map<string, HrPerson[]>();
  for (const employee of records.employees.values()) {
    const person = toHrPerson(employee, records, options);
    if (!person) continue;
    const list = byEmployer.get(person.company.id);
    if (list) list.push(person);
    else byEmployer.set(person.company.id, [person]);
  }
  return byEmployer;
}
