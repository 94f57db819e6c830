import { describe, expect, it } from "vitest";
import { employeeOf, employmentOf, orgEntityOf, RecordProblem } from "../../../../src/sources/loket/records.js";
import { employmentPeriods, toHrPerson } from "../../../../src/sources/loket/rules/person.js";

const employee = {
  id: "0b5e",
  employeeNumber: 17,
  personalDetails: {
    firstName: " Mieke ",
    initials: "M.",
    prefix: "",
    lastName: "Jansen",
    prefixPartner: "van",
    lastNamePartner: "Dijk",
    howToFormatLastName: { key: 2, value: "Achternaam + achternaam partner" },
    formattedName: "Jansen - van Dijk M.",
    dateOfBirth: "1984-03-07T00:00:00",
  },
  contactInformation: {
    emailAddress: "mieke@ziggo.nl",
    businessEmailAddress: "m.jansen@bakkerij.nl",
    mobilePhoneNumber: "0612345678",
    businessMobilePhoneNumber: "  ",
  },
};

describe("Loket records and person (the Loket spec §2)", () => {
  it("an employee: text trimmed, '' is null, dates are the first 10 characters, the name rule applied", () => {
    const record = employeeOf(employee);
    const employment = employmentOf({
      id: "j1",
      employee: { id: "0b5e" },
      startDate: "2019-04-01",
      endDate: null,
      typeOfEmployee: { key: 1, value: "Werknemer" },
    });
    const entity = orgEntityOf({
      id: "o1",
      startDate: "2019-04-01",
      endDate: null,
      function: { key: 12, description: "Bakker", group: null },
      deviatingFunctionDescription: "Hoofd bakkerij",
      department: { key: 3, code: 200, description: "Productie" },
      distributionUnit: { key: 4, code: 7, description: "Winkel Noord" },
    });
    const company = { id: "emp-guid", number: "4021", name: "Bakkerij Jansen B.V." };
    const person = toHrPerson({
      company,
      employee: record,
      employments: [employment],
      primary: employment,
      entity,
      costCenters: true,
    });
    expect(person).toEqual({
      sourceKey: "0b5e",
      company,
      employeeNumber: "17",
      displayName: null,
      firstName: "Mieke",
      nickname: null,
      initials: "M.",
      prefix: null,
      lastName: "Jansen-van Dijk",
      birthDate: "1984-03-07",
      workEmail: "m.jansen@bakkerij.nl",
      privateEmail: "mieke@ziggo.nl",
      workMobile: null,
      privateMobile: "0612345678",
      employeeType: "Werknemer",
      department: { code: "200", name: "Productie" },
      function: { code: null, name: "Hoofd bakkerij" },
      costCenter: { code: "7", name: "Winkel Noord" },
      manager: null,
      periods: [{ kind: "employment", start: "2019-04-01", end: null }],
    });
    expect(
      toHrPerson({
        company,
        employee: record,
        employments: [employment],
        primary: employment,
        entity,
        costCenters: false,
      }).costCenter,
    ).toBeNull();
  });

  it("the function without a deviating description is the function's key and description", () => {
    const entity = orgEntityOf({
      id: "o",
      function: { key: 12, description: "Bakker" },
      deviatingFunctionDescription: " ",
    });
    expect(entity.function).toEqual({ code: "12", name: "Bakker" });
    expect(entity.department).toBeNull();
  });

  it("periods: every employment, identical pairs once, none without a start", () => {
    const job = (id: string, start: string | null, end: string | null) => ({
      id,
      employeeId: "e",
      start,
      end,
      typeOfEmployee: null,
    });
    expect(
      employmentPeriods([
        job("a", "2018-03-01", "2020-06-30"),
        job("b", "2018-03-01", "2020-06-30"),
        job("c", null, null),
        job("d", "2024-01-01", null),
      ]),
    ).toEqual([
      { kind: "employment", start: "2018-03-01", end: "2020-06-30" },
      { kind: "employment", start: "2024-01-01", end: null },
    ]);
  });

  it.each([
    ["an employee without an id", () => employeeOf({ employeeNumber: 1 })],
    ["an employee without an employeeNumber", () => employeeOf({ id: "x" })],
    ["an employment without employee.id", () => employmentOf({ id: "x", employee: {} })],
  ])("%s is a record problem (a bad_response naming the page)", (_case, read) => {
    expect(read).toThrow(RecordProblem);
  });
});
