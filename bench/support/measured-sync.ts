import { readFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { startTuned } from "./gateway-command.js";

/** A benchmark sync's own figures: its run record's wall time and stats, its process's peak RSS and CPU time. */
export interface MeasuredSync {
  readonly wallMs: number;
  readonly stats: {
    calls: number;
    bytes: number;
    served?: number;
    created?: number;
    updated?: number;
    unchangedSince?: number;
  };
  readonly maxRssKb: number;
  readonly cpuMs: number;
}

/**
 * `node dist/cli.js sync` of one connector in its own process, tuned as the launcher tunes it; its peak RSS and CPU
 * come from a preload that reports them at exit, the rest from the run it recorded. A run that did not succeed
 * throws: a benchmark of a failed sync measures nothing.
 */
export async function runMeasuredSync(
  connector: string,
  configPath: string,
  dbPath: string,
  workDir: string,
): Promise<MeasuredSync> {
  const usageFile = join(workDir, "sync-usage.json");
  const sync = startTuned("sync", "cli", ["sync", "--connector", connector, "--config", configPath], {
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
      throw new Error(`the benchmark sync ended ${run.status} (exit ${code}): ${run.error}`);
    return {
      wallMs: Date.parse(run.finishedAt) - Date.parse(run.startedAt),
      stats: JSON.parse(run.stats) as MeasuredSync["stats"],
      maxRssKb: usage.maxRssKb,
      cpuMs: usage.cpuMs,
    };
  } finally {
    db.close();
  }
}

/** {@link runMeasuredSync} of the connector `bench`, its figures flat, as the per-source benchmarks report them. */
export async function measuredSync(workDir: string, configPath: string, dbPath: string) {
  const { wallMs, stats, maxRssKb, cpuMs } = await runMeasuredSync("bench", configPath, dbPath, workDir);
  return { wallMs, calls: stats.calls, bytes: stats.bytes, served: stats.served ?? 0, maxRssKb, cpuMs };
}
