/**
 * Benchmark 8, the AFAS Profit sync (issue #23), part of `npm run bench`. The AFAS simulator (testkit/afas-sim/cli.ts)
 * in its own process; `node dist/cli.js sync` of an afas-profit connector in another, measured like benchmark 1 (peak
 * RSS and CPU from report-usage.mjs, calls and bytes from the run record), a first sync and a second one with nothing
 * changed (support/source-sync.ts).
 */
import { SIM_AFAS_TOKEN } from "../testkit/afas-sim/afas-simulator.js";
import { count, type Results } from "./support/results.js";
import { sourceSyncBench } from "./support/source-sync.js";

export interface AfasScale {
  readonly employers: number;
  readonly employeesPerEmployer: number;
}

interface SimLine {
  readonly baseUrl: string;
  readonly employees: number;
  readonly employments: number;
}

export async function afasSyncBench(results: Results, scale: AfasScale, workDir: string): Promise<void> {
  await sourceSyncBench<SimLine>(
    results,
    {
      simulator: [
        "testkit/afas-sim/cli.ts",
        "--employers",
        String(scale.employers),
        "--employees",
        String(scale.employeesPerEmployer),
      ],
      name: "afas",
      connector: (sim) => `kind = "afas-profit"
[connectors.groups]
kinds = ["department", "company"]
[connectors.afas]
base_url = ${JSON.stringify(sim.baseUrl)}
token = ${JSON.stringify(SIM_AFAS_TOKEN)}
timeout_seconds = 600
`,
      title: (sim) =>
        `8. AFAS Profit sync, ${scale.employers} employers × ${count(scale.employeesPerEmployer)} Medewerkers (${count(sim.employments)} contract lines)`,
      people: scale.employers * scale.employeesPerEmployer,
      addRun: (section, run, figures) => {
        section.add(`${run}: wall time (run record)`, `${(figures.wallMs / 1000).toFixed(2)} s`);
        section.add(`${run}: GetConnector + metainfo calls`, count(figures.calls));
      },
    },
    workDir,
  );
}
