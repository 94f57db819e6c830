import { describe, expect, it } from "vitest";
import { CORE_USER, ENTERPRISE_USER, HR_GATEWAY_USER } from "../../../src/directory/schema-urns.js";
import { personNames } from "../../../src/lifecycle/person-names.js";
import {
  signsInWithPrivateAddress,
  userResource,
  type UserResourceInput,
} from "../../../src/lifecycle/user-resource.js";
import type { HrPerson } from "../../../src/sources/types.js";
import { BETA, hrPerson } from "../../support/hr-data.js";

describe("personNames: Dutch names the way Okta needs them", () => {
  it.each([
    [
      "roepnaam first, tussenvoegsel with the last name",
      { nickname: "Jan", firstName: "Johannes", prefix: "de", lastName: "Vries" },
      { givenName: "Jan", familyName: "de Vries", formatted: "Jan de Vries", displayName: "Jan de Vries" },
    ],
    [
      "a multi-word tussenvoegsel",
      { nickname: "Anna", prefix: "van der", lastName: "Berg" },
      { givenName: "Anna", familyName: "van der Berg", formatted: "Anna van der Berg" },
    ],
    [
      "first name when there is no roepnaam",
      { nickname: null, firstName: "Johannes", lastName: "Bakker" },
      { givenName: "Johannes" },
    ],
    [
      "initials when there is no name at all",
      { nickname: null, firstName: null, initials: "J.P.", lastName: "Bakker" },
      { givenName: "J.P.", formatted: "J.P. Bakker" },
    ],
    [
      "stray spaces are cleaned",
      { nickname: "  Jan ", prefix: " van  den ", lastName: "Heuvel  " },
      { familyName: "van den Heuvel", formatted: "Jan van den Heuvel" },
    ],
    [
      "accents typed as combining marks become one letter (NFC)",
      { nickname: "Zoe\u0308", prefix: null, lastName: "Ce\u0301line" },
      { givenName: "Zo\u00eb", familyName: "C\u00e9line" },
    ],
    [
      "HR's display name wins when it has one",
      { displayName: "Jan de Vries (Sales)", nickname: "Jan", lastName: "Vries", prefix: "de" },
      { displayName: "Jan de Vries (Sales)" },
    ],
  ])("%s", (_rule, fields, expected) => {
    expect(personNames(hrPerson(fields as Partial<HrPerson>))).toMatchObject(expected);
  });
});

function resourceOf(person: Partial<HrPerson>, extra: Partial<UserResourceInput> = {}) {
  return userResource({
    person: hrPerson(person),
    scimId: "u-1",
    userName: { userName: "jan.devries@acme.nl", from: "work" },
    active: true,
    period: { start: "2024-02-01", end: null, kind: "employment" },
    manager: null,
    settings: { employeeNumberFormat: "plain", privateContact: true, managers: false },
    ...extra,
  });
}

describe("userResource: the product sheet's mapping", () => {
  it("serves every mapped field, in a fixed key order", () => {
    const resource = resourceOf(
      {
        sourceKey: "5001",
        employeeNumber: "42",
        nickname: "Jan",
        firstName: "Johannes",
        prefix: "de",
        lastName: "Vries",
        privateEmail: "jan@gmail.com",
        workMobile: "+31 6 12345678",
        privateMobile: "+31 6 87654321",
        employeeType: "Werknemer",
        department: { code: "10", name: "Sales" },
        function: { code: "F1", name: "Accountmanager" },
        costCenter: { code: "4100", name: "Verkoop" },
      },
      { manager: { value: "u-9", displayName: "Piet Bakker" } },
    );
    expect(JSON.stringify(resource)).toBe(
      JSON.stringify({
        schemas: [CORE_USER, ENTERPRISE_USER, HR_GATEWAY_USER],
        id: "u-1",
        externalId: "5001",
        userName: "jan.devries@acme.nl",
        name: { formatted: "Jan de Vries", givenName: "Jan", familyName: "de Vries" },
        displayName: "Jan de Vries",
        title: "Accountmanager",
        userType: "Werknemer",
        active: true,
        emails: [{ value: "jan.devries@acme.nl", type: "work", primary: true }],
        phoneNumbers: [{ value: "+31 6 12345678", type: "mobile", primary: true }],
        [ENTERPRISE_USER]: {
          employeeNumber: "42",
          organization: "Acme BV",
          department: "Sales",
          costCenter: "Verkoop",
          manager: { value: "u-9", displayName: "Piet Bakker" },
        },
        [HR_GATEWAY_USER]: {
          privateEmail: "jan@gmail.com",
          privateMobile: "+31 6 87654321",
          startDate: "2024-02-01",
          companyNumber: "1",
        },
      }),
    );
  });

  it("leaves out absent values instead of serving nulls", () => {
    const resource = resourceOf({ workMobile: null, function: null, employeeType: null, department: null });
    expect(resource).not.toHaveProperty("phoneNumbers");
    expect(resource).not.toHaveProperty("title");
    expect(resource).not.toHaveProperty("userType");
    expect(resource[ENTERPRISE_USER]).not.toHaveProperty("department");
    expect(JSON.stringify(resource)).not.toContain("null");
  });

  it.each([
    ["plain", "42"],
    ["company-prefixed", "2-42"],
  ] as const)("employeeNumber format %s → %s", (format, expected) => {
    const resource = resourceOf(
      { employeeNumber: "42", company: BETA },
      { settings: { employeeNumberFormat: format, privateContact: true, managers: false } },
    );
    expect(resource[ENTERPRISE_USER]).toMatchObject({ employeeNumber: expected, organization: "Beta Services BV" });
  });

  it("keeps private contact data out when the connector does not share it", () => {
    const resource = resourceOf(
      { privateEmail: "jan@gmail.com", privateMobile: "+31 6 87654321" },
      { settings: { employeeNumberFormat: "plain", privateContact: false, managers: false } },
    );
    expect(resource[HR_GATEWAY_USER]).toEqual({ startDate: "2024-02-01", companyNumber: "1" });
  });

  it("marks the e-mail as home when the private address is the userName: still exactly one primary", () => {
    const resource = resourceOf({}, { userName: { userName: "jan@gmail.com", from: "private" } });
    expect(resource.emails).toEqual([{ value: "jan@gmail.com", type: "home", primary: true }]);
  });

  it("serves an inactive person with active=false and their end date", () => {
    const resource = resourceOf(
      {},
      { active: false, period: { start: "2024-02-01", end: "2026-10-31", kind: "employment" } },
    );
    expect(resource.active).toBe(false);
    expect(resource[HR_GATEWAY_USER]).toMatchObject({ startDate: "2024-02-01", endDate: "2026-10-31" });
  });

  it("falls back to the userName as displayName when HR has no name at all", () => {
    const resource = resourceOf({
      displayName: null,
      nickname: null,
      firstName: null,
      initials: null,
      prefix: null,
      lastName: "",
    });
    expect(resource.displayName).toBe("jan.devries@acme.nl");
    expect(resource).not.toHaveProperty("name");
  });
});

describe("userResource: the admin's mapping and the manager extras", () => {
  const manager = { email: "baas@acme.nl", employeeNumber: "7", name: "De Baas" };

  it("serves the manager's e-mail and employee number in the extension when managers are on", () => {
    const resource = resourceOf(
      { manager },
      { settings: { employeeNumberFormat: "plain", privateContact: false, managers: true } },
    );
    expect(resource[HR_GATEWAY_USER]).toMatchObject({ managerEmail: "baas@acme.nl", managerEmployeeNumber: "7" });
  });

  it("leaves the manager extras out when managers are off", () => {
    const resource = resourceOf({ manager });
    expect(resource[HR_GATEWAY_USER]).not.toHaveProperty("managerEmail");
    expect(resource[HR_GATEWAY_USER]).not.toHaveProperty("managerEmployeeNumber");
  });

  it("an override replaces the built-in value, null leaves the attribute out, a custom attribute joins the extension", () => {
    const resource = resourceOf(
      { function: { code: "F1", name: "Developer" } },
      {
        mapped: { title: "Developer (Acme BV)", department: null, hrStartDate: "2024", costCode: "K-12" },
        customAttributes: ["costCode"],
      },
    );
    expect(resource.title).toBe("Developer (Acme BV)");
    expect(resource[ENTERPRISE_USER]).not.toHaveProperty("department");
    expect(resource[HR_GATEWAY_USER]).toMatchObject({ startDate: "2024", costCode: "K-12" });
    expect(Object.keys(resource[HR_GATEWAY_USER] as object).at(-1)).toBe("costCode");
  });

  it("an empty displayName override falls back to the built-in chain (Okta shows no name without one)", () => {
    const resource = resourceOf({ displayName: "Jan de Vries" }, { mapped: { displayName: null } });
    expect(resource.displayName).toBe("Jan de Vries");
  });
});

describe("signsInWithPrivateAddress: the served user's login is a private e-mail address", () => {
  const served = (from: "work" | "private") =>
    userResource({
      person: hrPerson(),
      scimId: "u-1",
      userName: { userName: "jan@example.nl", from },
      active: true,
      period: null,
      manager: null,
      settings: { employeeNumberFormat: "plain", privateContact: true, managers: false },
    });
  it.each([
    ["a work address", served("work"), false],
    ["a private address the connector fell back to", served("private"), true],
    ["a user without e-mails", { userName: "jan@example.nl" }, false],
  ])("%s → %s", (_case, user, expected) => {
    expect(signsInWithPrivateAddress(user)).toBe(expected);
  });
});
