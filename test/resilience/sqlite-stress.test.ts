import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readRun } from "../../src/sync/run-store.js";
import { spawnTs, type Child } from "../support/child-process.js";
import { assignDepartment } from "../../testkit/nmbrs-sim/dataset-mutations.js";
import type { NmbrsSimulator } from "../../testkit/nmbrs-sim/soap/simulator.js";
import { ACME_NMBRS, hire, scenarioDataset, simConnector, startScenarioSimulator } from "../support/nmbrs-scenario.js";
import { syncFixture, type SyncFixture } from "../support/sync-fixture.js";
import { useTempDir } from "../support/temp-dir.js";

const tempDir = useTempDir("hrgw-sqlite-");
const children: Child[] = [];
const fixtures: SyncFixture[] = [];
const simulators: NmbrsSimulator[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) child.kill();
  for (const fixture of fixtures.splice(0)) fixture.db.close();
  for (const sim of simulators.splice(0)) await sim.close();
});

const TEAM = 500;
const SALES = { code: 10, description: "Sales" };
const FINANCE = { code: 20, description: "Finance" };

/** A database with one applied run, and Nmbrs data whose next read changes everyone's department (a large write). */
async function syncedDatabase() {
  const path = join(tempDir(), "gw.db");
  const dataset = scenarioDataset([ACME_NMBRS]);
  const team = Array.from({ length: TEAM }, (_, i) => hire(dataset, { lastName: `Person${i}`, department: SALES }));
  // The fixture's clock starts on 2026-01-10; Nmbrs agrees on the date.
  const sim = await startScenarioSimulator(dataset, { today: "2026-01-10" });
  simulators.push(sim);
  const connector = simConnector(sim, { groups: { kinds: ["department"] }, max_deactivation_percent: 100 });
  const fixture = syncFixture({ connector, path });
  fixtures.push(fixture);
  expect((await fixture.service.runNow("acme", "schedule")).status).toBe("succeeded");
  const servedBefore = fixture.directoryRows();
  for (const employee of team) assignDepartment(dataset, employee.employeeId, FINANCE, "2026-01-01");
  return { path, sim, fixture, servedBefore };
}

/**
 * A second sync of a synced database, while another process takes the write lock during the read and keeps it
 * `holdMs`: the sync's commit meets the lock.
 */
async function syncMeetingLock(holdMs: number) {
  const database = await syncedDatabase();
  let open!: () => void;
  // Nmbrs answers the department read only once the other process holds the lock, so the commit meets it.
  const until = new Promise<void>((resolve) => (open = resolve));
  database.sim.faults.add({
    fault: { kind: "hold", until },
    operation: "EmployeeService.Department_GetAll_AllEmployeesByCompany",
    times: 1,
  });
  const holder = spawnTs("test/support/sqlite-lock-holder.ts", [database.path, String(holdMs)]);
  children.push(holder);
  const run = database.fixture.service.runNow("acme", "schedule");
  await holder.waitFor("locked");
  open();
  return { ...database, holder, outcome: await run };
}

describe("SQLite under stress", () => {
  it("a sync whose commit meets another process's write lock waits for it (busy timeout) and succeeds", async () => {
    const { fixture, servedBefore, holder, outcome } = await syncMeetingLock(1_500);
    expect(outcome).toMatchObject({ status: "succeeded", stats: { updated: TEAM } });
    await holder.waitFor("released");
    expect(fixture.directoryRows()).not.toEqual(servedBefore);
  });

  it("a lock held longer than the busy timeout fails the run cleanly: recorded, nothing applied, the next run succeeds", async () => {
    const { fixture, servedBefore, holder, outcome } = await syncMeetingLock(7_000);
    expect(outcome.status).toBe("failed");
    expect(outcome.message).toMatch(/database was locked by another process/);
    expect(readRun(fixture.db.sqlite, outcome.runId)).toMatchObject({ status: "failed" });
    expect(fixture.directoryRows()).toEqual(servedBefore);
    expect(fixture.db.sqlite.pragma("integrity_check", { simple: true })).toBe("ok");

    await holder.exited;
    expect(await fixture.service.runNow("acme", "schedule")).toMatchObject({
      status: "succeeded",
      stats: { updated: TEAM },
    });
  });

  it("a full disk during a sync fails the run, keeps the served data and the file sound", async () => {
    const { fixture, servedBefore } = await syncedDatabase();
    const { sqlite } = fixture.db;
    sqlite.pragma("wal_checkpoint(TRUNCATE)");
    // The database may grow by a few pages only: the run record fits, rewriting 500 users does not.
    const pages = sqlite.pragma("page_count", { simple: true }) as number;
    sqlite.pragma(`max_page_count = ${pages + 8}`);
    const outcome = await fixture.service.runNow("acme", "schedule");
    expect(outcome.status).toBe("failed");
    expect(outcome.message).toMatch(/disk is full|database or disk is full/);
    expect(readRun(sqlite, outcome.runId)).toMatchObject({ status: "failed" });
    expect(fixture.directoryRows()).toEqual(servedBefore);
    expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");

    sqlite.pragma("max_page_count = 1073741823");
    expect(await fixture.service.runNow("acme", "schedule")).toMatchObject({
      status: "succeeded",
      stats: { updated: TEAM },
    });
  });
});
