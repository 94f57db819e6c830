/**
 * Runs the Youforce simulator in its own process (for benchmarks and manual testing):
 *
 *   npx tsx testkit/youforce-sim/cli.ts --companies 10 --persons 10000 --seed 25 --today 2026-12-07 --port 0
 *
 * Defaults: --companies 3, --persons 30 (per company), --seed 25, --today <current UTC date>, --port 0 (a free port),
 * --spike-arrest-ms 600 (Youforce's), --page-size 500. When listening it prints one JSON line,
 * {"apiUrl":…,"tokenUrl":…,"tenantId":…,"persons":N,"employments":N}, then serves until SIGINT or SIGTERM.
 */
import { serveUntilSignalled, simulatorArgs } from "../sim-cli.js";
import { generateYouforceDataset } from "./generator.js";
import { startYouforceSimulator } from "./youforce-simulator.js";

const values = simulatorArgs(25, {
  companies: { type: "string", default: "3" },
  persons: { type: "string", default: "30" },
  "spike-arrest-ms": { type: "string", default: "600" },
  "page-size": { type: "string", default: "500" },
});

const dataset = generateYouforceDataset({
  companies: Number(values.companies),
  personsPerCompany: Number(values.persons),
  seed: Number(values.seed),
  today: values.today,
});
const simulator = await startYouforceSimulator({
  dataset,
  port: Number(values.port),
  spikeArrestMs: Number(values["spike-arrest-ms"]),
  pageSize: Number(values["page-size"]),
});
serveUntilSignalled(simulator, {
  apiUrl: simulator.apiUrl,
  tokenUrl: simulator.tokenUrl,
  tenantId: dataset.tenantId,
  persons: dataset.records.persons.length,
  employments: dataset.records.employments.length,
});
