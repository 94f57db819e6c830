import { describe, expect, it } from "vitest";
import { openDatabase } from "../../../src/db/open.js";
import { hrListEntry, listPlaceOf } from "../../../src/sync/hr-list-entry.js";
import { PeopleWrites, personRow, purgeRemovedPeople, readKnownPeople } from "../../../src/sync/people-store.js";
import type { PersonRow, PersonWrite } from "../../../src/sync/plan-types.js";
import { storedPersonHash, storedPersonJson } from "../../../src/sync/stored-person.js";
import { connectorConfig, employment, hrPerson } from "../../support/hr-data.js";
import { ScriptedSource } from "../../support/scripted-source.js";
import { syncFixture } from "../../support/sync-fixture.js";
import { useTempDir } from "../../support/temp-dir.js";

const tempDir = useTempDir();

/** The people table's columns as the run reads them, in the SELECT's order. */
const KNOWN_KEYS = [
  "sourceKey",
  "scimId",
  "seq",
  "companyNumber",
  "employeeNumber",
  "emailFold",
  "state",
  "stateReason",
  "stateSince",
  "graceSince",
  "missingSince",
  "personHash",
  "birthDateHash",
];

/**
 * Per-person objects are one literal each, in a fixed key order (issue #24: a copy spread from another object got a
 * hidden class of its own). The order is the one the spread gave, so what is stored as JSON is unchanged.
 */
describe("people rows as one literal each", () => {
  it("a person read back carries the columns in the SELECT's order, with the values stored", async () => {
    const company = { id: "1", number: "1", name: "Acme BV" };
    const source = new ScriptedSource([company]).set(company, [
      hrPerson({ sourceKey: "1", lastName: "Jansen" }),
      hrPerson({ sourceKey: "2", lastName: "Bakker", periods: [employment("2026-03-01")] }),
    ]);
    const fixture = syncFixture({ connector: connectorConfig(), source: () => source, path: `${tempDir()}/gw.db` });
    expect((await fixture.service.runNow("acme", "manual")).status).toBe("succeeded");
    const known = readKnownPeople(fixture.db.sqlite, "acme");
    expect(known.size).toBe(2);
    for (const person of known.values()) expect(Object.keys(person)).toEqual(KNOWN_KEYS);
    expect(known.get("2")).toMatchObject({ sourceKey: "2", companyNumber: "1", state: "pending", missingSince: null });
    fixture.db.close();
  });

  it("the row written is the write's keys in their order, then the source record: its JSON is as before", () => {
    const person = hrPerson({ sourceKey: "7", birthDate: "1985-04-12" });
    const write: PersonWrite = {
      sourceKey: "7",
      scimId: "00000000-0000-4000-8000-000000000007",
      seq: 7,
      companyNumber: "1",
      employeeNumber: "7",
      emailFold: "jan@acme.nl",
      state: "active",
      stateReason: "active: employment",
      stateSince: "2026-01-10T08:00:00.000Z",
      graceSince: null,
      missingSince: null,
      personHash: "h",
      birthDateHash: "b",
      person,
    };
    const { person: _person, ...rest } = write;
    const row = personRow(write);
    expect(Object.keys(row)).toEqual([...KNOWN_KEYS, "lastPerson"]);
    expect(JSON.stringify(row)).toBe(JSON.stringify({ ...rest, lastPerson: storedPersonJson(person) }));
    expect(row.lastPerson).not.toContain("1985-04-12");
    expect(personRow({ ...write, person: null }).lastPerson).toBeNull();
  });

  it("a new person's row carries the hash of the record it stores; a known person's keeps the plan's", () => {
    const person = hrPerson({ sourceKey: "8" });
    const write: PersonWrite = {
      sourceKey: "8",
      scimId: "00000000-0000-4000-8000-000000000008",
      seq: 8,
      companyNumber: "1",
      employeeNumber: "8",
      emailFold: null,
      state: "pending",
      stateReason: "pending",
      stateSince: "2026-01-10T08:00:00.000Z",
      graceSince: null,
      missingSince: null,
      personHash: null,
      birthDateHash: null,
      person,
    };
    const row = personRow(write);
    expect(row.personHash).toBe(storedPersonHash(storedPersonJson(person)));
    expect(row.personHash).toBe(storedPersonHash(row.lastPerson!));
    expect(personRow({ ...write, personHash: "h" }).personHash).toBe("h");
    expect(personRow({ ...write, person: null }).personHash).toBeNull();
  });
});

describe("the HR list written with the people", () => {
  const listRows = (sqlite: import("../../../src/db/open.js").Sqlite) =>
    sqlite
      .prepare(
        `SELECT scim_id AS scimId, state, sort_name AS sortName, display_name AS displayName, email,
           employee_number AS employeeNumber, company_name AS companyName, terms FROM hr_list ORDER BY scim_id`,
      )
      .all();
  const row = (n: number, state: PersonRow["state"], record: ReturnType<typeof hrPerson> | null): PersonRow => ({
    sourceKey: String(n),
    scimId: `u${n}`,
    seq: n,
    companyNumber: "1",
    employeeNumber: String(n),
    emailFold: null,
    state,
    stateReason: "test",
    stateSince: "2026-01-10T08:00:00.000Z",
    graceSince: null,
    missingSince: null,
    personHash: null,
    birthDateHash: null,
    lastPerson: record && storedPersonJson(record),
  });
  /** The rows written in one go, as the apply writes them (one at a time, then finished). */
  const writePeople = (sqlite: import("../../../src/db/open.js").Sqlite, rows: PersonRow[], now: string) => {
    const writes = new PeopleWrites(sqlite, "acme", now);
    for (const one of rows) writes.write(one);
    writes.finish();
  };

  it("holds hrListEntry's row of each person written, keeps an unlisted person's name, and lists the purged by number", () => {
    const db = openDatabase(":memory:");
    db.sqlite
      .prepare(
        "INSERT INTO connectors (id, kind, origin, settings, created_at, updated_at) VALUES ('acme', 'nmbrs-soap', 'file', '{}', 'x', 'x')",
      )
      .run();
    // More people than one batch of list rows, so that batches and their order are exercised.
    const people = Array.from({ length: 10_050 }, (_, index) =>
      hrPerson({
        sourceKey: String(index + 1),
        employeeNumber: String(index + 1),
        lastName: `Naam${(index * 7919) % 10_050}`,
      }),
    );
    writePeople(
      db.sqlite,
      people.map((person, index) => row(index + 1, "active", person)),
      "2026-01-10T08:00:00.000Z",
    );
    const expected = people.map((person, index) =>
      hrListEntry(listPlaceOf({ scimId: `u${index + 1}`, state: "active", employeeNumber: String(index + 1) }, person)),
    );
    expect(listRows(db.sqlite)).toEqual(expected.sort((a, b) => (a.scimId < b.scimId ? -1 : 1)));

    // Person 1 is no longer listed (no record in the write): the stored one still names them.
    writePeople(
      db.sqlite,
      [{ ...row(1, "removed", null), stateSince: "2026-01-01T00:00:00.000Z" }],
      "2026-01-11T08:00:00.000Z",
    );
    expect(listRows(db.sqlite)[0]).toEqual(
      hrListEntry(listPlaceOf({ scimId: "u1", state: "removed", employeeNumber: "1" }, people[0]!)),
    );

    expect(purgeRemovedPeople(db.sqlite, "acme", "2026-01-05T00:00:00.000Z")).toBe(1);
    expect(listRows(db.sqlite)[0]).toEqual(
      hrListEntry(listPlaceOf({ scimId: "u1", state: "removed", employeeNumber: "1" }, null)),
    );
    expect(db.sqlite.prepare("SELECT state, people FROM hr_list_counts ORDER BY state").all()).toEqual([
      { state: "active", people: 10_049 },
      { state: "removed", people: 1 },
    ]);
    db.close();
  });
});
