import type { HrCompany } from "../types.js";
import type { EmploymentRecord, NamedRecord, PersonRecord, UnitRecord } from "./records.js";
import type { YouforceRecords } from "./rules/person.js";
import { chooseVersions } from "./rules/versions.js";

/** Every version of every record the endpoints returned, as read (one read per source instance). */
export interface TenantRead {
  readonly companies: readonly NamedRecord[];
  readonly units: readonly UnitRecord[];
  readonly jobProfiles: readonly NamedRecord[];
  readonly persons: readonly PersonRecord[];
  readonly employments: readonly EmploymentRecord[];
  /** Null until cost centres are asked. */
  costCenters: readonly NamedRecord[] | null;
}

export interface TenantIndex {
  readonly records: YouforceRecords;
  /** Employments whose personCode is not among the persons: skipped (spec §2). */
  readonly unknownPersons: number;
  /** Employments without company or payrollClientCode: skipped (spec §2). */
  readonly withoutCompany: number;
}

/**
 * The read with today's version of everything chosen (specs/youforce.md §2): persons by personCode, employments,
 * units and job profiles by id, companies and cost centres by shortName; employments grouped per person.
 */
export function indexTenant(read: TenantRead, today: string): TenantIndex {
  const persons = chooseVersions(read.persons, (person) => person.personCode, today);
  const personsById = new Map<string, PersonRecord>();
  for (const person of persons.values()) personsById.set(person.id, person);
  const named = chooseVersions(read.companies, (company) => company.shortName, today);
  const companies = new Map<string, HrCompany>();
  const employments = new Map<string, EmploymentRecord[]>();
  let unknownPersons = 0;
  let withoutCompany = 0;
  for (const employment of chooseVersions(read.employments, (record) => record.id, today).values()) {
    if (employment.company === null) {
      withoutCompany++;
      continue;
    }
    if (employment.personCode === null || !persons.has(employment.personCode)) {
      unknownPersons++;
      continue;
    }
    const code = employment.company;
    if (!companies.has(code)) companies.set(code, { id: code, number: code, name: named.get(code)?.fullName ?? code });
    const list = employments.get(employment.personCode);
    if (list) list.push(employment);
    else employments.set(employment.personCode, [employment]);
  }
  return {
    records: {
      persons,
      personsById,
      employments,
      units: chooseVersions(read.units, (unit) => unit.id, today),
      jobProfiles: chooseVersions(read.jobProfiles, (profile) => profile.id, today),
      companies,
      costCenters: read.costCenters && chooseVersions(read.costCenters, (center) => center.shortName, today),
    },
    unknownPersons,
    withoutCompany,
  };
}
