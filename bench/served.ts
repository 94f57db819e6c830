import { writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { HR_GATEWAY_USER } from "../src/directory/schema-urns.js";
import { OktaScimClient } from "../testkit/okta-sim/okta-scim-client.js";
import { scrapeBench } from "./metrics-scrape.js";
import { startGateway } from "./support/gateway-command.js";
import { CONNECTOR, SCIM_TOKEN, writeGatewayConfig } from "./support/gateway-config.js";
import { importCost, timedScan, type TimedScan } from "./support/okta-scan.js";
import {
  cpuMsOf,
  firstJsonLine,
  freePort,
  rssMbOf,
  startNode,
  stopChild,
  untilOk,
  type NodeChild,
} from "./support/processes.js";
import { count, mb, median, ms, quantile, seconds, times, type Results, type Section } from "./support/results.js";

/**
 * Benchmarks 2, 3, 5 and 9 and the peer comparison, on a gateway serving `users` users: start-up of the production
 * build, Okta's import (with the server's CPU per page against JSON.stringify of the same page), userName lookups,
 * /metrics scrapes, and the same import against SCIMMY holding the same users.
 */
export interface ServedScale {
  readonly users: number;
  /** Measured lookups; as many lookups of other users come first, as a warm-up. */
  readonly lookups: number;
  /** Imports before the measured ones, for both servers: see warmUpImports. */
  readonly warmUpImports: number;
  /** Measured imports. */
  readonly imports: number;
  readonly startups: number;
  /** How long the last start-up idles before its idle RSS is read (at least 2 s). */
  readonly idleMs: number;
  /** Measured /metrics scrapes (benchmark 9). */
  readonly scrapes: number;
  /** How long the gateway idles, after the measured imports, before the import that comes after idling. */
  readonly coldIdleMs: number;
}

export async function servedBench(results: Results, scale: ServedScale, workDir: string): Promise<void> {
  const dbPath = join(workDir, `served-${scale.users}.db`);
  const seeding = startNode(["--import", "tsx", "bench/children/seed-directory.ts", dbPath, String(scale.users)]);
  const { served } = await firstJsonLine<{ served: number }>(seeding);
  await seeding.exited;
  const port = await freePort();
  const configPath = writeGatewayConfig(join(workDir, `served-${scale.users}.toml`), { dbPath, port });
  const gatewayUrl = `http://127.0.0.1:${port}`;

  const gateway = await startupBench(
    results.section(`5. Start-up with ${count(served)} users stored`),
    scale,
    configPath,
    gatewayUrl,
  );
  try {
    const base = `${gatewayUrl}/scim/v2/${CONNECTOR}`;
    const ours = await importBench(
      results.section(`2. Okta import of ${count(served)} users (HR Gateway)`),
      base,
      gateway,
      scale,
    );
    await lookupBench(
      results.section(`3. userName lookups at ${count(served)} users`),
      base,
      dbPath,
      scale.lookups,
      workDir,
    );
    await scrapeBench(results.section(`9. /metrics scrapes at ${count(served)} users`), gatewayUrl, gateway, {
      served,
      scrapes: scale.scrapes,
    });
    await peerBench(
      results.section(`Peer: the same import against SCIMMY + scimmy-routers (express)`),
      ours,
      dbPath,
      workDir,
      scale,
    );
  } finally {
    await stopChild(gateway);
  }
}

/**
 * Starts `node dist/main.js` `startups` times; the last one keeps running for the other benchmarks. RSS is read 2 s
 * after ready (the tail of start-up: V8's young generation is still as large as loading the modules made it) and,
 * on the last start, after `idleMs` (30 s in the full run) without a request. The target applies to the idle
 * figure. (Until issue #24 V8's memory reducer shrank the heap after ~8 s of quiet; the gateway now runs without it.)
 */
async function startupBench(section: Section, scale: ServedScale, configPath: string, url: string): Promise<NodeChild> {
  const readyMs: number[] = [];
  const afterStart: number[] = [];
  for (let run = 1; ; run++) {
    const started = performance.now();
    const gateway = startGateway(configPath);
    readyMs.push(await untilOk(`${url}/readyz`, started, gateway));
    await sleep(2000);
    afterStart.push(rssMbOf(gateway.pid));
    if (run === scale.startups) {
      await sleep(scale.idleMs - 2000);
      const idle = rssMbOf(gateway.pid);
      section.add(
        "process start → /readyz 200 (node dist/main.js, median)",
        ms(median(readyMs), 0),
        "≤ 1 s",
        median(readyMs) <= 1000,
      );
      section.add("RSS 2 s after ready (median)", mb(median(afterStart)));
      section.add(`idle RSS (${scale.idleMs / 1000} s after ready, no request)`, mb(idle), "≤ 80 MB", idle <= 80);
      section.note(
        `ready after ${readyMs.map((value) => value.toFixed(0)).join(", ")} ms; RSS 2 s after ready ${afterStart.map((value) => value.toFixed(0)).join(", ")} MB (production build, no TypeScript loader)`,
      );
      return gateway;
    }
    await stopChild(gateway);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

interface ImportFigures {
  readonly totalMs: number;
  readonly p99: number;
}

async function importBench(
  section: Section,
  base: string,
  server: NodeChild,
  scale: ServedScale,
): Promise<ImportFigures> {
  const client = new OktaScimClient(base, `Bearer ${SCIM_TOKEN}`);
  try {
    await warmUpImports(
      section,
      client,
      { pid: server.pid, before: `after ${scale.idleMs / 1000} s idle` },
      scale.warmUpImports,
    );
    const cpuBefore = cpuMsOf(server.pid);
    const scans: TimedScan[] = [];
    for (let run = 0; run < scale.imports; run++) scans.push(await timedScan(client, 10));
    const cpuMs = cpuMsOf(server.pid) - cpuBefore;
    const figures = reportImport(section, scans, cpuMs, { totalTarget: true });
    await importAfterIdling(section, base, server.pid, scale.coldIdleMs);
    return figures;
  } finally {
    client.close();
  }
}

/**
 * Okta imports on a schedule, so the import it usually runs comes after the gateway idled: V8's memory reducer, had
 * it run meanwhile, dropped the compiled serving code (issue #24). That import's server CPU is compared with the
 * import right after it, warm, which runs under nearly the same load of this shared machine.
 */
async function importAfterIdling(section: Section, base: string, pid: number, idleMs: number): Promise<void> {
  await sleep(idleMs);
  const cold = await importCost(base, `Bearer ${SCIM_TOKEN}`, pid);
  const warm = await importCost(base, `Bearer ${SCIM_TOKEN}`, pid);
  const ratio = cold.cpuPerPageMs / warm.cpuPerPageMs;
  section.add(
    `server CPU per page, the import after ${idleMs / 1000} s idle ÷ the import right after it`,
    `${times(ratio)} (${ms(cold.cpuPerPageMs, 2)} / ${ms(warm.cpuPerPageMs, 2)})`,
    "≤ 1.3×",
    ratio <= 1.3,
  );
}

/**
 * Imports before the measured ones, their server CPU per page reported in order. The measured imports are the
 * gateway's steady state: in round 8 the CPU per page fell over the first imports (1.00, 0.84, 0.59, 0.52 ms) while V8
 * compiled the hot code on its helper threads, and stayed there. The import after idling is measured apart
 * (importAfterIdling).
 */
async function warmUpImports(
  section: Section,
  client: OktaScimClient,
  server: { readonly pid: number; readonly before: string },
  imports: number,
): Promise<void> {
  const cpuPerPage: number[] = [];
  for (let run = 0; run < imports; run++) {
    const cpuBefore = cpuMsOf(server.pid);
    const scan = await timedScan(client);
    cpuPerPage.push((cpuMsOf(server.pid) - cpuBefore) / scan.pageMs.length);
  }
  section.add(
    `server CPU per page in the ${imports} warm-up imports, in order (the first ${server.before})`,
    `${cpuPerPage.map((value) => value.toFixed(2)).join(" → ")} ms`,
  );
}

function reportImport(
  section: Section,
  scans: readonly TimedScan[],
  serverCpuMs: number,
  options: { totalTarget: boolean },
): ImportFigures {
  const problems = scans.flatMap((scan) => scan.problems);
  if (problems.length > 0) throw new Error(`the import broke Okta's rules: ${problems.slice(0, 3).join("; ")}`);
  const pages = scans.flatMap((scan) => scan.pageMs);
  const totalMs = median(scans.map((scan) => scan.totalMs));
  const p50 = quantile(pages, 0.5);
  const p99 = quantile(pages, 0.99);
  const first = median(scans.map((scan) => scan.pageMs[0]!));
  const last = median(scans.map((scan) => scan.pageMs.at(-1)!));
  const cpuPerPage = serverCpuMs / pages.length;
  const floor = serialisationFloor(scans.flatMap((scan) => scan.sample));
  const target = options.totalTarget;
  section.add(
    `whole import, ${count(pages.length / scans.length)} pages (median of ${scans.length})`,
    seconds(totalMs),
    target ? "≤ 3 s" : undefined,
    target ? totalMs <= 3000 : undefined,
  );
  section.add("page latency p50", ms(p50, 2));
  section.add("page latency p99", ms(p99, 2), target ? "≤ 10 ms" : undefined, target ? p99 <= 10 : undefined);
  section.add("first page / last page (medians)", `${ms(first, 2)} / ${ms(last, 2)}`);
  section.add(
    "last page ÷ first page",
    times(last / first),
    target ? "≤ 1.5×" : undefined,
    target ? last <= 1.5 * first : undefined,
  );
  section.add("server CPU per page (/proc, whole imports)", ms(cpuPerPage, 2));
  section.add("JSON.stringify of the same 100 resources", ms(floor, 2));
  section.add(
    "server CPU per page ÷ serialisation floor",
    times(cpuPerPage / floor),
    target ? "≤ 3×" : undefined,
    target ? cpuPerPage <= 3 * floor : undefined,
  );
  return { totalMs, p99 };
}

/** Mean time JSON.stringify takes for one page's resources (median of 7 tries per page, after a warm-up). */
function serialisationFloor(pages: readonly (readonly unknown[])[]): number {
  const perPage = pages.map((resources) => {
    const tries: number[] = [];
    for (let attempt = 0; attempt < 8; attempt++) {
      const started = performance.now();
      JSON.stringify(resources);
      if (attempt > 0) tries.push(performance.now() - started);
    }
    return median(tries);
  });
  return perPage.reduce((sum, value) => sum + value, 0) / perPage.length;
}

async function lookupBench(
  section: Section,
  base: string,
  dbPath: string,
  lookups: number,
  workDir: string,
): Promise<void> {
  const db = new Database(dbPath, { readonly: true });
  const userNames = db
    .prepare(
      "SELECT user_name FROM scim_resources WHERE resource_type = 'User' AND gen_to IS NULL ORDER BY random() LIMIT ?",
    )
    .pluck()
    .all(2 * lookups) as string[];
  db.close();
  if (userNames.length < 2 * lookups)
    throw new Error(
      `${count(lookups)} lookups and their warm-up pass need ${count(2 * lookups)} users; ${count(userNames.length)} are served`,
    );
  const namesFile = join(workDir, "lookup-user-names.txt");
  writeFileSync(namesFile, userNames.join("\n"));
  const bareServer = startNode(["--import", "tsx", "bench/children/bare-http-server.ts"]);
  const trips = await (async () => {
    try {
      const { url } = await firstJsonLine<{ url: string }>(bareServer);
      const client = startNode([
        "--import",
        "tsx",
        "bench/children/lookups.ts",
        base,
        `Bearer ${SCIM_TOKEN}`,
        namesFile,
        url,
      ]);
      const figures = await firstJsonLine<Trips>(client);
      if ((await client.exited) !== 0) throw new Error("the lookup client failed");
      return figures;
    } finally {
      await stopChild(bareServer);
    }
  })();
  // The first half is a warm-up pass over other users: in a fresh process (the client, the bare server) and on code
  // the imports never ran (the gateway's filter path), V8 is still compiling on the same two cores, and that pass's
  // p99 was 2.7–2.9 ms against 0.5–1.1 ms in the passes after it (round 8). Its p99 is reported, not judged.
  const [warmUp, measured] = [0, lookups].map((from) => ({
    lookups: trips.lookups.slice(from, from + lookups),
    health: trips.health.slice(from, from + lookups),
    bare: trips.bare.slice(from, from + lookups),
  })) as [Trips, Trips];
  const p99 = quantile(measured.lookups, 0.99);
  section.add(
    `lookups p99 in the warm-up pass (the first ${count(lookups)}, other users)`,
    ms(quantile(warmUp.lookups, 0.99), 2),
  );
  section.add(`lookups (${count(lookups)} after the warm-up pass), p50`, ms(quantile(measured.lookups, 0.5), 2));
  section.add("lookups p99 (round trip on 127.0.0.1)", ms(p99, 2), "≤ 2 ms", p99 <= 2);
  // What the SCIM app itself took (its request log), and the round trips of the gateway's GET /healthz and of a bare
  // Node server that answers 15 bytes, each timed right after a lookup: the HTTP and scheduling noise of this machine
  // at the same moments, which every lookup's round trip includes.
  await new Promise((resolve) => setTimeout(resolve, 600)); // the request log is written in batches
  const log = new Database(dbPath, { readonly: true });
  const handled = log
    .prepare("SELECT duration_ms FROM scim_request_log WHERE query LIKE '%filter%' ORDER BY id DESC LIMIT ?")
    .pluck()
    .all(lookups) as number[];
  log.close();
  section.add("lookups p99 inside the SCIM app (its request log)", ms(quantile(handled, 0.99), 2));
  section.add("gateway GET /healthz p99, between the lookups", ms(quantile(measured.health, 0.99), 2));
  section.add(
    "bare node:http server, 15 bytes, p99, between the lookups (this machine's floor)",
    ms(quantile(measured.bare, 0.99), 2),
  );
}

/** Round trips in ms of the lookup client (bench/children/lookups.ts), one list per kind of request. */
interface Trips {
  readonly lookups: number[];
  readonly health: number[];
  readonly bare: number[];
}

async function peerBench(
  section: Section,
  ours: ImportFigures,
  dbPath: string,
  workDir: string,
  scale: ServedScale,
): Promise<void> {
  const file = join(workDir, "peer-users.jsonl");
  writeFileSync(file, peerUsers(dbPath));
  const peer = startNode(["--import", "tsx", "bench/children/peer-scim-server.ts", file, SCIM_TOKEN]);
  try {
    const { url } = await firstJsonLine<{ url: string }>(peer);
    const client = new OktaScimClient(url, `Bearer ${SCIM_TOKEN}`);
    try {
      await warmUpImports(section, client, { pid: peer.pid, before: "right after start-up" }, scale.warmUpImports);
      const cpuBefore = cpuMsOf(peer.pid);
      const scans: TimedScan[] = [];
      for (let run = 0; run < scale.imports; run++) scans.push(await timedScan(client, 10));
      const theirs = reportImport(section, scans, cpuMsOf(peer.pid) - cpuBefore, { totalTarget: false });
      section.add("ours ÷ SCIMMY: whole import", times(ours.totalMs / theirs.totalMs));
      section.add("ours ÷ SCIMMY: page p99", times(ours.p99 / theirs.p99));
    } finally {
      client.close();
    }
  } finally {
    await stopChild(peer);
  }
}

/**
 * The served users as SCIMMY holds them: our stored bodies without `meta` (SCIMMY writes its own) and without our
 * own extension (SCIMMY refuses undeclared schemas); core and enterprise attributes are the same.
 */
function peerUsers(dbPath: string): string {
  const db = new Database(dbPath, { readonly: true });
  const bodies = db
    .prepare("SELECT body FROM scim_resources WHERE resource_type = 'User' AND gen_to IS NULL ORDER BY seq")
    .pluck()
    .all() as string[];
  db.close();
  return bodies
    .map((body) => {
      const {
        meta: _meta,
        [HR_GATEWAY_USER]: _extension,
        schemas,
        ...user
      } = JSON.parse(body) as Record<string, unknown>;
      return JSON.stringify({ schemas: (schemas as string[]).filter((schema) => schema !== HR_GATEWAY_USER), ...user });
    })
    .join("\n");
}
