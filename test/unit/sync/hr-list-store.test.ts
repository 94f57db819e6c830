import { describe, expect, it } from "vitest";
import { openDatabase, type Sqlite } from "../../../src/db/open.js";
import { hrList } from "../../../src/db/schema.js";
import { displayNames, listedPeople, peoplePerState, stateCounts } from "../../../src/sync/hr-list-store.js";
import { connectorConfig, employment, hrPerson } from "../../support/hr-data.js";
import { ScriptedSource } from "../../support/scripted-source.js";
import { syncFixture } from "../../support/sync-fixture.js";

function listed() {
  const db = openDatabase(":memory:");
  const row = (scimId: string, displayName: string, employeeNumber: string, companyName: string | null) => ({
    scimId,
    connectorId: "acme",
    state: "active",
    sortName: displayName.toLowerCase(),
    displayName,
    email: null,
    employeeNumber,
    companyName,
    terms: displayName.toLowerCase(),
  });
  db.orm
    .insert(hrList)
    .values([
      row("u1", "Anna de Vries", "7", "Acme BV"),
      row("u2", "Bram Ölçer", "12", null),
      row("u3", "Cor", "3", null),
    ])
    .run();
  return db;
}

describe("HR list store: people by SCIM id", () => {
  it("finds every listed id asked for, and leaves out ids no longer listed", () => {
    const db = listed();
    expect(listedPeople(db.sqlite, ["u2", "gone", "u1"])).toEqual(
      new Map([
        ["u1", { name: "Anna de Vries", employeeNumber: "7", companyName: "Acme BV" }],
        ["u2", { name: "Bram Ölçer", employeeNumber: "12", companyName: null }],
      ]),
    );
    expect(displayNames(db.sqlite, ["u3"])).toEqual(new Map([["u3", "Cor"]]));
    expect(listedPeople(db.sqlite, [])).toEqual(new Map());
    db.close();
  });
});

describe("HR list store: people per state (hr_list_counts)", () => {
  const company = { id: "1001", number: "1", name: "Acme BV" };
  const countedOverList = (sqlite: Sqlite) =>
    sqlite
      .prepare("SELECT connector_id AS connector, state, count(*) AS people FROM hr_list GROUP BY connector_id, state")
      .all();
  const byConnectorAndState = (rows: { connector: string; state: string }[]) =>
    [...rows].sort((a, b) => `${a.connector} ${a.state}`.localeCompare(`${b.connector} ${b.state}`));

  it("stays exactly what hr_list holds across a run that changes states, a purge and a deleted connector", async () => {
    const source = new ScriptedSource([company]);
    const anna = hrPerson({ sourceKey: "1", lastName: "Jansen" });
    const bram = hrPerson({ sourceKey: "2", lastName: "Bakker" });
    const cor = hrPerson({ sourceKey: "3", lastName: "Visser" });
    const dirk = hrPerson({ sourceKey: "4", lastName: "Smit", periods: [employment("2026-03-01")] });
    source.set(company, [anna, bram, cor, dirk]);
    const fixture = syncFixture({
      connector: connectorConfig({ max_deactivation_percent: 100, retention_days: 10 }),
      source: () => source,
    });
    const { sqlite } = fixture.db;
    const expectCounts = (expected: Record<string, number>) => {
      expect(byConnectorAndState(peoplePerState(sqlite))).toEqual(
        byConnectorAndState(countedOverList(sqlite) as never),
      );
      expect(stateCounts(sqlite, "acme")).toEqual(expected);
    };

    expect((await fixture.service.runNow("acme", "manual")).status).toBe("succeeded");
    expectCounts({ active: 3, pending: 1 });

    // Bram leaves, Cor is no longer listed, Dirk starts: three states change in one run.
    source.set(company, [anna, { ...bram, periods: [employment("2020-01-01", "2026-01-09")] }, dirk]);
    fixture.clock.set("2026-03-01T08:00:00Z");
    expect((await fixture.service.runNow("acme", "manual")).status).toBe("succeeded");
    expectCounts({ active: 2, inactive: 2 });

    // Past retention_days: no longer served.
    fixture.clock.set("2026-04-01T08:00:00Z");
    expect((await fixture.service.runNow("acme", "manual")).status).toBe("succeeded");
    expectCounts({ active: 2, removed: 2 });

    // Removed long enough ago: their source records are purged, their rows in the list rewritten, the counts unmoved.
    fixture.clock.set("2026-06-01T08:00:00Z");
    expect((await fixture.service.runNow("acme", "manual")).status).toBe("succeeded");
    expect(sqlite.prepare("SELECT count(*) FROM people WHERE last_person IS NULL").pluck().get()).toBe(2);
    expectCounts({ active: 2, removed: 2 });

    fixture.registry.delete("acme");
    expect(peoplePerState(sqlite)).toEqual([]);
    expect(countedOverList(sqlite)).toEqual([]);
    expect(stateCounts(sqlite, "acme")).toEqual({});
    fixture.db.close();
  });
});
