import { readFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { startTuned } from "./gateway-command.js";

/**
 * `node dist/cli.js sync --connector bench` measured: peak RSS and CPU from report-usage.mjs, wall time, calls, bytes and
 * users served from the run record. Throws when the run did not succeed.
 */
export async function measuredSync(workDir: string, configPath: string, dbPath: string) {
  const usageFile = join(workDir, "usage.json");
  const sync = startTuned("sync", "cli", ["sync", "--connector", "bench", "--config", configPath], {
    preload: "./bench/children/report-usage.mjs",
    env: { BENCH_USAGE_FILE: usageFile },
    stdout: "ignore",
    stderr: "ignore",
  });
  const code = await sync.exited;
  const usage = JSON.parse(readFileSync(usageFile, "utf8")) as { maxRssKb: number; cpuMs: number };
  const db = new Database(dbPath, { readonly: true });
  try {
    const run = db
      .prepare(
        "SELECT status, started_at AS startedAt, finished_at AS finishedAt, stats, error FROM sync_runs ORDER BY id DESC LIMIT 1",
      )
      .get() as { status: string; startedAt: string; finishedAt: string; stats: string; error: string | null };
    if (code !== 0 || run.status !== "succeeded")
      throw new Error(`the sync ended ${run.status} (exit ${code}): ${run.error}`);
    const stats = JSON.parse(run.stats) as { calls: number; bytes: number; served?: number };
    return {
      wallMs: Date.parse(run.finishedAt) - Date.parse(run.startedAt),
      calls: stats.calls,
      bytes: stats.bytes,
      served: stats.served ?? 0,
      maxRssKb: usage.maxRssKb,
      cpuMs: usage.cpuMs,
    };
  } finally {
    db.close();
  }
}
