import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/open.js";
import { readRun } from "../../src/sync/run-records.js";
import { crashScenario } from "../support/crash-scenario.js";
import { syncFixture } from "../support/sync-fixture.js";
import { useTempDir } from "../support/temp-dir.js";

const tempDir = useTempDir();
const children: ChildProcess[] = [];
afterEach(() => children.splice(0).forEach((child) => child.kill("SIGKILL")));

/** The first run, applied in this process; returns the served directory to compare with after the crash. */
async function firstRun(path: string) {
  const { source, connector } = crashScenario("first");
  const fixture = syncFixture({ connector, source: () => source, path });
  expect((await fixture.service.runNow("acme", "schedule")).status).toBe("succeeded");
  fixture.db.sqlite.pragma("wal_checkpoint(TRUNCATE)");
  const rows = fixture.directoryRows();
  fixture.db.close();
  return rows;
}

function startChild(path: string, mode: "fetch" | "write") {
  const child = spawn(process.execPath, ["--import", "tsx", join(import.meta.dirname, "../support/crash-child.ts"), path, mode], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  return { child, output: () => output };
}

/** Polls a condition the child's progress makes true; no fixed sleeps. */
async function waitFor(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

async function killed(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}

/** After the crash: the file is sound, Okta's data is what it was, the run is marked interrupted, and a new run works. */
async function expectRecovered(path: string, servedBefore: unknown[]) {
  const check = openDatabase(path);
  expect(check.sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
  check.close();
  const { source, connector } = crashScenario("write");
  const fixture = syncFixture({ connector, source: () => source, path, start: "2026-01-11T09:00:00Z" });
  expect(fixture.directoryRows()).toEqual(servedBefore);
  expect(fixture.service.recoverInterruptedRuns()).toBe(1);
  expect(readRun(fixture.db.sqlite, 2)).toMatchObject({ status: "failed", error: expect.stringMatching(/^interrupted/) });
  const next = await fixture.service.runNow("acme", "schedule");
  expect(next).toMatchObject({ status: "succeeded", stats: { created: 1, updated: 20_000, removed: 1 } });
  fixture.db.close();
}

describe("crash safety: a sync process killed with SIGKILL", () => {
  it("mid-fetch leaves the database sound and the previous generation served", async () => {
    const path = join(tempDir(), "gw.db");
    const servedBefore = await firstRun(path);
    const { child, output } = startChild(path, "fetch");
    await waitFor(() => output().includes('"companiesDone":1'), "the child to read the first company");
    await killed(child);
    await expectRecovered(path, servedBefore);
  });

  it("mid-write leaves the database sound and the previous generation served", async () => {
    const path = join(tempDir(), "gw.db");
    const servedBefore = await firstRun(path);
    const { child, output } = startChild(path, "write");
    const wal = `${path}-wal`;
    // The run's write transaction is large: its pages spill into the WAL long before it commits.
    await waitFor(() => output().includes('"phase":"applying"') && existsSync(wal) && statSync(wal).size > 2_000_000, "the child to write");
    await killed(child);
    expect(output()).not.toContain("finished");
    await expectRecovered(path, servedBefore);
  });
});
