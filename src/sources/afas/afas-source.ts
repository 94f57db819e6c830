import type { Logger } from "../../logging/logger.js";
import type { FetchOptions, HrCompany, HrPerson, HrSource, SourceStats } from "../types.js";
import { afasRecords, indexEmployments, type EmploymentIndex } from "./afas-records.js";
import { EMPLOYEES, EMPLOYMENTS, ORG_UNITS, type FieldNeeds, type GetConnectorId } from "./contract.js";
import { readGetConnector, rowsOf } from "./getconnector-read.js";
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
 * AFAS Profit as an {@link HrSource} (the AFAS spec). AFAS has no per-employer read, so a run reads each
 * GetConnector once for this source instance (one per run): listCompanies checks the metainfo and reads Employments;
 * the first fetchCompany reads Employees and OrgUnits and places every Medewerker; later ones return their share.
 * Once placed, the rows are let go (the placed people hold what the run needs), so they are not alive through the
 * planning that follows, the run's peak (BENCHMARKS.md "AFAS Profit source"); a run asks every employer with the same
 * options, and other options would read Profit again. Any failed read fails the call, never a partial list.
 */
export function createAfasSource(options: AfasSourceOptions): HrSource {
  const stats: SourceStats = { calls: 0, bytesReceived: 0 };
  const { logger } = options;
  const client = createAfasClient({ ...options, stats });
  // The Employments read, until the placement takes it; the employers it names stay for listCompanies.
  let index: EmploymentIndex | null = null;
  let companies: ReadonlyMap<string, HrCompany> | null = null;
  let placed: { readonly key: string; readonly byEmployer: Map<string, HrPerson[]> } | null = null;
  // One pool for all three reads: an Employments row and its OrgUnits row name the same org-unit code.
  const pool = new StringPool();
  const share = (text: string) => pool.shared(text);
  const read = <T>(
    connector: GetConnectorId,
    convert: (row: Row, site: RowSite, share: Share) => T,
    signal?: AbortSignal,
  ) => readGetConnector(client, connector, options.pageSize, (row, site) => convert(row, site, share), logger, signal);

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
      const key = `${fetchOptions.today}|${fetchOptions.managers}|${fetchOptions.costCenters}`;
      if (placed?.key !== key)
        placed = { key, byEmployer: placeEveryone(await allRecords(fetchOptions.signal), fetchOptions) };
      return placed.byEmployer.get(company.id) ?? [];
    },
  };
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
