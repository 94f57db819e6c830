import { describe, expect, it } from "vitest";
import { openDatabase } from "../../../src/db/open.js";
import {
  decideRun,
  finishedRunAfter,
  finishRun,
  heldRunsPerConnector,
  lastSuccessPerConnector,
  listRuns,
  newestRunId,
  readRun,
  runHeadlines,
  type RunStatus,
  startRun,
} from "../../../src/sync/run-store.js";

const at = "2026-03-02T09:00:00.000Z";

/** Runs of two connectors, finished with these statuses in this order ("running" stays running). */
function runs(statuses: readonly (readonly [string, RunStatus])[]) {
  const db = openDatabase(":memory:");
  db.sqlite
    .prepare(
      "INSERT INTO connectors (id, kind, origin, settings, created_at, updated_at) VALUES (?, 'nmbrs', 'file', '{}', ?, ?)",
    )
    .run("acme", at, at);
  db.sqlite
    .prepare(
      "INSERT INTO connectors (id, kind, origin, settings, created_at, updated_at) VALUES (?, 'nmbrs', 'file', '{}', ?, ?)",
    )
    .run("beta", at, at);
  for (const [connectorId, status] of statuses) {
    const id = startRun(db.sqlite, connectorId, "manual", at);
    if (status !== "running") finishRun(db.sqlite, id, { status, finishedAt: at, appliedGen: id });
  }
  return db;
}

describe("run store", () => {
  it("the dashboard's headlines: last finished, last applied, held", () => {
    const db = runs([
      ["acme", "succeeded"],
      ["acme", "held"],
      ["beta", "succeeded"],
      ["acme", "failed"],
      ["acme", "running"],
    ]);
    const { lastRun, lastSuccess, heldRun } = runHeadlines(db.sqlite, "acme");
    expect([lastRun?.id, lastSuccess?.id, heldRun?.id]).toEqual([4, 1, 2]);
    expect(runHeadlines(db.sqlite, "nobody")).toEqual({ lastRun: null, lastSuccess: null, heldRun: null });
    db.close();
  });

  it("lists newest first, per connector and before an id", () => {
    const db = runs([
      ["acme", "succeeded"],
      ["beta", "succeeded"],
      ["acme", "failed"],
      ["acme", "succeeded"],
    ]);
    expect(listRuns(db.sqlite, { limit: 10 }).map((run) => run.id)).toEqual([4, 3, 2, 1]);
    expect(listRuns(db.sqlite, { connectorId: "acme", beforeId: 4, limit: 10 }).map((run) => run.id)).toEqual([3, 1]);
    expect(listRuns(db.sqlite, { limit: 1 }).map((run) => run.id)).toEqual([4]);
    db.close();
  });

  it('"Sync now" finds the run it started: the first finished one after the newest before it', () => {
    const db = runs([
      ["acme", "succeeded"],
      ["acme", "running"],
      ["beta", "failed"],
    ]);
    expect(newestRunId(db.sqlite, "acme")).toBe(2);
    expect(newestRunId(db.sqlite, "nobody")).toBe(0);
    expect(finishedRunAfter(db.sqlite, "acme", 1)).toBeNull();
    finishRun(db.sqlite, 2, { status: "succeeded", finishedAt: at });
    expect(finishedRunAfter(db.sqlite, "acme", 1)?.id).toBe(2);
    db.close();
  });

  it("a decision keeps the applied generation unless it names one, and drops the held plan", () => {
    const db = runs([
      ["acme", "held"],
      ["acme", "held"],
    ]);
    finishRun(db.sqlite, 1, { status: "held", finishedAt: at, appliedGen: 7, plan: Buffer.from("plan") });
    decideRun(db.sqlite, 1, { status: "rejected", by: "anna", at });
    decideRun(db.sqlite, 2, { status: "approved", by: "anna", at, appliedGen: 9 });
    expect(readRun(db.sqlite, 1)).toMatchObject({
      status: "rejected",
      appliedGen: 7,
      decidedBy: "anna",
      decidedAt: at,
    });
    expect(readRun(db.sqlite, 2)).toMatchObject({ status: "approved", appliedGen: 9 });
    expect(db.sqlite.prepare("SELECT count(*) FROM sync_runs WHERE plan IS NOT NULL").pluck().get()).toBe(0);
    db.close();
  });

  it("the metrics: per connector the last successful run's end and the held runs, also for one without runs", () => {
    const db = runs([
      ["acme", "succeeded"],
      ["acme", "held"],
      ["acme", "held"],
      ["acme", "failed"],
    ]);
    finishRun(db.sqlite, 1, { status: "succeeded", finishedAt: "2026-03-03T10:00:00.000Z" });
    expect(lastSuccessPerConnector(db.sqlite)).toEqual([
      { connector: "acme", at: "2026-03-03T10:00:00.000Z" },
      { connector: "beta", at: null },
    ]);
    expect(heldRunsPerConnector(db.sqlite)).toEqual([
      { connector: "acme", held: 2 },
      { connector: "beta", held: 0 },
    ]);
    db.close();
  });
});
