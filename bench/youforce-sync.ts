/**
 * Benchmark 11, the Youforce sync (issue #25), part of `npm run bench`. The Youforce simulator (testkit/youforce-sim/
 * cli.ts) in its own process, its spike arrest off; a sync of a youforce connector in another, paced at
 * BENCH_INTERVAL_MS instead of Youforce's 600 ms (bench/children/youforce-sync.ts), measured like benchmark 8 (peak
 * RSS and CPU from report-usage.mjs, calls and bytes from the run record). A real tenant's wall time is bound by the
 * rate limit, so it is reported as computed: every call 600 ms after the one before.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { nodeFlagsFor, tunedEnv } from "../src/runtime/tuning.js";
import { SPIKE_ARREST_MS } from "../src/sources/youforce/http/youforce-client.js";
import { SIM_CLIENT_ID, SIM_CLIENT_SECRET } from "../testkit/youforce-sim/youforce-simulator.js";
import { addSyncFigures, flatFigures, measuredRun } from "./support/measured-sync.js";
import { firstJsonLine, startNode, stopChild } from "./support/processes.js";
import { count, type Results } from "./support/results.js";

export interface YouforceScale {
  readonly companies: number;
  readonly personsPerCompany: number;
}

const BENCH_INTERVAL_MS = 5;

export async function youforceSyncBench(results: Results, scale: YouforceScale, workDir: string): Promise<void> {
  const simulator = startNode([
    "--import",
    "tsx",
    "testkit/youforce-sim/cli.ts",
    "--companies",
    String(scale.companies),
    "--persons",
    String(scale.personsPerCompany),
    "--spike-arrest-ms",
    "0",
  ]);
  try {
    const sim = await firstJsonLine<{
      apiUrl: string;
      tokenUrl: string;
      tenantId: string;
      persons: number;
      employments: number;
    }>(simulator);
    const dbPath = join(workDir, "youforce.db");
    const configPath = join(workDir, "youforce.toml");
    writeFileSync(
      configPath,
      `[storage]
path = ${JSON.stringify(dbPath)}
[log]
level = "warn"
[[connectors]]
id = "bench"
kind = "youforce"
schedule = "0 0 1 1 *"
timezone = "UTC"
max_deactivation_percent = 100
managers = true
[connectors.groups]
kinds = ["department", "company", "function"]
[connectors.youforce]
api_url = ${JSON.stringify(sim.apiUrl)}
token_url = ${JSON.stringify(sim.tokenUrl)}
client_id = ${JSON.stringify(SIM_CLIENT_ID)}
client_secret = ${JSON.stringify(SIM_CLIENT_SECRET)}
tenant_id = ${JSON.stringify(sim.tenantId)}
timeout_seconds = 600
`,
    );
    const people = scale.companies * scale.personsPerCompany;
    const section = results.section(
      `11. Youforce sync, ${scale.companies} companies × ${count(scale.personsPerCompany)} persons (${count(sim.persons)} person and ${count(sim.employments)} employment versions)`,
    );
    for (const run of ["first sync", "second sync (nothing changed)"]) {
      const figures = await syncOnce(workDir, configPath, dbPath);
      section.add(
        `${run}: wall time at ${BENCH_INTERVAL_MS} ms pacing (run record)`,
        `${(figures.wallMs / 1000).toFixed(2)} s`,
      );
      section.add(
        `${run}: wall time paced as Youforce (${SPIKE_ARREST_MS} ms per call, computed)`,
        `${((figures.calls * SPIKE_ARREST_MS) / 60_000).toFixed(1)} min`,
      );
      section.add(`${run}: API calls (token included)`, count(figures.calls));
      addSyncFigures(section, run, figures, people);
    }
  } finally {
    await stopChild(simulator);
  }
}

async function syncOnce(workDir: string, configPath: string, dbPath: string) {
  const usageFile = join(workDir, "usage.json");
  // Tuned as every sync process is (src/runtime/tuning.ts), like benchmarks 1, 8 and 10: without the sync's heap
  // growth limit V8 let the old generation grow far past what the run keeps alive.
  const child = "bench/children/youforce-sync.ts";
  const sync = startNode(
    [
      ...nodeFlagsFor("sync", child),
      "--import",
      "./bench/children/report-usage.mjs",
      child,
      "--config",
      configPath,
      "--interval-ms",
      String(BENCH_INTERVAL_MS),
    ],
    { env: tunedEnv({ BENCH_USAGE_FILE: usageFile }), stdout: "ignore", stderr: "ignore" },
  );
  return flatFigures(measuredRun(await sync.exited, usageFile, dbPath));
}
