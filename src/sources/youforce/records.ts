import { SourceError } from "../types.js";

/**
 * Youforce's JSON records as the rules take them (specs/youforce.md §2): text trimmed with "" as null, dates the
 * first 10 characters, and a date from 9999-01-01 on (Youforce's "open") or a missing one as null. Each record keeps
 * only what the mapping reads, so a page's raw JSON is dropped with the page.
 */

export type Json = Record<string, unknown>;

/** What every dated version has. `validFrom` null: since always; `validUntil` null: open. */
export interface Versioned {
  readonly id: string;
  readonly validFrom: string | null;
  readonly validUntil: string | null;
}

export interface PersonRecord extends Versioned {
  readonly personCode: string | null;
  readonly initials: string | null;
  readonly firstNames: string | null;
  readonly knownAs: string | null;
  readonly lastNameAtBirth: string | null;
  readonly lastNameAtBirthPrefix: string | null;
  readonly lastName: string | null;
  readonly lastNamePrefix: string | null;
  readonly partnerName: string | null;
  readonly partnerNamePrefix: string | null;
  readonly nameAssembleOrder: string | null;
  readonly birthDate: string | null;
  readonly businessEmail: string | null;
  readonly privateEmail: string | null;
  readonly mobile: string | null;
}

export interface EmploymentRecord extends Versioned {
  readonly personId: string | null;
  readonly personCode: string | null;
  readonly employmentCode: string | null;
  readonly hireDate: string | null;
  readonly dischargeDate: string | null;
  /** `company`, or Beaufort's `payrollClientCode` (INFERRED, spec §2). */
  readonly company: string | null;
  readonly organizationUnit: string | null;
  readonly jobProfile: string | null;
  readonly costCenter: string | null;
  readonly employmentTypeName: string | null;
}

/** companies, jobProfiles, valueList/costCenter. */
export interface NamedRecord extends Versioned {
  readonly shortName: string | null;
  readonly fullName: string | null;
}

export interface UnitRecord extends NamedRecord {
  readonly parentOrgUnit: string | null;
  readonly manager: string | null;
}

export function text(value: unknown): string | null {
  if (typeof value === "number") return String(value);
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

/** `YYYY-MM-DD` of a date or date-time; null when missing or from 9999-01-01 on (open). */
export function date(value: unknown): string | null {
  const written = text(value);
  if (written === null || written.length < 10) return null;
  const day = written.slice(0, 10);
  return day >= "9999-01-01" ? null : day;
}

function versioned(row: Json, operation: string): Versioned {
  const id = text(row.id);
  if (id === null) throw new SourceError(`Youforce sent a record without id in ${operation}.`, badShape(operation));
  return { id, validFrom: date(row.validFrom), validUntil: date(row.validUntil) };
}

function badShape(operation: string) {
  return { code: "bad_response", operation, transient: true } as const;
}

export function personRecord(row: Json, operation: string): PersonRecord {
  return {
    ...versioned(row, operation),
    personCode: text(row.personCode),
    initials: text(row.initials),
    firstNames: text(row.firstNames),
    knownAs: text(row.knownAs),
    lastNameAtBirth: text(row.lastNameAtBirth),
    lastNameAtBirthPrefix: text(row.lastNameAtBirthPrefix),
    lastName: text(row.lastName),
    lastNamePrefix: text(row.lastNamePrefix),
    partnerName: text(row.partnerName),
    partnerNamePrefix: text(row.partnerNamePrefix),
    nameAssembleOrder: text(row.nameAssembleOrder),
    birthDate: date(row.birthDate),
    businessEmail: firstOfType(row.emailAddresses, "business", "address"),
    privateEmail: firstOfType(row.emailAddresses, "private", "address"),
    mobile: firstOfType(row.phoneNumbers, "mobile", "number"),
  };
}

export function employmentRecord(row: Json, operation: string): EmploymentRecord {
  return {
    ...versioned(row, operation),
    personId: text(row.personId),
    personCode: text(row.personCode),
    employmentCode: text(row.employmentCode),
    hireDate: date(row.hireDate),
    dischargeDate: date(row.dischargeDate),
    company: text(row.company) ?? text(row.payrollClientCode),
    organizationUnit: text(row.organizationUnit),
    jobProfile: text(row.jobProfile),
    costCenter: text(row.costCenter),
    employmentTypeName: text(row.employmentTypeName),
  };
}

export function namedRecord(row: Json, operation: string): NamedRecord {
  return { ...versioned(row, operation), shortName: text(row.shortName), fullName: text(row.fullName) };
}

export function unitRecord(row: Json, operation: string): UnitRecord {
  return {
    ...namedRecord(row, operation),
    parentOrgUnit: text(row.parentOrgUnit),
    manager: text(row.manager),
  };
}

/**
 * The first entry of a list whose `type` is `type` (compared case-insensitively), its `field` as text: the first
 * Business address is the work address, the first Private one the private address, the first Mobile number the work
 * mobile (spec §2; no private-mobile type is documented).
 */
export function firstOfType(list: unknown, type: string, field: string): string | null {
  if (!Array.isArray(list)) return null;
  for (const entry of list) {
    if (entry === null || typeof entry !== "object") continue;
    const item = entry as Json;
    if (text(item.type)?.toLowerCase() !== type) continue;
    const value = text(item[field]);
    if (value !== null) return value;
  }
  return null;
}
