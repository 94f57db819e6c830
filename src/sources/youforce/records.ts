import { SourceError } from "../types.js";
import type { YouforceNameFields } from "./rules/name-assemble.js";

/**
 * Youforce's JSON records as the rules take them (the Youforce spec §2): text trimmed with "" as null, dates the
 * first 10 characters, and a date from 9999-01-01 on (Youforce's "open") or a missing one as null. Each record keeps
 * only what the mapping reads, so a page's raw JSON is dropped with the page, and the values a tenant repeats
 * (dates, codes, prefixes, common first names) are one shared copy each (`Share`, as the AFAS rows do). Each record
 * is one object literal with every field written out, never spread from a shared part: V8 gave nearly every object
 * built as `{ ...part, more }` a hidden class of its own, which cost more memory than the records' values
 * (BENCHMARKS.md, "Youforce's sync memory").
 */

export type Json = Record<string, unknown>;

/** One copy per distinct value (StringPool.shared): a run holds a version of every person until all are placed. */
export type Share = (text: string) => string;

/** What every dated version has. `validFrom` null: since always; `validUntil` null: open. */
export interface Versioned {
  readonly id: string;
  readonly validFrom: string | null;
  readonly validUntil: string | null;
}

/** A person version: its codes and given names, its family-name parts (YouforceNameFields), its addresses. */
export interface PersonRecord extends Versioned, YouforceNameFields {
  readonly personCode: string | null;
  readonly initials: string | null;
  readonly firstNames: string | null;
  readonly knownAs: string | null;
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

function sharedText(value: unknown, share: Share): string | null {
  const written = text(value);
  return written === null ? null : share(written);
}

function sharedDate(value: unknown, share: Share): string | null {
  const day = date(value);
  return day === null ? null : share(day);
}

function recordId(row: Json, operation: string): string {
  const id = text(row.id);
  if (id === null) throw new SourceError(`Youforce sent a record without id in ${operation}.`, badShape(operation));
  return id;
}

function badShape(operation: string) {
  return { code: "bad_response", operation, transient: true } as const;
}

export function personRecord(row: Json, operation: string, share: Share): PersonRecord {
  return {
    id: recordId(row, operation),
    validFrom: sharedDate(row.validFrom, share),
    validUntil: sharedDate(row.validUntil, share),
    personCode: text(row.personCode),
    initials: sharedText(row.initials, share),
    firstNames: sharedText(row.firstNames, share),
    knownAs: sharedText(row.knownAs, share),
    lastNameAtBirth: sharedText(row.lastNameAtBirth, share),
    lastNameAtBirthPrefix: sharedText(row.lastNameAtBirthPrefix, share),
    lastName: sharedText(row.lastName, share),
    lastNamePrefix: sharedText(row.lastNamePrefix, share),
    partnerName: sharedText(row.partnerName, share),
    partnerNamePrefix: sharedText(row.partnerNamePrefix, share),
    nameAssembleOrder: sharedText(row.nameAssembleOrder, share),
    birthDate: sharedDate(row.birthDate, share),
    businessEmail: firstOfType(row.emailAddresses, "business", "address"),
    privateEmail: firstOfType(row.emailAddresses, "private", "address"),
    mobile: firstOfType(row.phoneNumbers, "mobile", "number"),
  };
}

export function employmentRecord(row: Json, operation: string, share: Share): EmploymentRecord {
  return {
    id: recordId(row, operation),
    validFrom: sharedDate(row.validFrom, share),
    validUntil: sharedDate(row.validUntil, share),
    personId: text(row.personId),
    personCode: text(row.personCode),
    employmentCode: text(row.employmentCode),
    hireDate: sharedDate(row.hireDate, share),
    dischargeDate: sharedDate(row.dischargeDate, share),
    company: sharedText(row.company, share) ?? sharedText(row.payrollClientCode, share),
    organizationUnit: sharedText(row.organizationUnit, share),
    jobProfile: sharedText(row.jobProfile, share),
    costCenter: sharedText(row.costCenter, share),
    employmentTypeName: sharedText(row.employmentTypeName, share),
  };
}

export function namedRecord(row: Json, operation: string, share: Share): NamedRecord {
  return {
    id: recordId(row, operation),
    validFrom: sharedDate(row.validFrom, share),
    validUntil: sharedDate(row.validUntil, share),
    shortName: sharedText(row.shortName, share),
    fullName: sharedText(row.fullName, share),
  };
}

export function unitRecord(row: Json, operation: string, share: Share): UnitRecord {
  return {
    id: recordId(row, operation),
    validFrom: sharedDate(row.validFrom, share),
    validUntil: sharedDate(row.validUntil, share),
    shortName: sharedText(row.shortName, share),
    fullName: sharedText(row.fullName, share),
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
