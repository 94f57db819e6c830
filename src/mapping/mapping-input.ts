import { cleanText, personNames } from "../lifecycle/person-names.js";
import type { HrCodedValue, HrPerson, IsoDate } from "../sources/types.js";

/**
 * What an expression sees (docs/mapping.md): `person`, `company`, `period` and `today`, every absent value null.
 * The birth date is not on it: it is read only to confirm identity when a connector switches APIs, never served.
 */
export interface MappingInput {
  readonly person: MappingPerson;
  readonly company: MappingCompany;
  readonly period: MappingPeriod;
  readonly today: IsoDate;
}

export class MappingCompany {
  constructor(
    readonly number: string,
    readonly name: string,
  ) {}
}

/** The work period that makes the person visible; both null when there is none (a leaver no longer listed). */
export class MappingPeriod {
  constructor(
    readonly start: IsoDate | null,
    readonly end: IsoDate | null,
  ) {}
}

/** The field names of `person`, in the order docs/mapping.md lists them. */
export const PERSON_FIELDS = [
  "firstName",
  "nickname",
  "initials",
  "prefix",
  "lastName",
  "displayName",
  "workEmail",
  "privateEmail",
  "workMobile",
  "privateMobile",
  "employeeType",
  "employeeNumber",
  "department",
  "function",
  "costCenter",
  "manager",
] as const;

/**
 * `person` as a class, so CEL checks field names against the declared ones at compile time (a misspelt
 * `person.fristName` is a config error, not a hold on every person). The family name is computed once, on demand.
 */
export class MappingPerson {
  readonly firstName: string | null;
  readonly nickname: string | null;
  readonly initials: string | null;
  readonly prefix: string | null;
  readonly lastName: string | null;
  readonly displayName: string | null;
  readonly workEmail: string | null;
  readonly privateEmail: string | null;
  readonly workMobile: string | null;
  readonly privateMobile: string | null;
  readonly employeeType: string | null;
  readonly employeeNumber: string;
  readonly department: { readonly code: string | null; readonly name: string | null } | null;
  readonly function: { readonly code: string | null; readonly name: string | null } | null;
  readonly costCenter: { readonly code: string | null; readonly name: string | null } | null;
  readonly manager: {
    readonly email: string | null;
    readonly employeeNumber: string | null;
    readonly name: string | null;
  } | null;

  // Private, so no expression can reach the record behind it (and its birth date).
  readonly #source: HrPerson;

  constructor(source: HrPerson) {
    this.#source = source;
    this.firstName = cleanText(source.firstName);
    this.nickname = cleanText(source.nickname);
    this.initials = cleanText(source.initials);
    this.prefix = cleanText(source.prefix);
    this.lastName = cleanText(source.lastName);
    this.displayName = cleanText(source.displayName);
    this.workEmail = cleanText(source.workEmail);
    this.privateEmail = cleanText(source.privateEmail);
    this.workMobile = cleanText(source.workMobile);
    this.privateMobile = cleanText(source.privateMobile);
    this.employeeType = cleanText(source.employeeType);
    this.employeeNumber = source.employeeNumber;
    this.department = coded(source.department);
    this.function = coded(source.function);
    this.costCenter = coded(source.costCenter);
    const manager = source.manager;
    this.manager = manager
      ? {
          email: cleanText(manager.email),
          employeeNumber: cleanText(manager.employeeNumber),
          name: cleanText(manager.name),
        }
      : null;
  }

  /** The Dutch family name as served: prefix + last name ("van der Berg"). */
  familyName(): string | null {
    return personNames(this.#source).familyName;
  }
}

function coded(value: HrCodedValue | null): { code: string | null; name: string | null } | null {
  return value ? { code: cleanText(value.code), name: cleanText(value.name) } : null;
}

export function mappingInput(
  person: HrPerson,
  period: { readonly start: IsoDate | null; readonly end: IsoDate | null } | null,
  today: IsoDate,
): MappingInput {
  return {
    person: new MappingPerson(person),
    company: new MappingCompany(person.company.number, person.company.name),
    period: new MappingPeriod(period?.start ?? null, period?.end ?? null),
    today,
  };
}
