import { readFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { startTuned } from "./gateway-command.js";
import { clockTicksToMs } from "./processes.js";
import { count, type Section } from "./results.js";

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
  /** The part of cpuMs spent on the process's main thread (JavaScript, SQLite, GC pauses); null off Linux. */
  readonly mainThreadCpuMs: number | null;
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
  return measuredRun(await sync.exited, usageFile, dbPath);
}

/**
 * The figures of a benchmark sync that has ended with exit `code`: usage from the preload's file, the rest from the
 * last run the database recorded (the CLI's sync and a source's own sync child both end this way).
 */
export function measuredRun(code: number, usageFile: string, dbPath: string): MeasuredSync {
  const usage = JSON.parse(readFileSync(usageFile, "utf8")) as {
    maxRssKb: number;
    cpuMs: number;
    mainThreadTicks: number | null;
  };
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
      mainThreadCpuMs: usage.mainThreadTicks === null ? null : clockTicksToMs(usage.mainThreadTicks),
    };
  } finally {
    db.close();
  }
}

/** {@link runMeasuredSync} of the connector `bench`, its figures flat, as the per-source benchmarks report them. */
export async function measuredSync(workDir: string, configPath: string, dbPath: string) {
  return flatFigures(await runMeasuredSync("bench", configPath, dbPath, workDir));
}

export type SyncFigures = ReturnType<typeof flatFigures>;

export function flatFigures({ wallMs, stats, maxRssKb, cpuMs }: MeasuredSync) {
  return { wallMs, calls: stats.calls, bytes: stats.bytes, served: stats.served ?? 0, maxRssKb, cpuMs };
}

/** The lines every per-source sync benchmark reports after its own (wall time, calls): bytes, process, served. */
export function addSyncFigures(section: Section, run: string, figures: SyncFigures, people: number): void {
  section.add(`${run}: bytes received`, `${(figures.bytes / 1e6).toFixed(1)} MB`);
  section.add(`${run}: peak RSS of the syncing process`, `${Math.round(figures.maxRssKb / 1024)} MB`);
  section.add(`${run}: CPU time of the syncing process`, `${(figures.cpuMs / 1000).toFixed(2)} s`);
  section.add(`${run}: CPU per person`, `${(figures.cpuMs / people).toFixed(3)} ms`);
  section.check(`${run}: users served`, count(figures.served), "> 0", figures.served > 0);
}
