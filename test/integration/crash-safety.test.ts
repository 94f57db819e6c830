import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/open.js";
import { readRun } from "../../src/sync/run-store.js";
import { spawnTs, type Child } from "../support/child-process.js";
import { startCrashSimulator } from "../support/crash-scenario.js";
import { syncFixture } from "../support/sync-fixture.js";
import { useTempDir } from "../support/temp-dir.js";

/**
 * A real sync in a real child process (reading a Nmbrs simulator over SOAP, writing a SQLite file), killed with
 * SIGKILL at the worst moments. A run killed mid-fetch needs only a few people; a run killed mid-write needs a
 * transaction large enough to be caught in the middle (thousands of changed users spill megabytes into the WAL).
 */
const FETCH_TEAM = 1_000;
const WRITE_TEAM = 5_000;

const tempDir = useTempDir();
const children: Child[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) {
    child.kill("SIGKILL");
    await child.exited;
  }
});

/** The first run, applied in this process; returns the served directory to compare with after the crash. */
async function firstRun(path: string, teamSize: number) {
  const { sim, connector } = await startCrashSimulator("first", teamSize);
  const fixture = syncFixture({ connector, path });
  expect((await fixture.service.runNow("acme", "schedule")).status).toBe("succeeded");
  await sim.close();
  fixture.db.sqlite.pragma("wal_checkpoint(TRUNCATE)");
  const rows = fixture.directoryRows();
  fixture.db.close();
  return rows;
}

function startChild(path: string, mode: "fetch" | "write", teamSize: number): Child {
  const child = spawnTs("test/support/crash-child.ts", [path, mode, String(teamSize)]);
  children.push(child);
  return child;
}

/** Polls a condition the child's writing makes true (no fixed sleeps); fails as soon as the child has exited. */
async function waitWhileRunning(
  child: Child,
  condition: () => boolean,
  what: string,
  timeoutMs = 60_000,
): Promise<void> {
  let exited = false;
  void child.exited.then(() => (exited = true));
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (exited) throw new Error(`the child exited before ${what}:\n${child.stdout()}\n${child.stderr()}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

async function killed(child: Child): Promise<void> {
  child.kill("SIGKILL");
  expect(await child.exited).toEqual({ code: null, signal: "SIGKILL" });
}

/** After the crash: the file is sound, Okta's data is what it was, the run is marked interrupted, and a new run works. */
async function expectRecovered(path: string, servedBefore: unknown[], teamSize: number) {
  const check = openDatabase(path);
  expect(check.sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
  check.close();
  const { sim, connector } = await startCrashSimulator("write", teamSize);
  const fixture = syncFixture({ connector, path, start: "2026-01-11T09:00:00Z" });
  expect(fixture.directoryRows()).toEqual(servedBefore);
  expect(fixture.service.recoverInterruptedRuns()).toBe(1);
  expect(readRun(fixture.db.sqlite, 2)).toMatchObject({
    status: "failed",
    error: expect.stringMatching(/^interrupted/),
  });
  const next = await fixture.service.runNow("acme", "schedule");
  expect(next).toMatchObject({ status: "succeeded", stats: { created: 1, updated: teamSize, removed: 1 } });
  await sim.close();
  fixture.db.close();
}

describe("crash safety: a sync process killed with SIGKILL", () => {
  it("mid-fetch leaves the database sound and the previous generation served", async () => {
    const path = join(tempDir(), "gw.db");
    const servedBefore = await firstRun(path, FETCH_TEAM);
    const child = startChild(path, "fetch", FETCH_TEAM);
    await child.waitFor('"companiesDone":1', 60_000);
    await killed(child);
    await expectRecovered(path, servedBefore, FETCH_TEAM);
  });

  it("mid-write leaves the database sound and the previous generation served", async () => {
    const path = join(tempDir(), "gw.db");
    const servedBefore = await firstRun(path, WRITE_TEAM);
    const child = startChild(path, "write", WRITE_TEAM);
    const wal = `${path}-wal`;
    await child.waitFor('"phase":"applying"', 60_000);
    // The run's write transaction is large: its pages spill into the WAL long before it commits.
    await waitWhileRunning(
      child,
      () => existsSync(wal) && statSync(wal).size > 2_000_000,
      "the child wrote 2 MB into the WAL",
    );
    await killed(child);
    expect(child.stdout()).not.toContain("finished");
    await expectRecovered(path, servedBefore, WRITE_TEAM);
    // Three SOAP syncs of 5,000 people (before, killed, after), each reading all seven employee types and the
    // period type: on a shared test machine that is more than the suite's 30 s default, as the waits above allow.
  }, 120_000);
});
