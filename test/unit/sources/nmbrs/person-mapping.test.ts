import { describe, expect, it } from "vitest";
import { CompanyValues } from "../../../../src/sources/nmbrs/company-values.js";
import { toHrPerson, type CompanyRecords } from "../../../../src/sources/nmbrs/person-mapping.js";
import type { EmployeeListing, PeriodRow, PersonalInfoRow } from "../../../../src/sources/nmbrs/records.js";
import type { HrCompany } from "../../../../src/sources/types.js";

const company: HrCompany = { id: "1", number: "100", name: "Acme" };

function info(name: string): PersonalInfoRow {
  return {
    displayName: `${name} van der Berg`,
    firstName: name,
    nickname: null,
    initials: null,
    prefix: "van der",
    lastName: "Berg",
    birthDate: null,
    workEmail: `${name.toLowerCase()}.vanderberg@acme.example`,
    privateEmail: null,
    workMobile: null,
    privateMobile: null,
    creationDate: "2020-01-01T00:00:00",
  };
}

function companyRecords(employments: Record<string, readonly PeriodRow[]>): CompanyRecords {
  return {
    employments: new Map(Object.entries(employments)),
    contracts: new Map(),
    functions: new Map(),
    departments: new Map(),
    costCenters: null,
    managers: null,
    shared: new CompanyValues(),
  };
}

const listing = (employeeId: string): EmployeeListing => ({
  employeeId,
  employeeNumber: employeeId,
  employeeType: "Werknemer",
});

describe("toHrPerson", () => {
  it("maps the current personal info and the employment periods of a listed employee", () => {
    const records = companyRecords({ a: [{ start: "2020-02-01", end: null }] });
    const person = toHrPerson(company, listing("a"), info("Anna"), records);
    expect(person).toMatchObject({
      sourceKey: "a",
      displayName: "Anna van der Berg",
      workEmail: "anna.vanderberg@acme.example",
      privateEmail: null,
      periods: [{ kind: "employment", start: "2020-02-01", end: null }],
    });
  });

  it("colleagues with the same employment dates share one period, and different dates do not", () => {
    const records = companyRecords({
      a: [{ start: "2020-02-01", end: null }],
      b: [{ start: "2020-02-01", end: null }],
      c: [{ start: "2021-03-01", end: null }],
    });
    const [a, b, c] = ["a", "b", "c"].map((id) => toHrPerson(company, listing(id), info(id), records));
    expect(a!.periods[0]).toBe(b!.periods[0]);
    expect(c!.periods[0]).not.toBe(a!.periods[0]);
    expect(c!.periods[0]).toEqual({ kind: "employment", start: "2021-03-01", end: null });
  });
});
