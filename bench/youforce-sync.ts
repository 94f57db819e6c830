/**
 * Benchmark 11, the Youforce sync (issue #25), part of `npm run bench`. The Youforce simulator (testkit/youforce-sim/
 * cli.ts) in its own process, its spike arrest off; a sync of a youforce connector in another, paced at
 * BENCH_INTERVAL_MS instead of Youforce's 600 ms (bench/children/youforce-sync.ts), measured like benchmark 8 (peak
 * RSS and CPU from report-usage.mjs, calls and bytes from the run record). A real tenant's wall time is bound by the
 * rate limit, so it is reported as computed: every call 600 ms after the one before.
 */
import { join } from "node:path";
import { nodeFlagsFor, tunedEnv } from "../src/runtime/tuning.js";
import { SPIKE_ARREST_MS } from "../src/sources/youforce/http/youforce-client.js";
import { SIM_CLIENT_ID, SIM_CLIENT_SECRET } from "../testkit/youforce-sim/youforce-simulator.js";
import { flatFigures, measuredRun } from "./support/measured-sync.js";
import { startNode } from "./support/processes.js";
import { count, type Results } from "./support/results.js";
import { sourceSyncBench } from "./support/source-sync.js";

export interface YouforceScale {
  readonly companies: number;
  readonly personsPerCompany: number;
}

const BENCH_INTERVAL_MS = 5;

interface SimLine {
  readonly apiUrl: string;
  readonly tokenUrl: string;
  readonly tenantId: string;
  readonly persons: number;
  readonly employments: number;
}

export async function youforceSyncBench(results: Results, scale: YouforceScale, workDir: string): Promise<void> {
  await sourceSyncBench<SimLine>(
    results,
    {
      simulator: [
        "testkit/youforce-sim/cli.ts",
        "--companies",
        String(scale.companies),
        "--persons",
        String(scale.personsPerCompany),
        "--spike-arrest-ms",
        "0",
      ],
      name: "youforce",
      connector: (sim) => `kind = "youforce"
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
      title: (sim) =>
        `11. Youforce sync, ${scale.companies} companies × ${count(scale.personsPerCompany)} persons (${count(sim.persons)} person and ${count(sim.employments)} employment versions)`,
      people: scale.companies * scale.personsPerCompany,
      sync: syncOnce,
      addRun: (section, run, figures) => {
        section.add(
          `${run}: wall time at ${BENCH_INTERVAL_MS} ms pacing (run record)`,
          `${(figures.wallMs / 1000).toFixed(2)} s`,
        );
        section.add(
          `${run}: wall time paced as Youforce (${SPIKE_ARREST_MS} ms per call, computed)`,
          `${((figures.calls * SPIKE_ARREST_MS) / 60_000).toFixed(1)} min`,
        );
        section.add(`${run}: API calls (token included)`, count(figures.calls));
      },
    },
    workDir,
  );
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
    { env: tunedEnv("sync", { BENCH_USAGE_FILE: usageFile }), stdout: "ignore", stderr: "ignore" },
  );
  return flatFigures(measuredRun(await sync.exited, usageFile, dbPath));
}
