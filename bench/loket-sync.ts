/**
 * Benchmark 10, the Loket sync (issue #25), part of `npm run bench`. The Loket simulator (testkit/loket-sim/cli.ts) in
 * its own process; `node dist/cli.js sync` of a loket connector in another, measured like benchmark 8 (peak RSS and
 * CPU from report-usage.mjs, calls and bytes from the run record), a first sync and a second one with nothing
 * changed. The consent is a token the simulator issued, sealed into the connector's secrets before the first sync.
 */
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadConfig } from "../src/config/load.js";
import { ConnectorRegistry } from "../src/connectors/registry.js";
import { openDatabase } from "../src/db/open.js";
import { secretBoxFor } from "../src/secrets/key-file.js";
import { connectWithToken } from "../testkit/loket-sim/connect.js";
import { addSyncFigures, measuredSync } from "./support/measured-sync.js";
import { firstJsonLine, startNode, stopChild } from "./support/processes.js";
import { count, type Results } from "./support/results.js";

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
  const simulator = startNode([
    "--import",
    "tsx",
    "testkit/loket-sim/cli.ts",
    "--employers",
    String(scale.employers),
    "--employees",
    String(scale.employeesPerEmployer),
  ]);
  try {
    const sim = await firstJsonLine<SimLine>(simulator);
    const dbPath = join(workDir, "loket.db");
    const configPath = join(workDir, "loket.toml");
    const key = randomBytes(32);
    writeFileSync(
      configPath,
      `[storage]
path = ${JSON.stringify(dbPath)}
encryption_key = ${JSON.stringify(key.toString("hex"))}
[log]
level = "warn"
[[connectors]]
id = "bench"
kind = "loket"
schedule = "0 0 1 1 *"
timezone = "UTC"
max_deactivation_percent = 100
[connectors.groups]
kinds = ["department", "company"]
[connectors.loket]
api_url = ${JSON.stringify(sim.apiUrl)}
oauth_url = ${JSON.stringify(sim.oauthUrl)}
client_id = "bench"
client_secret = "bench-secret"
timeout_seconds = 600
`,
    );
    connect(configPath, key, sim);
    const people = scale.employers * scale.employeesPerEmployer;
    const section = results.section(
      `10. Loket sync, ${scale.employers} employers × ${count(scale.employeesPerEmployer)} employees (${count(sim.employments)} employments)`,
    );
    for (const run of ["first sync", "second sync (nothing changed)"]) {
      const figures = await measuredSync(workDir, configPath, dbPath);
      section.add(`${run}: wall time (run record)`, `${(figures.wallMs / 1000).toFixed(2)} s`);
      section.add(`${run}: API calls`, count(figures.calls));
      addSyncFigures(section, run, figures, people);
    }
  } finally {
    await stopChild(simulator);
  }
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
