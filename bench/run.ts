/**
 * `npm run bench`: every benchmark at full scale (100,000 employees; several minutes), results written to
 * BENCHMARKS.md; `npm run bench -- --only-sync`: the sync benchmark alone, printed, nothing written. `npm run bench:smoke`: the same code at 1,000 users in well under a minute, for CI; it checks the
 * benchmark code and correctness (errors, duplicates, gaps, call counts), never timing, and writes no file.
 * `--sync-under-load`: only a sync and benchmark 4 (a sync under Okta's load), at 30,000 employees and 16 clients,
 * printed and not written: the A/B of how a sync runs (thread or process) in a fraction of the full run's time.
 *
 * Both expect the production build (`npm run build`, which the npm scripts run first): the gateway and the sync
 * are measured as they run in production, `node dist/…`. See BENCHMARKS.md for what each benchmark does.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeBenchmarksMd } from "./support/benchmarks-md.js";
import { firstJsonLine, startNode } from "./support/processes.js";
import { count, ms, Results } from "./support/results.js";
import { afasSyncBench, type AfasScale } from "./afas-sync.js";
import { loketSyncBench, type LoketScale } from "./loket-sync.js";
import { youforceSyncBench, type YouforceScale } from "./youforce-sync.js";
import { groupsBench, type GroupsScale } from "./groups.js";
import { servedBench, type ServedScale } from "./served.js";
import { syncBench, type SyncedDatabase, type SyncScale } from "./sync.js";
import { underLoadBench, type LoadScale } from "./under-load.js";

interface Scale {
  readonly syncs: readonly SyncScale[];
  readonly served: ServedScale;
  readonly load: LoadScale;
  readonly console: { readonly people: number; readonly requests: number };
  readonly groups: GroupsScale;
  readonly afas: AfasScale;
  readonly loket: LoketScale;
  readonly youforce: YouforceScale;
}

const FULL: Scale = {
  syncs: [
    { companies: 10, employeesPerCompany: 1_000 },
    { companies: 10, employeesPerCompany: 10_000 },
  ],
  served: {
    users: 100_000,
    lookups: 2_000,
    warmUpImports: 4,
    imports: 3,
    startups: 3,
    idleMs: 30_000,
    coldIdleMs: 60_000,
    scrapes: 500,
  },
  load: { clients: 32, seconds: 30, churn: 50 },
  console: { people: 100_000, requests: 400 },
  groups: { people: 100_000, repeats: 3 },
  afas: { employers: 10, employeesPerEmployer: 10_000 },
  loket: { employers: 10, employeesPerEmployer: 2_000 },
  youforce: { companies: 10, personsPerCompany: 10_000 },
};

const SMOKE: Scale = {
  syncs: [{ companies: 2, employeesPerCompany: 500 }],
  served: {
    users: 1_000,
    lookups: 100,
    warmUpImports: 1,
    imports: 1,
    startups: 1,
    idleMs: 2_000,
    coldIdleMs: 2_000,
    scrapes: 20,
  },
  load: { clients: 4, seconds: 2, churn: 50 },
  console: { people: 1_000, requests: 60 },
  groups: { people: 1_000, repeats: 1 },
  afas: { employers: 2, employeesPerEmployer: 500 },
  loket: { employers: 2, employeesPerEmployer: 250 },
  youforce: { companies: 2, personsPerCompany: 500 },
};

const SYNC_UNDER_LOAD: Scale = {
  ...FULL,
  syncs: [{ companies: 10, employeesPerCompany: 3_000 }],
  load: { clients: 16, seconds: 30, churn: 50 },
};

const smoke = process.argv.includes("--smoke");
// `--only-sync`: benchmark 1 alone (for profiling the sync); its figures are printed, BENCHMARKS.md is not written.
const onlySync = process.argv.includes("--only-sync");
// `--sync-under-load`: the sync under Okta's load alone (the thread/process comparison); BENCHMARKS.md is not written.
const underLoadOnly = process.argv.includes("--sync-under-load");
const scale = smoke ? SMOKE : underLoadOnly ? SYNC_UNDER_LOAD : FULL;
const started = new Date();
const workDir = mkdtempSync(join(tmpdir(), "hrgw-bench-"));
const results = new Results();
try {
  const synced = await syncBench(results, scale.syncs, workDir);
  if (!onlySync) {
    if (!underLoadOnly) await servedBench(results, scale.served, workDir);
    await underLoadBench(results, scale.load, synced, scale.syncs.at(-1)!, workDir);
    if (!underLoadOnly) {
      await consoleBench(results, scale.console);
      await mappingBench(results, synced);
      await groupsBench(results, scale.groups, workDir);
      await afasSyncBench(results, scale.afas, workDir);
      await loketSyncBench(results, scale.loket, workDir);
      await youforceSyncBench(results, scale.youforce, workDir);
    }
  }
} finally {
  rmSync(workDir, { recursive: true, force: true });
}

const durationMs = Date.now() - started.getTime();
const failed = results.figures.filter((figure) => figure.check && figure.met === false);
const missed = results.figures.filter((figure) => !figure.check && figure.met === false);
console.log(
  `\n${results.figures.length} figures in ${(durationMs / 1000).toFixed(0)} s; ${missed.length} timing targets missed; ${failed.length} checks failed.`,
);
if (!smoke && !onlySync && !underLoadOnly)
  console.log(`results written to ${writeBenchmarksMd(results, started, durationMs)}`);
if (failed.length > 0) process.exitCode = 1;

/** Benchmark 6 runs bench/console-hr-list.ts in its own process and reads its one JSON line. */
async function consoleBench(into: Results, size: Scale["console"]): Promise<void> {
  const section = into.section(`6. Console HR list, searched and paged, ${count(size.people)} people`);
  const child = startNode(["--import", "tsx", "bench/console-hr-list.ts", String(size.people), String(size.requests)], {
    stderr: "ignore",
  });
  const figures = await firstJsonLine<{ p50: number; p99: number; max: number; requests: number }>(child);
  await child.exited;
  section.add(`requests (whole pages and htmx fragments)`, count(figures.requests));
  section.add("server time p50 (around the HTTP request)", ms(figures.p50));
  section.add("server time p99", ms(figures.p99), "≤ 50 ms", figures.p99 <= 50);
}

/**
 * Benchmark 12 runs bench/mapping.ts in its own process: the planner with and without 20 expressions, for as many
 * people as the largest sync of benchmark 1, whose CPU time the difference is related to (issue #22: ≤ 10 %).
 */
async function mappingBench(into: Results, synced: SyncedDatabase): Promise<void> {
  const section = into.section(`12. Mapping expressions, ${count(synced.employees)} people`);
  const child = startNode(["--import", "tsx", "bench/mapping.ts", String(synced.employees)], { stderr: "ignore" });
  const figures = await firstJsonLine<{ expressions: number; builtInMs: number; mappedMs: number }>(child);
  await child.exited;
  const added = figures.mappedMs - figures.builtInMs;
  const share = (100 * added) / synced.firstSyncCpuMs;
  section.add("planning CPU, built-in mapping (median of 3)", ms(figures.builtInMs, 0));
  section.add(`planning CPU, ${figures.expressions} expressions (median of 3)`, ms(figures.mappedMs, 0));
  section.add("added CPU, share of the first sync's CPU (benchmark 1)", `${share.toFixed(1)} %`, "≤ 10 %", share <= 10);
}
