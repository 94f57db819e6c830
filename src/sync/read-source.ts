import type { ConnectorConfig } from "../config/types.js";
import type { HrCompany, HrPerson, HrSource, IsoDate, SourceProgress } from "../sources/types.js";
import { SyncError, toSyncError } from "./sync-error.js";
import type { RawReads } from "./unchanged/raw-reads.js";

export interface ReadOptions {
  readonly today: IsoDate;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: SourceProgress) => void;
  /** Each company's people as read, in source order, before the next company is read (its read digest). */
  readonly onCompany?: (company: HrCompany, persons: readonly HrPerson[]) => void;
  /** The run's raw-answer digests (unchanged/raw-reads.ts): each company's answers hashed, some perhaps skipped. */
  readonly rawReads?: RawReads;
}

/**
 * Reads every selected company, one after the other, so that only one company's raw responses are in memory at a
 * time. All or nothing: any failure (fault, timeout, unreadable answer) ends the read with a {@link SyncError}
 * naming the company, because serving a partial list would look to Okta like everyone else left.
 *
 * With `rawReads`, a company whose answers did not change is skipped unparsed. When every company was skipped the
 * result is empty and `rawReads.everyCompanySkipped()` says so; otherwise the skipped companies are read again in
 * full, so the result is always every company's people.
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
  const { rawReads } = options;
  const byCompany = new Map<HrCompany, HrPerson[]>();
  let employeesRead = 0;
  const fetch = async (company: HrCompany, skippable: boolean) => {
    const hook = rawReads ? { rawAnswers: rawReads.hookFor(company, skippable) } : {};
    const read = await attempt(() => source.fetchCompany(company, { ...fetchOptions, ...hook }), connectorId, company);
    if (rawReads?.wasSkipped(company)) return;
    options.onCompany?.(company, read);
    byCompany.set(company, read);
    employeesRead += read.length;
  };
  options.onProgress?.({ companiesDone: 0, companiesTotal: companies.length, employeesRead });
  for (const [index, company] of companies.entries()) {
    await fetch(company, true);
    options.onProgress?.({ companiesDone: index + 1, companiesTotal: companies.length, employeesRead });
  }
  // A company changed: the plan needs everyone, so the companies skipped before it are read again, parsed. Their calls
  // are made twice, but only in a run that plans and writes anyway (docs/decisions.md).
  if (rawReads && !rawReads.everyCompanySkipped())
    for (const company of companies)
      if (rawReads.wasSkipped(company)) {
        await fetch(company, false);
        options.onProgress?.({ companiesDone: companies.length, companiesTotal: companies.length, employeesRead });
      }
  return companies.flatMap((company) => byCompany.get(company) ?? []);
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
