import type { StoredHold } from "../../sync/holds/person-holds.js";

/** What the Holds page shows of a held person besides the hold itself (from the HR list). */
export interface HeldPerson {
  readonly name: string;
  readonly employeeNumber: string | null;
  readonly companyName: string | null;
}

/** A hold with what the HR list knows of the person (undefined when the list has no row for them any more). */
export interface HoldRow {
  readonly hold: StoredHold;
  readonly person: HeldPerson | undefined;
}

/** One company's share of a kind of hold: what its per-company decision buttons act on. */
export interface CompanyHolds {
  readonly number: string;
  readonly name: string | null;
  readonly held: number;
  /** Not yet approved: what "approve all of the company" would decide. */
  readonly open: number;
}

// Employee and company numbers are text in HR ("9", "10", "A-12"): numeric collation puts 9 before 10; "nl" sorts
// Dutch names the way the HR list does.
const NATURAL = new Intl.Collator("nl", { numeric: true, sensitivity: "base" });

function companyLabel(company: Pick<CompanyHolds, "number" | "name">): string {
  return company.name ?? `company ${company.number}`;
}

/** The rows of one kind, by company name and then by employee number as a person reads numbers. */
export function orderHoldRows(holds: readonly StoredHold[], people: ReadonlyMap<string, HeldPerson>): HoldRow[] {
  const rows = holds.map((hold) => ({ hold, person: people.get(hold.scimId) }));
  const names = companyNames(rows);
  const companyOf = (row: HoldRow) =>
    companyLabel({ number: row.hold.companyNumber, name: names.get(row.hold.companyNumber) ?? null });
  return rows.sort(
    (a, b) =>
      NATURAL.compare(companyOf(a), companyOf(b)) ||
      NATURAL.compare(a.hold.companyNumber, b.hold.companyNumber) ||
      NATURAL.compare(a.person?.employeeNumber ?? a.hold.label, b.person?.employeeNumber ?? b.hold.label) ||
      a.hold.id - b.hold.id,
  );
}

/** The companies of ordered rows, in the same order, with their counts. */
export function companiesOfRows(rows: readonly HoldRow[]): CompanyHolds[] {
  const names = companyNames(rows);
  const companies = new Map<string, { held: number; open: number }>();
  for (const { hold } of rows) {
    const counts = companies.get(hold.companyNumber) ?? { held: 0, open: 0 };
    counts.held++;
    if (hold.status !== "approved") counts.open++;
    companies.set(hold.companyNumber, counts);
  }
  return [...companies].map(([number, counts]) => ({ number, name: names.get(number) ?? null, ...counts }));
}

/** A company's name as the HR list has it for any of its held people (a leaver's row keeps the last one). */
function companyNames(rows: readonly HoldRow[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const { hold, person } of rows)
    if (person?.companyName && !names.has(hold.companyNumber)) names.set(hold.companyNumber, person.companyName);
  return names;
}
