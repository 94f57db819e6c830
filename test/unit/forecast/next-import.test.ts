import { describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../../src/db/open.js";
import { pruneSuperseded } from "../../../src/directory/prune.js";
import { countInGeneration } from "../../../src/directory/read-generation.js";
import { forecastNextImport } from "../../../src/forecast/next-import.js";
import { addConnector, commit, group, user } from "../../support/scim-fixtures.js";

const day = (n: number) => new Date(Date.UTC(2026, 0, n, 8));

function freshDb(): Db {
  const db = openDatabase(":memory:");
  addConnector(db, "acme");
  return db;
}

let scans = 0;
/** A row of scim_imports as the SCIM API's import log writes it. */
function scanSeen(
  db: Db,
  gen: number,
  at: string,
  options: { kind?: "import" | "connection-test"; complete?: boolean; type?: "User" | "Group" } = {},
): void {
  db.sqlite
    .prepare(
      `INSERT INTO scim_imports (id, connector_id, resource_type, kind, generation, page_size, total_results, pages, resources_served, started_at, last_page_at, completed_at)
       VALUES (?, 'acme', ?, ?, ?, 100, 0, 1, 0, ?, ?, ?)`,
    )
    .run(
      `scan-${++scans}`,
      options.type ?? "User",
      options.kind ?? "import",
      gen,
      at,
      at,
      options.complete === false ? null : at,
    );
}

describe("keeping what Okta last saw", () => {
  it("does not prune the users of the generation Okta's latest complete import read", () => {
    const db = freshDb();
    const jan = user(1);
    commit(db, "acme", [jan, group(1, "Sales", [jan])], day(1));
    scanSeen(db, 1, "2026-01-01T09:00:00.000Z");
    commit(db, "acme", [user(1, { title: "Lead" }), group(1, "Sales", [])], day(2));
    commit(db, "acme", [user(1, { title: "CTO" })], day(3));

    pruneSuperseded(db.sqlite, "acme", 3);
    expect(countInGeneration(db.sqlite, "acme", "User", 1)).toBe(1);
    expect(countInGeneration(db.sqlite, "acme", "User", 2)).toBe(0); // nobody needs generation 2
    expect(countInGeneration(db.sqlite, "acme", "Group", 1)).toBe(0); // groups are not forecast

    scanSeen(db, 3, "2026-01-03T09:00:00.000Z"); // Okta's next import moves the pin
    pruneSuperseded(db.sqlite, "acme", 3);
    expect(db.sqlite.prepare("SELECT count(*) FROM scim_resources").pluck().get()).toBe(1);
  });

  it.each([
    ["a connection test", { kind: "connection-test" as const }],
    ["an import Okta abandoned", { complete: false }],
    ["a group import", { type: "Group" as const }],
  ])("does not keep a generation for %s", (_what, options) => {
    const db = freshDb();
    commit(db, "acme", [user(1)], day(1));
    scanSeen(db, 1, "2026-01-01T09:00:00.000Z", options);
    commit(db, "acme", [user(1, { title: "Lead" })], day(2));
    expect(pruneSuperseded(db.sqlite, "acme", 2)).toBe(1);
  });
});

describe("forecastNextImport", () => {
  it("says so when Okta has not completed an import yet", () => {
    const db = freshDb();
    commit(db, "acme", [user(1)], day(1));
    scanSeen(db, 1, "2026-01-01T09:00:00.000Z", { complete: false });
    expect(forecastNextImport(db.sqlite, "acme")).toEqual({ kind: "no-import" });
  });

  it("diffs the generation of the latest complete import against the current one", () => {
    const db = freshDb();
    commit(db, "acme", [user(1), user(2)], day(1));
    scanSeen(db, 1, "2026-01-01T09:00:00.000Z");
    commit(db, "acme", [user(1, { active: false }), user(3)], day(2));
    pruneSuperseded(db.sqlite, "acme", 2);
    const result = forecastNextImport(db.sqlite, "acme");
    expect(result).toMatchObject({
      kind: "ready",
      lastImport: { generation: 1, completedAt: "2026-01-01T09:00:00.000Z" },
      currentGeneration: 2,
      forecast: { counts: { new: 1, updated: 0, deactivated: 1, reactivated: 0, removed: 1 } },
    });
  });

  it("refuses to guess when the users that import saw were pruned before they were kept", () => {
    const db = freshDb();
    commit(db, "acme", [user(1)], day(1));
    commit(db, "acme", [user(1, { title: "Lead" })], day(2));
    pruneSuperseded(db.sqlite, "acme", 2); // no import seen yet: generation 1's row goes
    scanSeen(db, 1, "2026-01-01T09:00:00.000Z"); // e.g. recorded by the log just before the upgrade
    expect(forecastNextImport(db.sqlite, "acme")).toMatchObject({
      kind: "baseline-gone",
      lastImport: { generation: 1 },
    });
  });
});

describe("the users Okta has linked", () => {
  it("remembers everyone an import saw active, so a rehire after deactivation is forecast as a reactivation", () => {
    const db = freshDb();
    commit(db, "acme", [user(1), user(2)], day(1));
    scanSeen(db, 1, "2026-01-01T09:00:00.000Z");
    commit(db, "acme", [user(1), user(2, { active: false })], day(2));
    scanSeen(db, 2, "2026-01-02T09:00:00.000Z");
    commit(db, "acme", [user(1), user(2, { active: false, title: "Lead" })], day(3));
    pruneSuperseded(db.sqlite, "acme", 3); // generation 1 goes; its active users are recorded first
    commit(db, "acme", [user(1), user(2)], day(4));
    expect(forecastNextImport(db.sqlite, "acme")).toMatchObject({
      kind: "ready",
      lastImport: { generation: 2 },
      forecast: { counts: { new: 0, updated: 0, deactivated: 0, reactivated: 1, removed: 0 }, unchanged: 1 },
    });
  });
});
