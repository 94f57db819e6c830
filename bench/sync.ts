import { join } from "node:path";
import { CONNECTOR, writeGatewayConfig } from "./support/gateway-config.js";
import { runMeasuredSync } from "./support/measured-sync.js";
import { firstJsonLine, startNode, stopChild } from "./support/processes.js";
import { count, mb, seconds, times, type Results } from "./support/results.js";

/**
 * Benchmark 1: a sync from the Nmbrs simulator, each in its own process, against the floors of its answers (a
 * tokenizer pass, and fast-xml-parser's parse beside it).
 */

export interface SyncScale {
  readonly companies: number;
  readonly employeesPerCompany: number;
}

export interface SyncedDatabase {
  readonly dbPath: string;
  readonly configPath: string;
  readonly employees: number;
  /** CPU time of the first sync's process: what benchmark 12 relates the mapping's cost to. */
  readonly firstSyncCpuMs: number;
}

interface RunFigures {
  readonly wallMs: number;
  readonly calls: number;
  readonly bytes: number;
  readonly maxRssMb: number;
  readonly cpuMs: number;
  readonly mainThreadCpuMs: number | null;
  readonly message: string;
}

/** Runs every scale (smallest first); returns the database of the largest, which benchmark 4 syncs again. */
export async function syncBench(
  results: Results,
  scales: readonly SyncScale[],
  workDir: string,
): Promise<SyncedDatabase> {
  let last: SyncedDatabase | undefined;
  for (const scale of scales) last = await syncScale(results, scale, workDir);
  return last!;
}

async function syncScale(results: Results, scale: SyncScale, workDir: string): Promise<SyncedDatabase> {
  const employees = scale.companies * scale.employeesPerCompany;
  const section = results.section(
    `1. Sync, ${scale.companies} companies × ${count(scale.employeesPerCompany)} employees`,
  );
  const simulator = startNode([
    "--import",
    "tsx",
    "testkit/nmbrs-sim/cli.ts",
    "--companies",
    String(scale.companies),
    "--employees",
    String(scale.employeesPerCompany),
    "--seed",
    "1",
  ]);
  try {
    const { url } = await firstJsonLine<{ url: string }>(simulator);
    const dbPath = join(workDir, `sync-${employees}.db`);
    const configPath = writeGatewayConfig(join(workDir, `sync-${employees}.toml`), { dbPath, simUrl: url });
    const first = await runSyncProcess(configPath, dbPath, workDir);
    const again = await runSyncProcess(configPath, dbPath, workDir);
    const floor = await parseFloor(url);

    // Per company: the bulk reads plus Company_GetCurrentPeriod, which tells a monthly from a four-weekly or weekly
    // payroll (issue #26), so that period-dated records are read in the company's own periods.
    const callTarget = 2 + 13 * scale.companies;
    const large = employees >= 100_000;
    // CPU, not wall time: the benchmark machine is shared, and the sync waits for a simulator on the same cores.
    const target = (limit: number) =>
      large ? { text: `≤ ${limit / 1000} s`, met: (cpuMs: number) => cpuMs <= limit } : null;
    const cpuTarget = target(10_000);
    const unchangedTarget = target(6_000);
    section.add("tokenizer floor: leaf-element scan of the same bytes", seconds(floor.tokenizeMs));
    section.add("fast-xml-parser on the same bytes", seconds(floor.parseMs));
    section.add("first sync: wall time (run record)", seconds(first.wallMs));
    section.add(
      "first sync: CPU time of the syncing process",
      seconds(first.cpuMs),
      cpuTarget?.text,
      cpuTarget?.met(first.cpuMs),
    );
    // V8's helper threads mark and sweep the old generation while the main thread runs: a run that promotes less
    // garbage, or keeps less alive, shows it here first (BENCHMARKS.md, "Where a first sync's CPU goes, by thread").
    if (first.mainThreadCpuMs !== null)
      section.add(
        "first sync: CPU of its main thread / of its other threads (V8's helpers)",
        `${seconds(first.mainThreadCpuMs)} / ${seconds(first.cpuMs - first.mainThreadCpuMs)}`,
      );
    section.add(
      "first sync CPU / tokenizer floor",
      times(first.cpuMs / floor.tokenizeMs),
      large ? "≤ 5× (stretch)" : undefined,
      large ? first.cpuMs / floor.tokenizeMs <= 5 : undefined,
    );
    section.check("SOAP calls", count(first.calls), `≤ ${callTarget}`, first.calls <= callTarget);
    section.add("bytes received", `${(first.bytes / 1e6).toFixed(1)} MB`);
    section.add(
      "first sync: peak RSS of the syncing process",
      mb(first.maxRssMb),
      large ? "≤ 200 MB" : undefined,
      large ? first.maxRssMb <= 200 : undefined,
    );
    section.add("second sync (nothing changed): wall time", seconds(again.wallMs));
    section.add(
      "second sync: CPU time",
      seconds(again.cpuMs),
      unchangedTarget?.text,
      unchangedTarget?.met(again.cpuMs),
    );
    section.add(
      "second sync: peak RSS",
      mb(again.maxRssMb),
      large ? "≤ 200 MB" : undefined,
      large ? again.maxRssMb <= 200 : undefined,
    );
    if (floor.bytes !== first.bytes)
      section.note(
        `the floor parsed ${floor.bytes} bytes, the sync received ${first.bytes}: the replayed calls differ`,
      );
    section.note(`first sync: ${first.message}`);
    section.note(`second sync: ${again.message}`);
    return { dbPath, configPath, employees, firstSyncCpuMs: first.cpuMs };
  } finally {
    await stopChild(simulator);
  }
}

/** One measured sync (support/measured-sync.ts) in this benchmark's figures. */
async function runSyncProcess(configPath: string, dbPath: string, workDir: string): Promise<RunFigures> {
  const { wallMs, stats, maxRssKb, cpuMs, mainThreadCpuMs } = await runMeasuredSync(
    CONNECTOR,
    configPath,
    dbPath,
    workDir,
  );
  return {
    wallMs,
    calls: stats.calls,
    bytes: stats.bytes,
    maxRssMb: maxRssKb / 1024,
    cpuMs,
    mainThreadCpuMs,
    message:
      `${count(stats.served ?? 0)} served, ${count(stats.created ?? 0)} created, ${count(stats.updated ?? 0)} updated` +
      (stats.unchangedSince === undefined ? "" : `, nothing planned (unchanged since run ${stats.unchangedSince})`),
  };
}

async function parseFloor(simUrl: string): Promise<{ tokenizeMs: number; parseMs: number; bytes: number }> {
  const child = startNode(["--import", "tsx", "bench/children/parse-floor.ts", simUrl]);
  const floor = await firstJsonLine<{ tokenizeMs: number; parseMs: number; bytes: number }>(child);
  await child.exited;
  return floor;
}
