/**
 * Benchmark 8, the AFAS Profit sync (issue #23), part of `npm run bench`. The AFAS simulator (testkit/afas-sim/cli.ts)
 * in its own process; `node dist/cli.js sync` of an afas-profit connector in another, measured like benchmark 1 (peak
 * RSS and CPU from report-usage.mjs, calls and bytes from the run record), a first sync and a second one with nothing
 * changed.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { SIM_AFAS_TOKEN } from "../testkit/afas-sim/afas-simulator.js";
import { addSyncFigures, measuredSync } from "./support/measured-sync.js";
import { firstJsonLine, startNode, stopChild } from "./support/processes.js";
import { count, type Results } from "./support/results.js";

export interface AfasScale {
  readonly employers: number;
  readonly employeesPerEmployer: number;
}

export async function afasSyncBench(results: Results, scale: AfasScale, workDir: string): Promise<void> {
  const simulator = startNode([
    "--import",
    "tsx",
    "testkit/afas-sim/cli.ts",
    "--employers",
    String(scale.employers),
    "--employees",
    String(scale.employeesPerEmployer),
  ]);
  try {
    const sim = await firstJsonLine<{ baseUrl: string; employees: number; employments: number }>(simulator);
    const dbPath = join(workDir, "afas.db");
    const configPath = join(workDir, "afas.toml");
    writeFileSync(
      configPath,
      `[storage]
path = ${JSON.stringify(dbPath)}
[log]
level = "warn"
[[connectors]]
id = "bench"
kind = "afas-profit"
schedule = "0 0 1 1 *"
timezone = "UTC"
max_deactivation_percent = 100
[connectors.groups]
kinds = ["department", "company"]
[connectors.afas]
base_url = ${JSON.stringify(sim.baseUrl)}
token = ${JSON.stringify(SIM_AFAS_TOKEN)}
timeout_seconds = 600
`,
    );
    const people = scale.employers * scale.employeesPerEmployer;
    const section = results.section(
      `8. AFAS Profit sync, ${scale.employers} employers × ${count(scale.employeesPerEmployer)} Medewerkers (${count(sim.employments)} contract lines)`,
    );
    for (const run of ["first sync", "second sync (nothing changed)"]) {
      const figures = await measuredSync(workDir, configPath, dbPath);
      section.add(`${run}: wall time (run record)`, `${(figures.wallMs / 1000).toFixed(2)} s`);
      section.add(`${run}: GetConnector + metainfo calls`, count(figures.calls));
      addSyncFigures(section, run, figures, people);
    }
  } finally {
    await stopChild(simulator);
  }
}
