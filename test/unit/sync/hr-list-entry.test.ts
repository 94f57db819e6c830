import { describe, expect, it } from "vitest";
import { hrListEntry, type ListedRecord, listedRecordOf, listPlaceOf } from "../../../src/sync/hr-list-entry.js";

type Person = Parameters<typeof listPlaceOf>[0];
/** A person's row where the list places them, as the HR list's writers make it. */
const rowOf = (person: Person, record: ListedRecord | null) => hrListEntry(listPlaceOf(person, record));

const person = { scimId: "u1", state: "active", employeeNumber: "1001" };
const record = (overrides: Partial<ListedRecord>): ListedRecord => ({
  displayName: null,
  nickname: null,
  firstName: null,
  initials: null,
  prefix: null,
  lastName: null,
  workEmail: null,
  privateEmail: null,
  company: { name: "Acme BV" },
  ...overrides,
});

describe("hrListEntry: the HR list's row of a person at their place", () => {
  it.each([
    ["HR's display name first, trimmed", { displayName: "  Kees de Vries ", firstName: "Cornelis" }, "Kees de Vries"],
    [
      "else roepnaam, prefix and last name",
      { nickname: "Kees", firstName: "Cornelis", prefix: "de", lastName: "Vries" },
      "Kees de Vries",
    ],
    [
      "the first name when there is no roepnaam",
      { nickname: " ", firstName: "Cornelis", lastName: "Vries" },
      "Cornelis Vries",
    ],
    [
      "the initials when there is no given name",
      { initials: "C.", prefix: "van ’t", lastName: "Hof" },
      "C. van ’t Hof",
    ],
    ["a last name alone", { lastName: "Öztürk" }, "Öztürk"],
    ["the employee number when HR has no name", { displayName: "", nickname: "  " }, "1001"],
  ])("display name: %s", (_rule, overrides, displayName) => {
    expect(rowOf(person, record(overrides)).displayName).toBe(displayName);
  });

  it("sorts by the folded display name and searches every name form, both addresses and the employee number", () => {
    const entry = rowOf(
      person,
      record({
        nickname: "Özge",
        firstName: "Özgül",
        prefix: "van ’t",
        lastName: "Hof",
        workEmail: "ozge.hof@acme.nl",
        privateEmail: "Ozge@Example.nl",
      }),
    );
    expect(entry).toEqual({
      scimId: "u1",
      state: "active",
      sortName: "ozge van t hof",
      displayName: "Özge van ’t Hof",
      email: "ozge.hof@acme.nl",
      employeeNumber: "1001",
      companyName: "Acme BV",
      terms:
        "ozge van t hof | van t hof | ozgul van t hof | hof, ozge van t | hof, ozgul van t | ozge.hof@acme.nl | ozge@example.nl | 1001",
    });
  });

  it("shows the private address when HR has no work address", () => {
    expect(rowOf(person, record({ lastName: "Bos", privateEmail: "bos@example.nl" })).email).toBe("bos@example.nl");
  });

  it("lists a person whose record was purged by employee number, with their state", () => {
    expect(rowOf({ ...person, state: "removed" }, null)).toEqual({
      scimId: "u1",
      state: "removed",
      sortName: "1001",
      displayName: "1001",
      email: null,
      employeeNumber: "1001",
      companyName: null,
      terms: "1001",
    });
  });

  it("lists a record read back from its stored JSON as the record itself, keeping only what the list reads", () => {
    const stored = {
      ...record({ nickname: "Kees", prefix: "de", lastName: "Vries", workEmail: "kees@acme.nl" }),
      sourceKey: "1001",
      company: { number: "1", name: "Acme BV" },
    };
    const listed = listedRecordOf(JSON.stringify(stored));
    expect(rowOf(person, listed)).toEqual(rowOf(person, stored));
    expect(Object.keys(listed)).not.toContain("sourceKey");
    expect(listed.company).toEqual({ name: "Acme BV" });
    expect(rowOf(person, listedRecordOf(JSON.stringify({ ...stored, company: null })))).toEqual(
      rowOf(person, { ...stored, company: null }),
    );
  });
});
