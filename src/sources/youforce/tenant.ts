import type { HrCompany } from "../types.js";
import type { EmploymentRecord, NamedRecord, PersonRecord, UnitRecord } from "./records.js";
import type { YouforceRecords } from "./rules/person.js";

/**
 * Today's version of every record the endpoints returned, chosen while reading (rules/versions.ts keepBetter; one
 * read per source instance and day): persons by personCode, employments, units and job profiles by id, companies
 * and cost centres by shortName.
 */
export interface TenantRead {
  readonly today: string;
  readonly companies: ReadonlyMap<string, NamedRecord>;
  readonly units: ReadonlyMap<string, UnitRecord>;
  readonly jobProfiles: ReadonlyMap<string, NamedRecord>;
  readonly persons: ReadonlyMap<string, PersonRecord>;
  readonly employments: ReadonlyMap<string, EmploymentRecord>;
  /** Null until cost centres are asked. */
  costCenters: ReadonlyMap<string, NamedRecord> | null;
}

export interface TenantIndex {
  readonly records: YouforceRecords;
  /** Employments whose personCode is not among the persons: skipped (spec §2). */
  readonly unknownPersons: number;
  /** Employments without company or payrollClientCode: skipped (spec §2). */
  readonly withoutCompany: number;
}

/** The read indexed for the mapping (the Youforce spec §2): persons by id too, employments grouped per person. */
export function indexTenant(read: TenantRead): TenantIndex {
  const personsById = new Map<string, PersonRecord>();
  for (const person of read.persons.values()) personsById.set(person.id, person);
  const companies = new Map<string, HrCompany>();
  const employments = new Map<string, EmploymentRecord[]>();
  let unknownPersons = 0;
  let withoutCompany = 0;
  for (const employment of read.employments.values()) {
    if (employment.company === null) {
      withoutCompany++;
      continue;
    }
    if (employment.personCode === null || !read.persons.has(employment.personCode)) {
      unknownPersons++;
      continue;
    }
    const code = employment.company;
    if (!companies.has(code))
      companies.set(code, { id: code, number: code, name: read.companies.get(code)?.fullName ?? code });
    const list = employments.get(employment.personCode);
    if (list) list.push(employment);
    else employments.set(employment.personCode, [employment]);
  }
  return {
    records: {
      persons: read.persons,
      personsById,
      employments,
      units: read.units,
      jobProfiles: read.jobProfiles,
      companies,
      costCenters: read.costCenters,
    },
    unknownPersons,
    withoutCompany,
  };
}
