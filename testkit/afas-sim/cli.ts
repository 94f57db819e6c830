/**
 * Runs the AFAS Profit simulator in its own process (for benchmarks and manual testing):
 *
 *   npx tsx testkit/afas-sim/cli.ts --employers 10 --employees 10000 --seed 23 --today 2026-12-07 --port 0
 *
 * Defaults: --employers 3, --employees 30 (per employer), --seed 23, --today <current UTC date>, --port 0 (a free
 * port), --token the simulator's fixed SIM_AFAS_TOKEN. When listening it prints one JSON line,
 * {"baseUrl":"http://127.0.0.1:PORT/ProfitRestServices","employees":N,"employments":N}, then serves until SIGINT or
 * SIGTERM.
 */
import { serveUntilSignalled, simulatorArgs } from "../sim-cli.js";
import { SIM_AFAS_TOKEN, startAfasSimulator } from "./afas-simulator.js";
import { generateAfasDataset } from "./generator.js";

const values = simulatorArgs(23, {
  employers: { type: "string", default: "3" },
  employees: { type: "string", default: "30" },
  token: { type: "string", default: SIM_AFAS_TOKEN },
});

const dataset = generateAfasDataset({
  employers: Number(values.employers),
  employeesPerEmployer: Number(values.employees),
  seed: Number(values.seed),
  today: values.today,
});
const simulator = await startAfasSimulator({ dataset, token: values.token, port: Number(values.port) });
serveUntilSignalled(simulator, {
  baseUrl: simulator.baseUrl,
  employees: dataset.employees.length,
  employments: dataset.employments.length,
});
