import { addDays } from "../nmbrs-sim/dates.js";
import {
  COMPANY_NAMES,
  companyDomain,
  COST_CENTERS,
  DEPARTMENTS,
  FIRST_NAMES,
  FUNCTIONS,
  LAST_NAMES,
  mailLocalPart,
} from "../nmbrs-sim/dutch-names.js";
import { seededRandom, type Random } from "../nmbrs-sim/random.js";
import type { LoketDataset, SimEmployer, WireRecord } from "./dataset.js";

export interface LoketGeneratorOptions {
  readonly employers?: number;
  readonly employeesPerEmployer?: number;
  /** The simulated today the cast's dates are placed around; default 2026-01-10. */
  readonly today?: string;
  readonly seed?: number;
}

/** Loket's `howToFormatLastName` values: key 2 is the one documented (the Loket spec §1); the others are guesses. */
export const NAME_FORMATS = [
  { key: 1, value: "Eigen achternaam" },
  { key: 2, value: "Achternaam + achternaam partner" },
  { key: 3, value: "Achternaam partner" },
  { key: 4, value: "Achternaam partner + achternaam" },
] as const;

const TYPES = [
  { key: 1, value: "Personeelslid" },
  { key: 2, value: "Stagiair" },
  { key: 3, value: "Oproepkracht" },
];

/** Which life an employee of the cast has had; every kind appears in every cast of 20 or more per employer. */
export type LoketRole = "employee" | "promoted" | "rehired" | "pre-hire" | "leaver" | "second-job" | "deviating";

export function loketRole(indexInEmployer: number): LoketRole {
  return (
    [
      "employee",
      "promoted",
      "employee",
      "rehired",
      "pre-hire",
      "leaver",
      "employee",
      "second-job",
      "deviating",
      "leaver",
    ] as const
  )[indexInEmployer % 10] as LoketRole;
}

/**
 * A Dutch Loket environment: employers (as an accountant's Loket user sees several), employees with every name format
 * key, rehires (two employments), a second job at the same employer, pre-hires and leavers, promotions (two dated
 * organizational entity lines), deviating function descriptions, people with only a private address. Deterministic
 * for a seed and today. Per employer one employee has no employment (not served) and one employment names an
 * employee that is not in the list (skipped), as real environments have.
 */
export function generateLoketDataset(options: LoketGeneratorOptions = {}): LoketDataset {
  const random = seededRandom(options.seed ?? 25);
  const today = options.today ?? "2026-01-10";
  const perEmployer = options.employeesPerEmployer ?? 30;
  const orgEntities = new Map<string, WireRecord[]>();
  const employers: SimEmployer[] = [];
  const count = Math.min(options.employers ?? 3, COMPANY_NAMES.length);
  for (let e = 0; e < count; e++) {
    const name = COMPANY_NAMES[e] as string;
    const domain = companyDomain(name);
    const departments = DEPARTMENTS.map((description, index) => ({
      id: guid(random),
      code: 100 + index * 10,
      description,
      subDepartmentOf: null,
      emailLeaveRequest: null,
    }));
    const functions = FUNCTIONS.map((description, index) => ({
      id: guid(random),
      key: index + 1,
      description,
      group: null,
    }));
    const employer: SimEmployer = {
      record: {
        id: guid(random),
        employerNumber: 4000 + e * 7,
        companyName: name,
        chamberOfCommerceNumber: String(30_000_000 + e),
      },
      employees: [],
      employments: [],
      departments,
      functions,
    };
    for (let index = 0; index < perEmployer; index++) {
      const employee = employeeRecord(random, index, domain);
      employer.employees.push(employee);
      for (const [start, end, type] of employmentsOf(random, loketRole(index), today)) {
        const employment = employmentRecord(random, employee, start, end, type);
        employer.employments.push(employment);
        orgEntities.set(
          employment.id,
          entityLines(random, index, loketRole(index), start, end, departments, functions),
        );
      }
    }
    // Not served: an employee without an employment, and an employment of nobody in the employee list.
    employer.employees.push(employeeRecord(random, perEmployer, domain));
    const ghost = employeeRecord(random, perEmployer + 1, domain);
    employer.employments.push(employmentRecord(random, ghost, "2020-01-01", null, TYPES[0] as (typeof TYPES)[number]));
    employers.push(employer);
  }
  return { employers, orgEntities };
}

function employeeRecord(random: Random, index: number, domain: string): WireRecord {
  const first = random.pick(FIRST_NAMES);
  const own = random.pick(LAST_NAMES);
  const partnered = index % 3 !== 0;
  const partner = partnered ? random.pick(LAST_NAMES.filter((name) => name !== own)) : null;
  const format = NAME_FORMATS[index % NAME_FORMATS.length] as (typeof NAME_FORMATS)[number];
  const employeeNumber = index + 1;
  const local = `${mailLocalPart(first.nickname, own.prefix, own.name)}.${employeeNumber}`;
  const businessOnly = index % 13 === 5;
  return {
    id: guid(random),
    employeeNumber,
    personalDetails: {
      firstName: first.nickname,
      initials: `${first.official[0]}.`,
      prefix: own.prefix ?? "",
      lastName: own.name,
      prefixPartner: partner?.prefix ?? null,
      lastNamePartner: partner?.name ?? null,
      howToFormatLastName: format,
      formattedName: `${own.name}, ${first.official[0]}.`,
      dateOfBirth: `${1960 + random.int(0, 40)}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`,
    },
    contactInformation: {
      // Some customers fill only emailAddress (spec §2, E-mail): those people sign in with it.
      emailAddress: `${local}@ziggo.nl`,
      businessEmailAddress: businessOnly ? null : `${local}@${domain}`,
      mobilePhoneNumber: `06${String(20_000_000 + index).slice(-8)}`,
      businessMobilePhoneNumber: index % 4 === 0 ? `06${String(10_000_000 + index).slice(-8)}` : "",
      phoneNumber: null,
      businessPhoneNumber: null,
      faxNumber: null,
    },
  };
}

type Span = [string, string | null, (typeof TYPES)[number]];

function employmentsOf(random: Random, role: LoketRole, today: string): Span[] {
  const start = addDays(today, -random.int(60, 3650));
  const regular = TYPES[0] as (typeof TYPES)[number];
  switch (role) {
    case "rehired":
      return [
        ["2018-03-01", "2020-06-30", regular],
        [addDays(today, -random.int(30, 700)), null, regular],
      ];
    case "pre-hire":
      return [[addDays(today, random.int(3, 40)), null, TYPES[1] as (typeof TYPES)[number]]];
    case "leaver":
      return [[start, addDays(today, -random.pick([2, 30, 200])), regular]];
    case "second-job":
      return [
        [start, null, regular],
        [addDays(today, -random.int(10, 50)), null, TYPES[2] as (typeof TYPES)[number]],
      ];
    default:
      return [[start, null, regular]];
  }
}

function employmentRecord(
  random: Random,
  employee: WireRecord,
  start: string,
  end: string | null,
  type: Span[2],
): WireRecord {
  const personal = employee.personalDetails as Record<string, unknown>;
  return {
    id: guid(random),
    employee: {
      id: employee.id,
      employeeNumber: employee.employeeNumber,
      firstName: personal.firstName,
      initials: personal.initials,
      prefix: personal.prefix,
      lastName: personal.lastName,
      formattedName: personal.formattedName,
      dateOfBirth: personal.dateOfBirth,
    },
    startDate: start,
    endDate: end,
    historicalStartDate: start,
    typeOfEmployee: type,
    payrollAdministration: null,
  };
}

/** One line for the whole employment; a promotion adds a second line a year in, in another function. */
function entityLines(
  random: Random,
  index: number,
  role: LoketRole,
  start: string,
  end: string | null,
  departments: readonly WireRecord[],
  functions: readonly WireRecord[],
): WireRecord[] {
  const department = departments[index % departments.length] as WireRecord;
  const fn = random.pick(functions);
  const costCenter = random.pick(COST_CENTERS);
  const line = (from: string, to: string | null, f: WireRecord): WireRecord => ({
    id: guid(random),
    startDate: from,
    endDate: to,
    function: { key: f.key, description: f.description, group: null },
    deviatingFunctionDescription: role === "deviating" ? `${String(f.description)} (senior)` : null,
    deviatingFunctionGroup: null,
    standardFunction: null,
    department: { key: department.code, code: department.code, description: department.description },
    distributionUnit: {
      key: COST_CENTERS.indexOf(costCenter) + 1,
      code: 700 + COST_CENTERS.indexOf(costCenter),
      description: costCenter,
    },
    placeOfEmployment: null,
  });
  if (role !== "promoted") return [line(start, end, fn)];
  const promotion = addDays(start, 365);
  const senior = functions.find((candidate) => candidate !== fn) ?? fn;
  return [line(start, addDays(promotion, -1), fn), line(promotion, end, senior)];
}

/** A GUID shaped like Loket's (version 4), from the seeded random source. */
function guid(random: Random): string {
  const hex = Array.from({ length: 32 }, () => random.int(0, 15).toString(16)).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}
