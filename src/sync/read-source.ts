import type { ConnectorConfig } from "../config/types.js";
import type { HrCompany, HrPerson, HrSource, IsoDate, SourceProgress } from "../sources/types.js";
import { SyncError, toSyncError } from "./sync-error.js";

export interface ReadOptions {
  readonly today: IsoDate;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: SourceProgress) => void;
  /** Each company's people as read, in source order, before the next company is read (its read digest). */
  readonly onCompany?: (company: HrCompany, persons: readonly HrPerson[]) => void;
}

/**
 * Reads every selected company, one after the other, so that only one company's raw responses are in memory at a
 * time. All or nothing: any failure (fault, timeout, unreadable answer) ends the read with a {@link SyncError}
 * naming the company, because serving a partial list would look to Okta like everyone else left.
 */
export async function readSource(
  source: HrSource,
  connector: ConnectorConfig,
  options: ReadOptions,
): Promise<HrPerson[]> {
  const connectorId = connector.settings.id;
  const companies = selectCompanies(
    await attempt(() => source.listCompanies(options.signal), connectorId, null),
    connector,
  );
  const fetchOptions = {
    today: options.today,
    managers: connector.settings.managers,
    costCenters: connector.settings.groups.kinds.includes("cost_center"),
    ...(options.signal ? { signal: options.signal } : {}),
  };
  const persons: HrPerson[] = [];
  options.onProgress?.({ companiesDone: 0, companiesTotal: companies.length, employeesRead: 0 });
  for (const [index, company] of companies.entries()) {
    const read = await attempt(() => source.fetchCompany(company, fetchOptions), connectorId, company);
    options.onCompany?.(company, read);
    for (const person of read) persons.push(person);
    options.onProgress?.({ companiesDone: index + 1, companiesTotal: companies.length, employeesRead: persons.length });
  }
  return persons;
}

/**
 * The companies the connector is configured to read (ids or numbers; none = all). A configured company the
 * credentials cannot see fails the run: silently skipping it would deactivate all its employees.
 */
export function selectCompanies(companies: readonly HrCompany[], connector: ConnectorConfig): HrCompany[] {
  const wanted = (connector.nmbrs ?? connector.nmbrsRest)?.companies ?? [];
  if (wanted.length === 0) return [...companies];
  const missing = wanted.filter((want) => !companies.some((company) => company.id === want || company.number === want));
  if (missing.length > 0) {
    const visible = companies.map((company) => `${company.number} ${company.name}`).join(", ") || "none";
    throw new SyncError(
      `configured companies not visible to these credentials: ${missing.join(", ")} (visible: ${visible})`,
      {
        connectorId: connector.settings.id,
        needsAttention: true,
      },
    );
  }
  return companies.filter((company) => wanted.includes(company.id) || wanted.includes(company.number));
}

async function attempt<T>(call: () => Promise<T>, connectorId: string, company: HrCompany | null): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const where = company
      ? { label: `company ${company.number} (${company.name})`, company: company.number }
      : { label: "listing companies" };
    throw toSyncError(error, connectorId, where);
  }
}
