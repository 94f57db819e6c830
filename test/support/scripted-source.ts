import type { SourceError, FetchOptions, HrCompany, HrPerson, HrSource, SourceStats } from "../../src/sources/types.js";

/**
 * An HrSource whose answers a test sets directly: for tests of the sync shell's own rules (holds, history,
 * records). Tests of the whole chain use the Nmbrs simulator over HTTP instead.
 */
export class ScriptedSource implements HrSource {
  readonly stats: SourceStats = { calls: 0, bytesReceived: 0 };
  readonly employees = new Map<string, HrPerson[]>();
  readonly failures = new Map<string, SourceError>();
  /** Per company number: its read waits for this promise (to observe, or kill, a run in progress). */
  readonly gates = new Map<string, Promise<void>>();

  constructor(readonly companies: HrCompany[]) {}

  set(company: HrCompany, persons: HrPerson[]): this {
    this.employees.set(
      company.number,
      persons.map((person) => ({ ...person, company })),
    );
    return this;
  }

  async listCompanies(): Promise<HrCompany[]> {
    this.stats.calls++;
    return this.companies;
  }

  async fetchCompany(company: HrCompany, options: FetchOptions): Promise<HrPerson[]> {
    this.stats.calls++;
    const gate = this.gates.get(company.number);
    // Like a real HTTP call, a waiting read ends as soon as the run is aborted.
    if (gate) await Promise.race([gate, aborted(options.signal)]);
    options.signal?.throwIfAborted();
    const failure = this.failures.get(company.number);
    if (failure) throw failure;
    const persons = this.employees.get(company.number) ?? [];
    this.stats.bytesReceived += JSON.stringify(persons).length;
    return persons;
  }
}

function aborted(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) resolve();
    signal?.addEventListener("abort", () => resolve(), { once: true });
  });
}
