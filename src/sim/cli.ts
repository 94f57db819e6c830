/**
 * Runs the Nmbrs SOAP simulator in its own process (for benchmarks and manual testing):
 *
 *   npx tsx src/sim/cli.ts --companies 10 --employees 1000 --seed 1 --today 2026-11-28 --port 0 \
 *     --username api@example.nl --token sim-token --domain example
 *
 * Defaults: --companies 3, --employees 100 (per company), --seed 1, --today <current UTC date>, --conflicts 0,
 * --host 127.0.0.1, --port 0 (a free port), --username api@example.nl, --token sim-token, --domain example.
 * When listening it prints one JSON line, {"url":"http://127.0.0.1:PORT/soap/v3","employees":N}, and then serves
 * until it receives SIGINT or SIGTERM.
 */
import { parseArgs } from "node:util";
import { generateDataset } from "./generator.js";
import { startNmbrsSimulator } from "./soap/simulator.js";

const { values } = parseArgs({
  options: {
    companies: { type: "string", default: "3" },
    employees: { type: "string", default: "100" },
    seed: { type: "string", default: "1" },
    today: { type: "string", default: new Date().toISOString().slice(0, 10) },
    conflicts: { type: "string", default: "0" },
    host: { type: "string", default: "127.0.0.1" },
    port: { type: "string", default: "0" },
    username: { type: "string", default: "api@example.nl" },
    token: { type: "string", default: "sim-token" },
    domain: { type: "string", default: "example" },
  },
});

const dataset = generateDataset({
  seed: Number(values.seed),
  companies: Number(values.companies),
  employeesPerCompany: Number(values.employees),
  today: values.today,
  conflicts: Number(values.conflicts),
});
const simulator = await startNmbrsSimulator({
  dataset,
  host: values.host,
  port: Number(values.port),
  today: values.today,
  credentials: { username: values.username, token: values.token, domain: values.domain },
});
process.stdout.write(`${JSON.stringify({ url: simulator.url, employees: dataset.employees.length })}\n`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void simulator.close().then(() => process.exit(0)));
}
