import { describe, expect, it } from "vitest";
import type { HrPerson } from "../../../../src/sources/types.js";
import { birthDateHasher } from "../../../../src/sync/birth-date-hash.js";
import { matchPeople, rekeyedKnown } from "../../../../src/sync/api-switch/match.js";
import type { KnownPerson } from "../../../../src/sync/plan-types.js";
import { hrPerson } from "../../../support/hr-data.js";

const hash = birthDateHasher(Buffer.alloc(32, 7));
const rules = { birthDateHash: hash, userName: (person: HrPerson) => person.workEmail ?? person.privateEmail };

/** A person as the SOAP runs stored them: integer key, SCIM id, number, folded userName, birth-date hash. */
function known(key: string, overrides: Partial<KnownPerson> & { birthDate?: string | null } = {}): KnownPerson {
  const { birthDate = "1980-02-27", ...rest } = overrides;
  return {
    sourceKey: key,
    scimId: `scim-${key}`,
    seq: Number(key),
    companyNumber: "1",
    employeeNumber: key,
    emailFold: `jan.person${key}@acme.nl`,
    state: "active",
    stateReason: "active",
    stateSince: "2026-01-01T00:00:00Z",
    graceSince: null,
    missingSince: null,
    personHash: null,
    birthDateHash: hash(birthDate),
    ...rest,
  };
}

/** The same person as the REST API lists them: a GUID key, the same number, e-mail and birth date unless changed. */
function read(key: string, overrides: Partial<HrPerson> = {}): HrPerson {
  return hrPerson({
    sourceKey: `guid-${key}`,
    employeeNumber: key,
    lastName: `Person${key}`,
    birthDate: "1980-02-27",
    ...overrides,
  });
}

function match(knownPeople: KnownPerson[], persons: HrPerson[]) {
  return matchPeople(new Map(knownPeople.map((person) => [person.sourceKey, person])), persons, rules);
}

describe("matching people across the Nmbrs APIs", () => {
  it.each([
    ["same company, number and birth date", known("7"), read("7"), "birth date"],
    ["birth date corrected in HR, e-mail the same", known("7"), read("7", { birthDate: "1980-02-28" }), "e-mail"],
    ["no birth-date hash stored yet, e-mail the same", known("7", { birthDate: null }), read("7"), "e-mail"],
    [
      "work e-mail gone, private e-mail was the userName",
      known("7", { emailFold: "jan@gmail.com", birthDate: null }),
      read("7", { workEmail: null, privateEmail: "Jan@Gmail.com" }),
      "e-mail",
    ],
    [
      "renumbered, but the only one with that e-mail on both sides",
      known("7"),
      read("8", { workEmail: "jan.person7@acme.nl", birthDate: "1990-01-01" }),
      "e-mail only",
    ],
  ])("matches on %s", (_case, stored, listed, by) => {
    const result = match([stored], [listed]);
    expect(result.matched).toEqual([{ from: stored.sourceKey, to: listed.sourceKey, scimId: stored.scimId, by }]);
    expect(result.unmatchedKnown).toEqual([]);
    expect(result.unmatchedNew).toEqual([]);
  });

  it.each([
    [
      "same number, but another birth date and e-mail (someone else got the number)",
      known("7"),
      read("7", { birthDate: "1999-09-09", workEmail: "piet@acme.nl" }),
      [],
    ],
    [
      "same number in another company",
      known("7"),
      read("7", { company: { id: "c2", number: "2", name: "Beta BV" } }),
      [],
    ],
    [
      "same e-mail, but two people read now share it",
      known("7"),
      read("8", { workEmail: "jan.person7@acme.nl", birthDate: "1990-01-01" }),
      [read("9", { workEmail: "jan.person7@acme.nl", birthDate: "1991-01-01" })],
    ],
  ])("does not match on %s", (_case, stored, listed, others) => {
    const result = match([stored], [listed, ...others]);
    expect(result.matched).toEqual([]);
    expect(result.unmatchedKnown).toEqual([stored]);
    expect(result.unmatchedNew).toContain(listed);
  });

  it("needs no match for someone listed under a key already known (switching back and forth)", () => {
    const result = match([known("guid-7")], [read("7")]);
    expect(result).toMatchObject({ matched: [], unmatchedKnown: [], unmatchedNew: [] });
  });

  it("matches each stored person once, and counts the served ones without a birth-date hash", () => {
    const result = match(
      [known("7", { birthDate: null }), known("8", { state: "removed", birthDate: null })],
      [read("7"), read("8")],
    );
    expect(result.matched.map((entry) => entry.by)).toEqual(["e-mail", "e-mail"]);
    expect(result.withoutBirthDateHash).toBe(1);
  });

  it("re-keys the known people the plan sees, keeping their SCIM ids", () => {
    const knownPeople = new Map([
      ["7", known("7")],
      ["9", known("9")],
    ]);
    const rekeyed = rekeyedKnown(knownPeople, match([...knownPeople.values()], [read("7")]));
    expect([...rekeyed.keys()]).toEqual(["guid-7", "9"]);
    expect(rekeyed.get("guid-7")).toMatchObject({ sourceKey: "guid-7", scimId: "scim-7" });
  });
});
