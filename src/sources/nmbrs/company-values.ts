import type { HrCodedValue, HrPeriod, IsoDate } from "../types.js";

/**
 * Values many people of one company have in common (a department, a start date, a first or last name), as one object
 * or string each: a sync holds every person of every company at once, and a copy of a department per person adds up to
 * tens of megabytes at the largest sizes, the names and birth dates as much again (BENCHMARKS.md). Unique values
 * (addresses, phone numbers) are not worth a lookup; an EmployeeId is, as each of the company's answers repeats it.
 *
 * The SOAP readers share them as they read each answer (soap/employee-readers.ts), so that a repeat is garbage at once
 * instead of waiting in the company's records for the join, which V8 would have promoted to its old generation to die
 * there (BENCHMARKS.md "The Nmbrs read's garbage"); the join (person-mapping.ts) shares them again for what a source
 * read without them.
 */
export class CompanyValues {
  /** Texts of this company alone: let go of with it. */
  private readonly companyTexts = new Map<string, string>();
  /** By code, then name: no key string to build per person. */
  private readonly codes = new Map<string | null, Map<string, HrCodedValue>>();
  /** By kind, start, then end: a key string built per period cost more than the lookups. */
  private readonly periods: Readonly<Record<HrPeriod["kind"], Map<IsoDate | null, Map<IsoDate | null, HrPeriod>>>> = {
    employment: new Map(),
    contract: new Map(),
  };

  /**
   * @param texts where {@link text} keeps its strings: the run's (people of different companies share names, dates and
   *   employee numbers), else this company's
   */
  constructor(private readonly texts: Map<string, string> = new Map()) {}

  /** A text people share, across companies where `texts` is the run's: a name, a date, a code, an employee number. */
  text<T extends string | null>(text: T): T {
    return shareIn(this.texts, text);
  }

  /**
   * A text this company's answers repeat but no other company has (an EmployeeId) or nobody keeps after the join (a
   * CreationDate): shared while the company is read, not kept for the run.
   */
  companyText<T extends string | null>(text: T): T {
    return shareIn(this.companyTexts, text);
  }

  coded(code: string | null, name: string): HrCodedValue {
    let byName = this.codes.get(code);
    if (byName === undefined) this.codes.set(code, (byName = new Map()));
    let value = byName.get(name);
    if (value === undefined) byName.set(name, (value = { code: this.text(code), name: this.text(name) }));
    return value;
  }

  period(kind: HrPeriod["kind"], start: IsoDate | null, end: IsoDate | null): HrPeriod {
    const byStart = this.periods[kind];
    let byEnd = byStart.get(start);
    if (byEnd === undefined) byStart.set(start, (byEnd = new Map()));
    let period = byEnd.get(end);
    if (period === undefined) byEnd.set(end, (period = { kind, start: this.text(start), end: this.text(end) }));
    return period;
  }
}

function shareIn<T extends string | null>(texts: Map<string, string>, text: T): T {
  if (text === null) return text;
  const kept = texts.get(text);
  if (kept !== undefined) return kept as T;
  texts.set(text, text);
  return text;
}
