/**
 * `tsx bench/idle-after-sync.ts [companies] [employees per company]` (after `npm run build`): the gateway's RSS, its
 * process and its children together, idle before the one sync its scheduler runs, at the peak during it, and idle
 * after it, with the sync's wall time, as one JSON line. No load: what a sync leaves in the gateway. Used for the A/B
 * of a sync on a worker thread or in a child process (BENCHMARKS.md).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { startGateway } from "./support/gateway-command.js";
import { writeGatewayConfig } from "./support/gateway-config.js";
import { firstJsonLine, freePort, rssMbOf, startNode, stopChild, untilOk } from "./support/processes.js";

const [companies = "10", employees = "1000"] = process.argv.slice(2);
const SYNC_STARTS_AFTER_MS = 20_000;
const IDLE_MS = 10_000;
const SAMPLE_MS = 500;

const workDir = mkdtempSync(join(tmpdir(), "hrgw-idle-after-sync-"));
const simulator = startNode([
  "--import",
  "tsx",
  "testkit/nmbrs-sim/cli.ts",
  "--companies",
  companies,
  "--employees",
  employees,
  "--seed",
  "1",
]);
try {
  const { url } = await firstJsonLine<{ url: string }>(simulator);
  const port = await freePort();
  const dbPath = join(workDir, "gateway.db");
  const syncAt = new Date(Date.now() + SYNC_STARTS_AFTER_MS);
  const gateway = startGateway(writeGatewayConfig(join(workDir, "config.toml"), { dbPath, port, simUrl: url, syncAt }));
  try {
    await untilOk(`http://127.0.0.1:${port}/readyz`, performance.now(), gateway);
    const samples: { at: number; mb: number }[] = [];
    const sampler = setInterval(() => samples.push({ at: Date.now(), mb: rssMbOf(gateway.pid) }), SAMPLE_MS);
    const run = await finishedRun(dbPath);
    const ended = Date.now();
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    clearInterval(sampler);
    const before = samples.filter((sample) => sample.at < syncAt.getTime() - 1000).map((sample) => sample.mb);
    const after = samples.filter((sample) => sample.at > ended + IDLE_MS / 2).map((sample) => sample.mb);
    console.log(
      JSON.stringify({
        employees: Number(companies) * Number(employees),
        status: run.status,
        syncWallSeconds: run.wallMs / 1000,
        idleBeforeMb: Math.round(median(before)),
        peakMb: Math.round(Math.max(...samples.map((sample) => sample.mb))),
        idleAfterMb: Math.round(median(after)),
      }),
    );
  } finally {
    await stopChild(gateway);
  }
} finally {
  await stopChild(simulator);
  rmSync(workDir, { recursive: true, force: true });
}

async function finishedRun(dbPath: string): Promise<{ status: string; wallMs: number }> {
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
    const db = new Database(dbPath, { readonly: true });
    try {
      const run = db
        .prepare("SELECT status, started_at AS startedAt, finished_at AS finishedAt FROM sync_runs ORDER BY id DESC")
        .get() as { status: string; startedAt: string; finishedAt: string | null } | undefined;
      if (run && run.finishedAt !== null)
        return { status: run.status, wallMs: Date.parse(run.finishedAt) - Date.parse(run.startedAt) };
    } finally {
      db.close();
    }
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}
