import { addDays } from "../nmbrs-sim/dates.js";
import {
  companyDomain,
  COST_CENTERS,
  FIRST_NAMES,
  FUNCTIONS,
  LAST_NAMES,
  mailLocalPart,
} from "../nmbrs-sim/dutch-names.js";
import { seededRandom, type Random } from "../nmbrs-sim/random.js";
import { afasDate, type AfasDataset, type SimRow } from "./dataset.js";
import { sortRows } from "./query.js";

export interface AfasGeneratorOptions {
  readonly employers?: number;
  readonly employeesPerEmployer?: number;
  /** The simulated today the cast's dates are placed around; default 2026-01-10. */
  readonly today?: string;
  readonly seed?: number;
}

const EMPLOYER_NAMES = [
  "Zorggroep De Linde B.V.",
  "Thuiszorg ’t Anker B.V.",
  "Facilitair Bedrijf Linde & Zonen B.V.",
  "Wijkverpleging Noord B.V.",
  "Revalidatie Oost B.V.",
  "Kraamzorg Zuid B.V.",
  "Jeugdzorg West B.V.",
  "Linde Opleidingen B.V.",
  "Linde Vastgoed B.V.",
  "Linde Holding B.V.",
];

/** A three-level tree: the group, its divisions, their teams; `manager` is an index into the cast (null: walk up). */
const ORG_TREE: readonly { code: string; name: string; parent: string | null; manager: number | null }[] = [
  { code: "ZG", name: "Zorggroep De Linde", parent: null, manager: 0 },
  { code: "ZORG", name: "Zorg", parent: "ZG", manager: 1 },
  { code: "FAC", name: "Facilitair", parent: "ZG", manager: 2 },
  { code: "STAF", name: "Staf", parent: "ZG", manager: 3 },
  { code: "ZORG-N", name: "Wijkteam Noord", parent: "ZORG", manager: 4 },
  { code: "ZORG-Z", name: "Wijkteam Zuid", parent: "ZORG", manager: null },
  { code: "FAC-SCH", name: "Schoonmaak", parent: "FAC", manager: null },
  { code: "FAC-TEC", name: "Techniek", parent: "FAC", manager: 5 },
  { code: "STAF-HR", name: "HR & Salarisadministratie", parent: "STAF", manager: null },
  { code: "STAF-FIN", name: "Financiën", parent: "STAF", manager: 6 },
];
const TEAMS = ORG_TREE.filter((unit) => unit.code.includes("-")).map((unit) => unit.code);
const EMPLOYEE_TYPES = ["Werknemer", "Werknemer", "Werknemer", "Stagiair", "Uitzendkracht"];

/** Which life a Medewerker of the cast has had; every kind appears in every cast of 10 or more per employer. */
export type CastRole = "employee" | "promoted" | "moved" | "rehired" | "pre-hire" | "leaver" | "second-job";

export function castRole(index: number): CastRole {
  if (index < 7) return "employee"; // the managers of the org tree stay put
  if (index % 25 === 9) return "second-job";
  return (
    [
      "employee",
      "promoted",
      "employee",
      "moved",
      "rehired",
      "pre-hire",
      "leaver",
      "employee",
      "promoted",
      "leaver",
    ] as const
  )[index % 10] as CastRole;
}

/**
 * A Dutch AFAS environment: several employers of one care group, Medewerkers with several contracts (promotions,
 * moves to a sister company, rehires, a second job at once), pre-hires and leavers, all four name-usage codes, and
 * a three-level org tree whose managers are found by walking up. Deterministic for a seed and today. One Medewerker
 * has no contract (not served) and one contract has no Medewerker (skipped), as real environments have.
 */
export function generateAfasDataset(options: AfasGeneratorOptions = {}): AfasDataset {
  const random = seededRandom(options.seed ?? 23);
  const today = options.today ?? "2026-01-10";
  const employerCount = Math.min(options.employers ?? 3, EMPLOYER_NAMES.length);
  const perEmployer = options.employeesPerEmployer ?? 30;
  const employers = EMPLOYER_NAMES.slice(0, employerCount).map((name, index) => ({
    code: String(index + 1).padStart(2, "0"),
    name,
    domain: companyDomain(name),
  }));
  const total = employerCount * perEmployer;
  const code = (index: number) => String(index + 1).padStart(6, "0");
  const employees: SimRow[] = [];
  const employments: SimRow[] = [];
  for (let index = 0; index < total; index++) {
    const home = employers[Math.floor(index / perEmployer)] as (typeof employers)[number];
    const other = employers[(Math.floor(index / perEmployer) + 1) % employerCount] as (typeof employers)[number];
    employees.push(employeeRow(random, code(index), index, home.domain));
    for (const contract of contractsOf(random, castRole(index), today, home, other)) {
      employments.push(...linesOf(random, code(index), index, contract, code));
    }
  }
  employees.push(employeeRow(random, "999999", total, employers[0]?.domain ?? "example.nl"));
  employments.push(
    ...linesOf(
      random,
      "888888",
      total + 1,
      { employer: employers[0] ?? { code: "01", name: "?" }, start: "2020-01-01", end: null, seq: 1, promoted: false },
      code,
    ),
  );
  const orgUnits: SimRow[] = ORG_TREE.map((unit) => ({
    Organisatorische_eenheid: unit.code,
    OE_naam: unit.name,
    OE_bovenliggend: unit.parent,
    OE_leidinggevende: unit.manager === null || unit.manager >= total ? null : code(unit.manager),
  }));
  // Stored in the order the gateway asks for, so serving a page needs no sort of 100,000 rows (query.ts checks).
  return {
    environment: "12345",
    employees: sortRows(employees, ["Medewerker"]),
    employments: sortRows(employments, ["Medewerker", "Werkgever", "Begindatum_contract", "Begindatum_functie"]),
    orgUnits,
  };
}

function employeeRow(random: Random, medewerker: string, index: number, domain: string): SimRow {
  const first = random.pick(FIRST_NAMES);
  const own = random.pick(LAST_NAMES);
  const partnered = index % 5 < 2 || index % 4 === 3;
  const partner = partnered ? random.pick(LAST_NAMES.filter((name) => name !== own)) : null;
  const birthNameApart = partner !== null && index % 11 === 0;
  const local = `${mailLocalPart(first.nickname, own.prefix, own.name)}.${Number(medewerker)}`;
  return {
    Medewerker: medewerker,
    Persoonsnummer: `P${medewerker}`,
    Roepnaam: first.nickname,
    Voornaam: first.official,
    Voorletters: `${first.official[0]}.`,
    // With the birth name recorded apart, Profit's surname fields may hold the name in use (spec §5, UNVERIFIED).
    Voorvoegsel: birthNameApart ? partner.prefix : own.prefix,
    Achternaam: birthNameApart ? partner.name : own.name,
    Voorvoegsel_geboortenaam: birthNameApart ? own.prefix : null,
    Geboortenaam: birthNameApart ? own.name : null,
    Voorvoegsel_partner: partner?.prefix ?? null,
    Geboortenaam_partner: partner?.name ?? null,
    Naamgebruik_code: String(index % 4),
    Email_werk: `${local}@${domain}`,
    Email_prive: index % 6 === 0 ? null : `${local}@ziggo.nl`,
    Mobiel_werk: index % 3 === 0 ? `06${String(10_000_000 + index).slice(-8)}` : null,
    Mobiel_prive: `06${String(20_000_000 + index).slice(-8)}`,
    Geboortedatum: afasDate(`${1960 + random.int(0, 40)}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`),
  };
}

interface SimContract {
  readonly employer: { readonly code: string; readonly name: string };
  readonly start: string;
  readonly end: string | null;
  readonly seq: number;
  readonly promoted: boolean;
}

function contractsOf(
  random: Random,
  role: CastRole,
  today: string,
  home: SimContract["employer"],
  other: SimContract["employer"],
): SimContract[] {
  const start = addDays(today, -random.int(60, 3650));
  const contract = (
    employer: SimContract["employer"],
    from: string,
    end: string | null,
    seq: number,
    promoted = false,
  ) => ({
    employer,
    start: from,
    end,
    seq,
    promoted,
  });
  switch (role) {
    case "promoted":
      return [contract(home, start, null, 1, true)];
    case "moved": {
      const moved = addDays(today, -random.int(1, 50));
      return [contract(home, start, addDays(moved, -1), 1), contract(other, moved, null, 2)];
    }
    case "rehired":
      return [
        contract(home, "2018-03-01", "2020-06-30", 1),
        contract(home, addDays(today, -random.int(30, 700)), null, 2),
      ];
    case "pre-hire":
      return [contract(home, addDays(today, random.int(3, 40)), null, 1)];
    case "leaver":
      return [contract(home, start, addDays(today, -random.pick([2, 30, 200])), 1)];
    case "second-job":
      return [contract(home, start, null, 1), contract(other, addDays(today, -random.int(10, 300)), null, 1)];
    default:
      return [contract(home, start, null, 1)];
  }
}

/** One row per org-unit/function line of the contract; a promotion gives two lines repeating the contract dates. */
function linesOf(
  random: Random,
  medewerker: string,
  index: number,
  contract: SimContract,
  code: (i: number) => string,
): SimRow[] {
  const unit = index < 7 ? (ORG_TREE[index]?.code ?? "ZG") : (TEAMS[index % TEAMS.length] as string);
  const functionName = random.pick(FUNCTIONS);
  const costCenter = random.pick(COST_CENTERS);
  const line = (lineStart: string, lineEnd: string | null, name: string): SimRow => ({
    Medewerker: medewerker,
    Werkgever: contract.employer.code,
    Werkgever_naam: contract.employer.name,
    Volgnummer_contract: contract.seq,
    Begindatum_contract: afasDate(contract.start),
    Einddatum_contract: afasDate(contract.end),
    Type_medewerker: EMPLOYEE_TYPES[index % EMPLOYEE_TYPES.length] as string,
    Begindatum_functie: afasDate(lineStart),
    Einddatum_functie: afasDate(lineEnd),
    Organisatorische_eenheid: unit,
    Functie_code: `F${FUNCTIONS.indexOf(name) + 1}`,
    Functie_omschrijving: name,
    Kostenplaats: `K${COST_CENTERS.indexOf(costCenter) + 1}`,
    Kostenplaats_omschrijving: costCenter,
    // Some lines name their manager directly; the rest find one up the org tree.
    Leidinggevende: index >= 7 && index % 7 === 0 ? code(4) : null,
  });
  if (!contract.promoted) return [line(contract.start, contract.end, functionName)];
  const promotion = addDays(contract.start, 365);
  const senior = FUNCTIONS.find((name) => name !== functionName) ?? functionName;
  return [line(contract.start, addDays(promotion, -1), functionName), line(promotion, contract.end, senior)];
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}
