import type { HrCodedValue, HrCompany, HrManagerRef, HrPeriod, HrPerson } from "../../types.js";
import type { EmploymentRecord, NamedRecord, PersonRecord, UnitRecord } from "../records.js";
import { managerId } from "./manager.js";
import { youforceFamilyName } from "./name-assemble.js";
import { primaryEmployment } from "./primary-employment.js";

/** One read of a tenant with today's versions chosen (rules/versions.ts), indexed for the mapping. */
export interface YouforceRecords {
  /** By personCode. */
  readonly persons: ReadonlyMap<string, PersonRecord>;
  /** By person id: what `organizationUnits.manager` holds. */
  readonly personsById: ReadonlyMap<string, PersonRecord>;
  /** Per personCode, the person's employments (today's versions). */
  readonly employments: ReadonlyMap<string, readonly EmploymentRecord[]>;
  /** By id. */
  readonly units: ReadonlyMap<string, UnitRecord>;
  /** By id. */
  readonly jobProfiles: ReadonlyMap<string, NamedRecord>;
  /** By company code (shortName), every company the employments name. */
  readonly companies: ReadonlyMap<string, HrCompany>;
  /** By shortName; null when cost centres were not asked. */
  readonly costCenters: ReadonlyMap<string, NamedRecord> | null;
}

export interface PersonOptions {
  readonly today: string;
  readonly managers: boolean;
}

/** Unit and job-profile ids employments name but the lists lack, collected for one log line per run. */
export interface UnknownIds {
  readonly units: Set<string>;
  readonly jobProfiles: Set<string>;
}

/**
 * One person as an HrPerson, placed at the company of the primary employment; null without an employment that has
 * a hire date. Every employment at every company is a period, so a move between companies keeps one person.
 */
export function toHrPerson(
  person: PersonRecord & { readonly personCode: string },
  records: YouforceRecords,
  options: PersonOptions,
  unknown: UnknownIds,
): HrPerson | null {
  const employments = records.employments.get(person.personCode) ?? [];
  const primary = primaryEmployment(employments, options.today);
  const company = primary?.company ? records.companies.get(primary.company) : undefined;
  if (!primary || !company) return null;
  const name = youforceFamilyName(person);
  return {
    sourceKey: person.personCode,
    company,
    employeeNumber: person.personCode,
    displayName: null,
    firstName: person.firstNames,
    nickname: person.knownAs,
    initials: person.initials,
    prefix: name.prefix,
    lastName: name.lastName,
    birthDate: person.birthDate,
    workEmail: person.businessEmail,
    privateEmail: person.privateEmail,
    workMobile: person.mobile,
    privateMobile: null,
    employeeType: primary.employmentTypeName,
    department: coded(records, primary.organizationUnit, records.units, unknown.units),
    function: coded(records, primary.jobProfile, records.jobProfiles, unknown.jobProfiles),
    costCenter: records.costCenters ? costCenter(records, primary.costCenter, records.costCenters) : null,
    manager: options.managers ? managerRef(person, primary, records) : null,
    periods: employmentPeriods(employments),
  };
}

/**
 * One object per distinct department, function or cost centre of a read: a run holds every person of the tenant at
 * once, and a copy per person adds up at 100,000 people (as in the Nmbrs and AFAS mappings).
 */
const sharedCoded = new WeakMap<YouforceRecords, Map<string, HrCodedValue>>();

function shared(records: YouforceRecords, code: string | null, name: string): HrCodedValue {
  let values = sharedCoded.get(records);
  if (!values) sharedCoded.set(records, (values = new Map()));
  const key = JSON.stringify([code, name]);
  let value = values.get(key);
  if (value === undefined) values.set(key, (value = { code, name }));
  return value;
}

/** A unit or job profile by id as { shortName, fullName }; an unknown id stands for itself (and is reported). */
function coded(
  records: YouforceRecords,
  id: string | null,
  list: ReadonlyMap<string, NamedRecord>,
  unknown: Set<string>,
): HrCodedValue | null {
  if (id === null) return null;
  const found = list.get(id);
  if (!found) {
    unknown.add(id);
    return shared(records, id, id);
  }
  return shared(records, found.shortName ?? id, found.fullName ?? found.shortName ?? id);
}

function costCenter(
  records: YouforceRecords,
  shortName: string | null,
  list: ReadonlyMap<string, NamedRecord>,
): HrCodedValue | null {
  if (shortName === null) return null;
  return shared(records, shortName, list.get(shortName)?.fullName ?? shortName);
}

function managerRef(person: PersonRecord, primary: EmploymentRecord, records: YouforceRecords): HrManagerRef | null {
  const id = managerId(person.id, primary.organizationUnit, records.units, (candidate) =>
    records.personsById.has(candidate),
  );
  const manager = id === null ? undefined : records.personsById.get(id);
  if (!manager) return null;
  const name = youforceFamilyName(manager);
  const parts = [manager.knownAs ?? manager.firstNames, name.prefix, name.lastName].filter(Boolean);
  return {
    employeeNumber: manager.personCode,
    // The address is what links a manager across companies: numbers are matched per company (docs/lifecycle.md §7).
    email: manager.businessEmail ?? manager.privateEmail,
    name: parts.length > 0 ? parts.join(" ") : null,
  };
}

/** Every employment once, at any company; one without a hire date cannot make anyone active and is left out. */
function employmentPeriods(employments: readonly EmploymentRecord[]): HrPeriod[] {
  const seen = new Set<string>();
  const periods: HrPeriod[] = [];
  for (const employment of employments) {
    if (employment.hireDate === null) continue;
    const key = `${employment.hireDate}|${employment.dischargeDate}`;
    if (seen.has(key)) continue;
    seen.add(key);
    periods.push({ kind: "employment", start: employment.hireDate, end: employment.dischargeDate });
  }
  return periods;
}
