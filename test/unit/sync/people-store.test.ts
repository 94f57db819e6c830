import { describe, expect, it } from "vitest";
import { personRow, readKnownPeople } from "../../../src/sync/people-store.js";
import type { PersonWrite } from "../../../src/sync/plan-types.js";
import { storedPersonJson } from "../../../src/sync/stored-person.js";
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
});
