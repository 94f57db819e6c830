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
import { OPEN, type SimRecord, type YouforceDataset } from "./dataset.js";

export interface YouforceGeneratorOptions {
  readonly companies?: number;
  readonly personsPerCompany?: number;
  /** The simulated today the cast's dates are placed around; default 2026-01-10. */
  readonly today?: string;
  readonly seed?: number;
  readonly tenantId?: string;
}

export const SIM_TENANT_ID = "2f9c6d4e-5b1a-4c3e-9a7d-1e8b0c2d4f60";

const COMPANY_NAMES = [
  "Gemeente Rivierstad",
  "Zorgcentrum De Wilg",
  "Stichting Onderwijs ’t Veld",
  "Afvalbeheer Rivierstad & Co",
  "Sportbedrijf Rivierstad",
  "Museum De Kade",
  "Bibliotheek Rivierland",
  "Parkeerbedrijf Rivierstad",
  "Omgevingsdienst Rivierland",
  "Werkbedrijf De Brug",
];

/** A three-level tree; `manager` is an index into the cast (null: walk up; "self" below: the unit's own member). */
export const ORG_TREE: readonly {
  id: string;
  code: string;
  name: string;
  parent: string | null;
  manager: number | null;
}[] = [
  { id: "OU-100", code: "GEM", name: "Gemeentesecretaris", parent: null, manager: 0 },
  { id: "OU-110", code: "SD", name: "Sociaal Domein", parent: "OU-100", manager: 1 },
  { id: "OU-120", code: "FYS", name: "Fysiek Domein", parent: "OU-100", manager: 2 },
  { id: "OU-130", code: "BV", name: "Bedrijfsvoering", parent: "OU-100", manager: 3 },
  { id: "OU-111", code: "SD-WMO", name: "Team Wmo", parent: "OU-110", manager: 4 },
  { id: "OU-112", code: "SD-JZ", name: "Team Jeugd", parent: "OU-110", manager: null },
  { id: "OU-121", code: "FYS-BOR", name: "Beheer Openbare Ruimte", parent: "OU-120", manager: null },
  { id: "OU-122", code: "FYS-VTH", name: "Vergunningen", parent: "OU-120", manager: 5 },
  { id: "OU-131", code: "BV-HR", name: "HR & Salaris", parent: "OU-130", manager: null },
  { id: "OU-132", code: "BV-ICT", name: "ICT", parent: "OU-130", manager: 6 },
];
const TEAMS = ORG_TREE.filter((unit) => unit.code.includes("-"));
const EMPLOYMENT_TYPES = ["Vast", "Vast", "Tijdelijk", "Stagiair", "Inhuur"];
const PHONE_TYPES = ["Mobile", "Home", "Business"];

/** Which life a person of the cast has had; every kind appears in a cast of 10 or more per company. */
export type YouforceRole = "employee" | "leaver" | "pre-hire" | "moved" | "second-job" | "rehired" | "renamed";

export function youforceRole(index: number): YouforceRole {
  if (index < 7) return "employee"; // the unit managers stay put
  return (
    [
      "employee",
      "leaver",
      "employee",
      "pre-hire",
      "moved",
      "renamed",
      "second-job",
      "employee",
      "rehired",
      "leaver",
    ] as const
  )[index % 10] as YouforceRole;
}

/** The personCode of the index-th person: six digits with leading zeros, which must survive as text. */
export function personCodeOf(index: number): string {
  return String(index + 1).padStart(6, "0");
}

/**
 * A Dutch Youforce tenant: several companies of one municipality group, persons with several employments (moves,
 * second jobs, rehires), pre-hires and leavers, every nameAssembleOrder code, dated versions (a renamed person has an
 * ended and a current version; some have a future one), and an org tree whose managers are person ids, found by
 * walking up. One person has no employment (not served) and one employment has no person (skipped).
 * Deterministic for a seed and today.
 */
export function generateYouforceDataset(options: YouforceGeneratorOptions = {}): YouforceDataset {
  const random = seededRandom(options.seed ?? 25);
  const today = options.today ?? "2026-01-10";
  const companyCount = Math.min(options.companies ?? 3, COMPANY_NAMES.length);
  const perCompany = options.personsPerCompany ?? 30;
  const companies = COMPANY_NAMES.slice(0, companyCount).map((name, index) => ({
    code: `RS${String(index + 1).padStart(2, "0")}`,
    name,
    domain: companyDomain(name),
  }));
  const total = companyCount * perCompany;
  const persons: SimRecord[] = [];
  const employments: SimRecord[] = [];
  for (let index = 0; index < total; index++) {
    const home = companies[Math.floor(index / perCompany)] as (typeof companies)[number];
    const other = companies[(Math.floor(index / perCompany) + 1) % companyCount] as (typeof companies)[number];
    persons.push(...personVersions(random, index, home.domain, today));
    employments.push(...employmentsOf(random, index, youforceRole(index), today, home.code, other.code));
  }
  persons.push(...personVersions(random, total, companies[0]?.domain ?? "rivierstad.nl", today));
  employments.push({
    ...employment(random, total + 1, 1, "RS01", "2020-01-01", null),
    personId: "P-UNKNOWN",
    personCode: "888888",
  });
  const organizationUnits: SimRecord[] = ORG_TREE.map((unit) => ({
    id: unit.id,
    validFrom: "2015-01-01",
    validUntil: OPEN,
    shortName: unit.code,
    fullName: unit.name,
    ...(unit.parent ? { parentOrgUnit: unit.parent } : {}),
    ...(unit.manager !== null && unit.manager < total ? { manager: personIdOf(unit.manager) } : {}),
  }));
  return {
    tenantId: options.tenantId ?? SIM_TENANT_ID,
    records: {
      companies: companies.map((company, index) => ({
        id: `C-${index + 1}`,
        validFrom: "2015-01-01",
        validUntil: OPEN,
        shortName: company.code,
        fullName: company.name,
      })),
      organizationUnits,
      jobProfiles: FUNCTIONS.map((name, index) => ({
        id: `JP-${index + 1}`,
        validFrom: "2015-01-01",
        validUntil: OPEN,
        shortName: `F${index + 1}`,
        fullName: name,
      })),
      persons,
      employments,
      "valueList/costCenter": COST_CENTERS.map((name, index) => ({
        id: `CC-${index + 1}`,
        validFrom: "2015-01-01",
        validUntil: OPEN,
        shortName: `K${index + 1}`,
        fullName: name,
      })),
    },
    changed: new WeakMap(),
    sequence: 0,
  };
}

export function personIdOf(index: number): string {
  return `P-${String(index + 1).padStart(7, "0")}`;
}

/** The person's versions: one open version, or (renamed) an ended one under the old name and the open one. */
function personVersions(random: Random, index: number, domain: string, today: string): SimRecord[] {
  const first = random.pick(FIRST_NAMES);
  const own = random.pick(LAST_NAMES);
  const partnered = index % 5 < 3;
  const partner = partnered ? random.pick(LAST_NAMES.filter((name) => name !== own)) : null;
  const local = `${mailLocalPart(first.nickname, own.prefix, own.name)}.${index + 1}`;
  const base: SimRecord = {
    id: personIdOf(index),
    validFrom: "2015-01-01",
    validUntil: OPEN,
    personCode: personCodeOf(index),
    initials: `${first.official[0]}.`,
    firstNames: first.official,
    knownAs: first.nickname,
    ...(own.prefix ? { lastNameAtBirthPrefix: own.prefix } : {}),
    lastNameAtBirth: own.name,
    ...(partner?.prefix ? { partnerNamePrefix: partner.prefix } : {}),
    ...(partner ? { partnerName: partner.name } : {}),
    nameAssembleOrder: String(index % 5),
    gender: first.gender === "male" ? "M" : "V",
    birthDate: `${1960 + random.int(0, 40)}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}T00:00:00`,
    emailAddresses: [
      ...(index % 9 === 8 ? [] : [{ type: "Business", address: `${local}@${domain}` }]),
      ...(index % 6 === 0 ? [] : [{ type: index % 2 ? "Private" : "private", address: `${local}@ziggo.nl` }]),
    ],
    phoneNumbers: [
      { type: PHONE_TYPES[index % PHONE_TYPES.length], number: `06${String(10_000_000 + index).slice(-8)}` },
    ],
  };
  if (youforceRole(index) !== "renamed") {
    // A version from next month on (an announced change) must not win over today's.
    if (index % 13 !== 12) return [base];
    return [
      { ...base, validUntil: addDays(today, 29) },
      { ...base, validFrom: addDays(today, 30), knownAs: `${first.nickname}-Toekomst` },
    ];
  }
  return [
    { ...base, validUntil: addDays(today, -100), knownAs: `${first.nickname}-Oud`, nameAssembleOrder: "1" },
    { ...base, validFrom: addDays(today, -99) },
  ];
}

function employmentsOf(
  random: Random,
  index: number,
  role: YouforceRole,
  today: string,
  home: string,
  other: string,
): SimRecord[] {
  const start = addDays(today, -random.int(60, 3650));
  switch (role) {
    case "leaver":
      return [employment(random, index, 1, home, start, addDays(today, -random.pick([2, 30, 80])))];
    case "pre-hire":
      return [employment(random, index, 1, home, addDays(today, random.int(3, 40)), null)];
    case "moved": {
      const moved = addDays(today, -random.int(1, 50));
      return [
        employment(random, index, 1, home, start, addDays(moved, -1)),
        employment(random, index, 2, other, moved, null),
      ];
    }
    case "second-job":
      return [
        employment(random, index, 1, home, start, null),
        employment(random, index, 2, other, addDays(today, -random.int(10, 300)), null),
      ];
    case "rehired":
      return [
        employment(random, index, 1, home, "2018-03-01", "2020-06-30"),
        employment(random, index, 2, home, addDays(today, -random.int(30, 700)), null),
      ];
    default: {
      // Some employments carry an ended version with another unit: today's version must win.
      const current = employment(random, index, 1, home, start, null);
      if (index % 8 !== 3) return [current];
      return [
        { ...current, validUntil: addDays(today, -10), organizationUnit: "OU-100" },
        { ...current, validFrom: addDays(today, -9) },
      ];
    }
  }
}

function employment(
  random: Random,
  index: number,
  sequence: number,
  company: string,
  hireDate: string,
  dischargeDate: string | null,
): SimRecord {
  const unit =
    index < 7
      ? (ORG_TREE[index] as (typeof ORG_TREE)[number])
      : (TEAMS[index % TEAMS.length] as (typeof TEAMS)[number]);
  const profile = random.int(1, FUNCTIONS.length);
  // Open ends are mostly left out, sometimes written as 9999-12-31 (both are seen, spec §5).
  const end = dischargeDate ?? (index % 4 === 0 ? OPEN : null);
  return {
    id: `E-${String(index + 1).padStart(7, "0")}-${sequence}`,
    validFrom: hireDate < "2015-01-01" ? hireDate : "2015-01-01",
    validUntil: OPEN,
    personId: personIdOf(index),
    personCode: personCodeOf(index),
    employmentCode: String(sequence),
    hireDate: `${hireDate}T00:00:00`,
    ...(end ? { dischargeDate: `${end}T00:00:00` } : {}),
    company,
    organizationUnit: unit.id,
    jobProfile: `JP-${profile}`,
    costCenter: `K${random.int(1, COST_CENTERS.length)}`,
    employmentTypeName: EMPLOYMENT_TYPES[index % EMPLOYMENT_TYPES.length],
  };
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}
