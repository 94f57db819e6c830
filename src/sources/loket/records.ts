import type { HrCodedValue, HrCompany, IsoDate } from "../types.js";

/** One `_embedded` item as JSON.parse gives it. */
export type WireObject = Record<string, unknown>;

/** A required field is missing or of the wrong type; the reader names the page (a `bad_response`). */
export class RecordProblem extends Error {}

/** An employee record (the Loket spec §2): only what the mapping reads. */
export interface LoketEmployee {
  readonly id: string;
  readonly employeeNumber: string;
  readonly firstName: string | null;
  readonly initials: string | null;
  readonly prefix: string | null;
  readonly lastName: string | null;
  readonly prefixPartner: string | null;
  readonly lastNamePartner: string | null;
  /** `howToFormatLastName`, or null when Loket left it out. */
  readonly nameFormat: { readonly key: number | null; readonly value: string | null } | null;
  readonly birthDate: IsoDate | null;
  readonly businessEmail: string | null;
  readonly email: string | null;
  readonly businessMobile: string | null;
  readonly mobile: string | null;
}

export interface LoketEmployment {
  readonly id: string;
  readonly employeeId: string;
  readonly start: IsoDate | null;
  /** The last day of employment, inclusive; null = open-ended. */
  readonly end: IsoDate | null;
  readonly typeOfEmployee: string | null;
}

/** One dated line of an employment's organizational entities. */
export interface LoketOrgEntity {
  readonly id: string;
  readonly start: IsoDate | null;
  readonly end: IsoDate | null;
  readonly department: HrCodedValue | null;
  readonly function: HrCodedValue | null;
  readonly costCenter: HrCodedValue | null;
}

export function employerOf(item: WireObject): HrCompany {
  const number = item.employerNumber;
  if (typeof number !== "number" && typeof number !== "string") throw new RecordProblem("has no employerNumber");
  return { id: idOf(item), number: String(number), name: text(item.companyName) ?? String(number) };
}

export function employeeOf(item: WireObject): LoketEmployee {
  const number = item.employeeNumber;
  if (typeof number !== "number" && typeof number !== "string") throw new RecordProblem("has no employeeNumber");
  const personal = objectOf(item.personalDetails);
  const contact = objectOf(item.contactInformation);
  const format = objectOrNull(personal.howToFormatLastName);
  return {
    id: idOf(item),
    employeeNumber: String(number),
    firstName: text(personal.firstName),
    initials: text(personal.initials),
    prefix: text(personal.prefix),
    lastName: text(personal.lastName),
    prefixPartner: text(personal.prefixPartner),
    lastNamePartner: text(personal.lastNamePartner),
    nameFormat: format && { key: typeof format.key === "number" ? format.key : null, value: text(format.value) },
    birthDate: date(personal.dateOfBirth),
    businessEmail: text(contact.businessEmailAddress),
    email: text(contact.emailAddress),
    businessMobile: text(contact.businessMobilePhoneNumber),
    mobile: text(contact.mobilePhoneNumber),
  };
}

export function employmentOf(item: WireObject): LoketEmployment {
  const employee = objectOrNull(item.employee);
  if (!employee || typeof employee.id !== "string" || employee.id === "") throw new RecordProblem("has no employee.id");
  return {
    id: idOf(item),
    employeeId: employee.id,
    start: date(item.startDate),
    end: date(item.endDate),
    typeOfEmployee: text(objectOrNull(item.typeOfEmployee)?.value),
  };
}

export function orgEntityOf(item: WireObject): LoketOrgEntity {
  const department = objectOrNull(item.department);
  const fn = objectOrNull(item.function);
  const unit = objectOrNull(item.distributionUnit);
  const deviating = text(item.deviatingFunctionDescription);
  return {
    id: idOf(item),
    start: date(item.startDate),
    end: date(item.endDate),
    department: department && coded(department.code, department.description),
    // A deviating description is what the person is called here; Loket gives it no code of its own.
    function: deviating ? { code: null, name: deviating } : fn && coded(fn.key, fn.description),
    costCenter: unit && coded(unit.code, unit.description),
  };
}

function idOf(item: WireObject): string {
  const id = item.id;
  if (typeof id !== "string" || id.trim() === "") throw new RecordProblem("has no id");
  return id;
}

/** Text trimmed; "" is null (spec §2). */
function text(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

/** Dates are the first 10 characters ("2026-01-10T00:00:00" reads as "2026-01-10"). */
function date(value: unknown): IsoDate | null {
  const day = text(value)?.slice(0, 10) ?? null;
  return day !== null && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : null;
}

function coded(code: unknown, description: unknown): HrCodedValue | null {
  const shownCode = typeof code === "number" ? String(code) : text(code);
  const name = text(description) ?? shownCode;
  return name === null ? null : { code: shownCode, name };
}

function objectOrNull(value: unknown): WireObject | null {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as WireObject) : null;
}

function objectOf(value: unknown): WireObject {
  return objectOrNull(value) ?? {};
}
