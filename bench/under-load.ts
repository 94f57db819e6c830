import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import Database from "better-sqlite3";
import { openDatabase } from "../src/db/open.js";
import { issueCredential } from "../src/scim/auth/credential-store.js";
import { startGateway } from "./support/gateway-command.js";
import { CONNECTOR, writeGatewayConfig } from "./support/gateway-config.js";
import { leanScan, LeanScimClient } from "./support/lean-scan.js";
import type { TimedScan } from "./support/okta-scan.js";
import { cpuMsOf, firstJsonLine, freePort, rssMbOf, startNode, stopChild, untilOk } from "./support/processes.js";
import { count, mb, median, ms, quantile, seconds, times, type Results } from "./support/results.js";
import type { SyncedDatabase, SyncScale } from "./sync.js";

/**
 * Benchmark 4: concurrent Okta-style importers page /Users while a sync of the whole workforce commits a new
 * generation. The gateway is `node dist/main.js`, and its own scheduler starts the sync (on its sync thread, as in
 * production) once the load has run alone for a while (~14 s at 100,000 employees), from a simulator in which every
 * `churn`-th employee changed department. Each client has its own credential (Okta: one app instance each), so each
 * scan is pinned on its own.
 */
const SYNC_STARTS_AFTER_MS = 30_000;
/**
 * Pages each client reads before the load is measured: 32 × 150 = 4,800 pages, about what a fresh gateway's V8 needs
 * to compile its serving path (benchmark 2's warm-up imports, BENCHMARKS.md round 8). With 20 pages per client, as
 * until round 8, the first seconds of the measured load ran on cold code.
 */
const WARM_UP_PAGES = 150;
const LOOP_SAMPLE_MS = 10;
/**
 * The load alone takes the gateway from its RSS after the clients' first pages (~110 MB at 100,000 users) to where
 * it then stays (~135 MB, reached within 8 s and flat for a minute without a sync: BENCHMARKS.md, round 7). The
 * RSS "after warm-up" is the median of the samples taken once the load has run this long and before the scheduler's
 * instant for the sync (its thread's start-up alone is tens of MB).
 */
const WARM_LOAD_MS = 8_000;
const RSS_SAMPLE_MS = 1_000;

export interface LoadScale {
  readonly clients: number;
  /** The load lasts at least this long, and until the sync has committed. */
  readonly seconds: number;
  readonly churn: number;
}

interface ClientScan extends TimedScan {
  readonly client: number;
  readonly startedAt: number;
  readonly finishedAt: number;
}

export async function underLoadBench(
  results: Results,
  scale: LoadScale,
  synced: SyncedDatabase,
  sync: SyncScale,
  workDir: string,
): Promise<void> {
  const section = results.section(
    `4. ${scale.clients} clients paging /Users while a ${count(synced.employees)}-employee sync commits`,
  );
  const secrets = await issueCredentials(synced.dbPath, scale.clients);
  const simulator = startNode([
    "--import",
    "tsx",
    "bench/children/churned-sim.ts",
    String(sync.companies),
    String(sync.employeesPerCompany),
    String(scale.churn),
  ]);
  const { url: simUrl } = await firstJsonLine<{ url: string }>(simulator);
  const port = await freePort();
  const runsBefore = lastRun(synced.dbPath).id;
  // Start-up and warm-up take ~1 s at 1,000 users and ~10 s at 100,000; the load then runs a few seconds alone.
  const syncAt = new Date(Date.now() + SYNC_STARTS_AFTER_MS);
  const configPath = writeGatewayConfig(join(workDir, "under-load.toml"), {
    dbPath: synced.dbPath,
    port,
    simUrl,
    syncAt,
  });
  const gateway = startGateway(configPath);
  const base = `http://127.0.0.1:${port}/scim/v2/${CONNECTOR}`;
  const clients = secrets.map((secret) => new LeanScimClient(base, `Bearer ${secret}`));
  try {
    await untilOk(`http://127.0.0.1:${port}/readyz`, performance.now(), gateway);
    // Warm-up: every client authenticates (scrypt, then cached) and reads its first pages.
    await Promise.all(
      clients.map(async (client) => {
        for (let page = 0; page < WARM_UP_PAGES; page++)
          await client.get(`Users?startIndex=${1 + page * 100}&count=100`);
      }),
    );
    const firstPagesRss = rssMbOf(gateway.pid);

    const gatewayCpuBefore = cpuMsOf(gateway.pid);
    const servingCpuBefore = cpuMsOf(gateway.pid, gateway.pid);
    const clientsCpuBefore = process.cpuUsage();
    // The clients share this process's one thread: a page that arrives while it reads another waits, and that wait
    // is part of every latency they measure (lean-scan.ts keeps it small).
    const clientsLoop = monitorEventLoopDelay({ resolution: LOOP_SAMPLE_MS });
    clientsLoop.enable();
    let stopping = false;
    let errors = 0;
    const scans: ClientScan[] = [];
    const loadStarted = Date.now();
    const rssSamples: { at: number; mb: number }[] = [];
    const sampler = setInterval(() => rssSamples.push({ at: Date.now(), mb: rssMbOf(gateway.pid) }), RSS_SAMPLE_MS);
    const load = clients.map(async (client, index) => {
      while (!stopping) {
        const startedAt = Date.now();
        try {
          const scan = await leanScan(client);
          scans.push({ ...scan, client: index, startedAt, finishedAt: Date.now() });
        } catch (error) {
          errors += 1;
          console.error(`  client error: ${(error as Error).message.slice(0, 200)}`);
        }
      }
    });
    const committed = await finishedRunAfter(synced.dbPath, runsBefore, syncAt);
    const remaining = loadStarted + scale.seconds * 1000 - Date.now();
    await new Promise((resolve) => setTimeout(resolve, Math.max(2000, remaining)));
    stopping = true;
    const loadSeconds = (Date.now() - loadStarted) / 1000;
    await Promise.all(load); // every client finishes the scan it is in
    clearInterval(sampler);
    const endRss = rssMbOf(gateway.pid);
    const syncFires = Math.floor(syncAt.getTime() / 1000) * 1000; // the schedule names a whole second
    const warmSamples = rssSamples
      .filter((sample) => sample.at - loadStarted >= WARM_LOAD_MS && sample.at < syncFires)
      .map((sample) => sample.mb);
    const gatewayCpuMs = cpuMsOf(gateway.pid) - gatewayCpuBefore;
    const servingCpuMs = cpuMsOf(gateway.pid, gateway.pid) - servingCpuBefore;
    clientsLoop.disable();
    const clientsCpu = process.cpuUsage(clientsCpuBefore);
    const clientsCpuMs = (clientsCpu.user + clientsCpu.system) / 1000;

    const pages = scans.flatMap((scan) => scan.pageMs);
    const problems = scans.flatMap((scan) => scan.problems);
    const spanning = scans.filter(
      (scan) => scan.startedAt < committed.finishedAt && scan.finishedAt > committed.finishedAt,
    ).length;
    const everyClient = new Set(scans.map((scan) => scan.client)).size === clients.length;
    section.add("load (until every client's last scan ended)", `${loadSeconds.toFixed(0)} s`);
    section.add("sync during the load: wall time (run record)", seconds(committed.wallMs));
    section.note(
      `sync ${committed.status}, started ${seconds(committed.startedAt - loadStarted)} after the load: ${committed.summary}`,
    );
    section.add("pages served", `${count(pages.length)} (${count(Math.round(pages.length / loadSeconds))} per second)`);
    // Where the two cores went: a closed loop's latency is clients ÷ throughput, and the clients share the cores.
    const perPage = (cpuMs: number) => ms(cpuMs / pages.length, 2);
    section.add(
      `CPU per page: gateway's serving thread / the ${clients.length} clients (reading and checking every page)`,
      `${perPage(servingCpuMs)} / ${perPage(clientsCpuMs)}`,
    );
    section.add(
      "CPU beside the serving thread (the sync's thread or process, GC helpers)",
      seconds(gatewayCpuMs - servingCpuMs),
    );
    section.check("errors", count(errors), "0", errors === 0);
    section.check(
      "complete scans (every one checked for duplicates and gaps)",
      count(scans.length),
      "≥ 1 per client",
      everyClient,
    );
    section.check(
      "scans with a duplicate, a gap or a changed total",
      count(problems.length),
      "0",
      problems.length === 0,
    );
    section.add("scans that started before the commit and ended after it", count(spanning));
    section.add("page latency p50", ms(quantile(pages, 0.5)));
    section.add("page latency p99", ms(quantile(pages, 0.99)), "≤ 50 ms", quantile(pages, 0.99) <= 50);
    // Not Math.max(...pages): a slow sync makes the load run longer, and ~125,000 arguments overflow the stack.
    section.add("page latency max (the longest any client waited)", ms(quantile(pages, 1)));
    // The sync shares the two cores with the serving thread and the clients while it runs.
    const duringSync: number[] = [];
    const withoutSync: number[] = [];
    for (const scan of scans) {
      scan.pageMs.forEach((latency, page) =>
        (requestedWhileRunning(scan.pageAt[page]!, committed) ? duringSync : withoutSync).push(latency),
      );
    }
    const p99 = (latencies: number[]) => (latencies.length === 0 ? "no page" : ms(quantile(latencies, 0.99)));
    section.add(
      "page latency p99 while the sync ran / while it did not (run record)",
      `${p99(duringSync)} / ${p99(withoutSync)}`,
    );
    // Node records the time between its samples, the sampling interval included.
    const loopDelay = (percentile: number) =>
      ms(Math.max(0, clientsLoop.percentile(percentile) / 1e6 - LOOP_SAMPLE_MS));
    section.add(
      "the clients' own event loop delay p50 / p99 (included in their latencies)",
      `${loopDelay(50)} / ${loopDelay(99)}`,
    );
    section.add("gateway RSS after the clients' first pages", mb(firstPagesRss));
    if (warmSamples.length > 0) {
      const warmRss = median(warmSamples);
      section.add(
        `gateway RSS after warm-up (median of ${warmSamples.length} samples under the load alone) → at the end`,
        `${mb(warmRss)} → ${mb(endRss)}`,
      );
      section.add("RSS at the end ÷ after warm-up", times(endRss / warmRss), "≤ 1.2×", endRss <= 1.2 * warmRss);
    } else {
      section.check(
        "RSS after warm-up",
        "none",
        `the load alone for ≥ ${WARM_LOAD_MS / 1000} s before the sync`,
        false,
      );
    }
    const peakRss = Math.max(endRss, ...rssSamples.map((sample) => sample.mb)); // one sample a second: ~100 values
    section.add("gateway RSS peak, in samples a second apart (serving and the sync together)", mb(peakRss));
    if (problems.length > 0) section.note(`first problems: ${problems.slice(0, 3).join("; ")}`);
  } finally {
    for (const client of clients) client.close();
    await stopChild(gateway);
    await stopChild(simulator);
  }
}

function requestedWhileRunning(at: number, run: FinishedRun): boolean {
  return at >= run.startedAt && at <= run.finishedAt;
}

/** One bearer credential per client, as an admin issues them in the console. */
async function issueCredentials(dbPath: string, clients: number): Promise<string[]> {
  const db = openDatabase(dbPath);
  try {
    const secrets: string[] = [];
    for (let n = 0; n < clients; n++)
      secrets.push((await issueCredential(db.sqlite, CONNECTOR, { scheme: "bearer" }, new Date())).secret);
    return secrets;
  } finally {
    db.close();
  }
}

interface FinishedRun {
  readonly id: number;
  readonly status: string;
  readonly startedAt: number;
  readonly finishedAt: number;
  readonly wallMs: number;
  readonly summary: string;
}

/**
 * The first run after run `after` once it has finished. The gateway's scheduler starts it at `syncAt`; a run that has
 * not even started 30 s later will not (its instant passed before the scheduler was up, so cron waits a year).
 */
async function finishedRunAfter(dbPath: string, after: number, syncAt: Date): Promise<FinishedRun> {
  for (;;) {
    const run = lastRun(dbPath);
    if (run.id > after && run.status !== "running") return run;
    if (run.id <= after && Date.now() > syncAt.getTime() + 30_000) {
      throw new Error(
        `the gateway's scheduler did not start the sync at ${syncAt.toISOString()}: did start-up and warm-up take longer than ${SYNC_STARTS_AFTER_MS / 1000} s?`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function lastRun(dbPath: string): FinishedRun {
  const db = new Database(dbPath, { readonly: true });
  try {
    const run = db
      .prepare(
        "SELECT id, status, started_at AS startedAt, finished_at AS finishedAt, stats FROM sync_runs ORDER BY id DESC LIMIT 1",
      )
      .get() as
      | { id: number; status: string; startedAt: string; finishedAt: string | null; stats: string | null }
      | undefined;
    if (!run) return { id: 0, status: "none", startedAt: 0, finishedAt: 0, wallMs: 0, summary: "" };
    const stats = JSON.parse(run.stats ?? "{}") as {
      served?: number;
      created?: number;
      updated?: number;
      removed?: number;
    };
    const finishedAt = run.finishedAt === null ? 0 : Date.parse(run.finishedAt);
    return {
      id: run.id,
      status: run.status,
      startedAt: Date.parse(run.startedAt),
      finishedAt,
      wallMs: finishedAt - Date.parse(run.startedAt),
      summary: `${count(stats.served ?? 0)} served; ${count(stats.created ?? 0)} created, ${count(stats.updated ?? 0)} updated, ${count(stats.removed ?? 0)} removed`,
    };
  } finally {
    db.close();
  }
}
