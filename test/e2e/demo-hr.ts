import { SourceError, type FetchOptions, type HrCompany, type HrPerson, type HrSource, type SourceStats } from "../../src/sources/types.js";

/**
 * A small, deterministic HR population for browser tests and screenshots: three companies, Dutch names with
 * tussenvoegsels, departments and functions, a few pre-hires and leavers, one person without an e-mail address.
 * It stands in for the Nmbrs simulator until src/sim/ exists (the tests then point a SOAP connector at it).
 */
export const DEMO_COMPANIES: readonly HrCompany[] = [
  { id: "101", number: "1", name: "Bakkerij de Gouden Korenaar BV" },
  { id: "102", number: "2", name: "Van Dijk Installatietechniek BV" },
  { id: "103", number: "3", name: "Noordzee Logistiek BV" },
];
const DOMAINS: Readonly<Record<string, string>> = { "1": "korenaar.nl", "2": "vandijk-installatie.nl", "3": "noordzee-logistiek.nl" };

const FIRST = ["Jan", "Anna", "Pieter", "Sanne", "Daan", "Emma", "Lucas", "Julia", "Sem", "Tess", "Noah", "Zoë", "Bram", "Fleur", "Thijs", "Lotte"];
const PREFIX = [null, "de", "van", null, "van der", null, "de", null];
const LAST = ["Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "Boer", "Mulder", "Groot", "Bos", "Vos", "Peters", "Hendriks", "Dijk", "Berg", "Leeuwen"];
const DEPARTMENTS = [
  { code: "10", name: "Productie" },
  { code: "20", name: "Verkoop" },
  { code: "30", name: "Financiën" },
  { code: "40", name: "Logistiek" },
  { code: "50", name: "ICT" },
];
const FUNCTIONS = [
  { code: "F1", name: "Medewerker" },
  { code: "F2", name: "Teamleider" },
  { code: "F3", name: "Accountmanager" },
  { code: "F4", name: "Planner" },
];

/** `perCompany` people in each demo company; `today` anchors the pre-hires and leavers. */
export function demoPeople(perCompany: number, today = new Date()): Map<string, HrPerson[]> {
  const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const people = new Map<string, HrPerson[]>();
  let n = 0;
  for (const company of DEMO_COMPANIES) {
    const list: HrPerson[] = [];
    for (let index = 0; index < perCompany; index++, n++) {
      const firstName = FIRST[(n * 5) % FIRST.length]!;
      const prefix = PREFIX[n % PREFIX.length] ?? null;
      const lastName = LAST[(n * 7 + 3) % LAST.length]!;
      const domain = DOMAINS[company.number]!;
      const local = `${firstName}.${prefix ? `${prefix.replace(/ /g, "")}` : ""}${lastName}`.toLowerCase().normalize("NFD").replace(/[^a-z.]/g, "");
      const start = index % 11 === 5 ? day(5 + index) : `20${String(10 + (n % 14)).padStart(2, "0")}-0${1 + (n % 9)}-01`;
      const end = index % 13 === 7 ? day(-2 - (index % 5)) : null;
      list.push({
        sourceKey: String(5000 + n),
        company,
        employeeNumber: String(1000 + index),
        displayName: null,
        firstName,
        nickname: null,
        initials: `${firstName[0]}.`,
        prefix,
        lastName,
        birthDate: "1990-01-01",
        workEmail: n === 4 ? null : `${local}${n}@${domain}`,
        privateEmail: n === 4 ? null : `${local}@example.nl`,
        workMobile: `06${String(10000000 + n * 7919).slice(0, 8)}`,
        privateMobile: null,
        employeeType: index % 9 === 0 ? "Stagiair" : "Werknemer",
        department: DEPARTMENTS[n % DEPARTMENTS.length]!,
        function: FUNCTIONS[n % FUNCTIONS.length]!,
        costCenter: null,
        manager: null,
        periods: [{ kind: "employment", start, end }],
      });
    }
    people.set(company.number, list);
  }
  return people;
}

/**
 * An HrSource over the demo population. `withhold(companyNumber)` makes a company come back empty (what a wrong
 * API token scope looks like), so a test can trigger a held run; `failWith` makes every read fail.
 */
export class DemoHrSource implements HrSource {
  readonly stats: SourceStats = { calls: 0, bytesReceived: 0 };
  private readonly withheld = new Set<string>();
  failWith: SourceError | null = null;
  /** Milliseconds each company takes, so progress can be seen. */
  delayMs = 0;

  constructor(private readonly people: Map<string, HrPerson[]>) {}

  withhold(companyNumber: string): void {
    this.withheld.add(companyNumber);
  }

  restore(): void {
    this.withheld.clear();
  }

  async listCompanies(): Promise<HrCompany[]> {
    this.stats.calls++;
    if (this.failWith) throw this.failWith;
    return [...DEMO_COMPANIES];
  }

  async fetchCompany(company: HrCompany, options: FetchOptions): Promise<HrPerson[]> {
    this.stats.calls++;
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    options.signal?.throwIfAborted();
    if (this.failWith) throw this.failWith;
    const people = this.withheld.has(company.number) ? [] : (this.people.get(company.number) ?? []);
    this.stats.bytesReceived += JSON.stringify(people).length;
    return people;
  }
}
