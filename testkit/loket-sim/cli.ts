/**
 * Runs the Loket simulator in its own process (for benchmarks and manual testing):
 *
 *   npx tsx testkit/loket-sim/cli.ts --employers 10 --employees 2000 --seed 25 --today 2026-12-07 --port 0
 *
 * Defaults: --employers 3, --employees 30 (per employer), --seed 25, --today <current UTC date>, --port 0 (a free
 * port), --max-page-size 100. When listening it prints one JSON line,
 * {"apiUrl":"http://127.0.0.1:PORT/v2","oauthUrl":"http://127.0.0.1:PORT","token":"…","employees":N,"employments":N},
 * with a bearer token the API accepts (store it as the connector's consent: connect.ts), then serves until SIGINT
 * or SIGTERM.
 */
import { serveUntilSignalled, simulatorArgs } from "../sim-cli.js";
import { generateLoketDataset } from "./generator.js";
import { startLoketSimulator } from "./loket-simulator.js";

const values = simulatorArgs(25, {
  employers: { type: "string", default: "3" },
  employees: { type: "string", default: "30" },
  "max-page-size": { type: "string", default: "100" },
});

const dataset = generateLoketDataset({
  employers: Number(values.employers),
  employeesPerEmployer: Number(values.employees),
  seed: Number(values.seed),
  today: values.today,
});
const simulator = await startLoketSimulator({
  dataset,
  port: Number(values.port),
  maxPageSize: Number(values["max-page-size"]),
});
const count = (of: "employees" | "employments") =>
  dataset.employers.reduce((sum, employer) => sum + employer[of].length, 0);
serveUntilSignalled(simulator, {
  apiUrl: simulator.apiUrl,
  oauthUrl: simulator.oauthUrl,
  token: simulator.tokens.issue(),
  employees: count("employees"),
  employments: count("employments"),
});
