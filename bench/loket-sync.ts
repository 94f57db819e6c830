/**
 * Benchmark 10, the Loket sync (issue #25), part of `npm run bench`. The Loket simulator (testkit/loket-sim/cli.ts) in
 * its own process; `node dist/cli.js sync` of a loket connector in another, measured like benchmark 8 (peak RSS and
 * CPU from report-usage.mjs, calls and bytes from the run record), a first sync and a second one with nothing
 * changed (support/source-sync.ts). The consent is a token the simulator issued, sealed into the connector's secrets before the first sync.
 */
import { randomBytes } from "node:crypto";
import { loadConfig } from "../src/config/load.js";
import { ConnectorRegistry } from "../src/connectors/registry.js";
import { openDatabase } from "../src/db/open.js";
import { secretBoxFor } from "../src/secrets/key-file.js";
import { connectWithToken } from "../testkit/loket-sim/connect.js";
import { count, type Results } from "./support/results.js";
import { sourceSyncBench } from "./support/source-sync.js";

export interface LoketScale {
  readonly employers: number;
  readonly employeesPerEmployer: number;
}

interface SimLine {
  readonly apiUrl: string;
  readonly oauthUrl: string;
  readonly token: string;
  readonly employees: number;
  readonly employments: number;
}

export async function loketSyncBench(results: Results, scale: LoketScale, workDir: string): Promise<void> {
  const key = randomBytes(32);
  await sourceSyncBench<SimLine>(
    results,
    {
      simulator: [
        "testkit/loket-sim/cli.ts",
        "--employers",
        String(scale.employers),
        "--employees",
        String(scale.employeesPerEmployer),
      ],
      name: "loket",
      storage: `encryption_key = ${JSON.stringify(key.toString("hex"))}`,
      connector: (sim) => `kind = "loket"
[connectors.groups]
kinds = ["department", "company"]
[connectors.loket]
api_url = ${JSON.stringify(sim.apiUrl)}
oauth_url = ${JSON.stringify(sim.oauthUrl)}
client_id = "bench"
client_secret = "bench-secret"
timeout_seconds = 600
`,
      prepare: (configPath, sim) => connect(configPath, key, sim),
      title: (sim) =>
        `10. Loket sync, ${scale.employers} employers × ${count(scale.employeesPerEmployer)} employees (${count(sim.employments)} employments)`,
      people: scale.employers * scale.employeesPerEmployer,
      addRun: (section, run, figures) => {
        section.add(`${run}: wall time (run record)`, `${(figures.wallMs / 1000).toFixed(2)} s`);
        section.add(`${run}: API calls`, count(figures.calls));
      },
    },
    workDir,
  );
}

/** The connector declared and its consent sealed, as "Connect to Loket" leaves them, before the CLI runs. */
function connect(configPath: string, key: Buffer, sim: SimLine): void {
  const config = loadConfig({ path: configPath, env: {} });
  const db = openDatabase(config.storage.path);
  try {
    const registry = new ConnectorRegistry(db, secretBoxFor(key), () => new Date());
    registry.declareFromConfig(config.connectors);
    connectWithToken(registry, "bench", sim.token, { clientId: "bench", oauthUrl: sim.oauthUrl, now: new Date() });
  } finally {
    db.close();
  }
}
