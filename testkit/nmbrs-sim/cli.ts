/**
 * Runs the Nmbrs simulator (SOAP and REST with OAuth2 on one port) in its own process (for benchmarks and manual testing):
 *
 *   npx tsx testkit/nmbrs-sim/cli.ts --companies 10 --employees 1000 --seed 1 --today 2026-11-28 --port 0 \
 *     --username api@example.nl --token sim-token --domain example
 *
 * Defaults: --companies 3, --employees 100 (per company), --seed 1, --today <current UTC date>, --conflicts 0,
 * --host 127.0.0.1, --port 0 (a free port), --username api@example.nl, --token sim-token, --domain example,
 * --latency-ms 0 (delay before every answer); for the REST API on the same port: --client-id sim-client,
 * --client-secret sim-client-secret, --subscription-key sim-subscription-key, --token-ttl 3600 (access token seconds).
 * When listening it prints one JSON line, {"url":"http://127.0.0.1:PORT/soap/v3","restUrl":"http://127.0.0.1:PORT",
 * "identityUrl":"http://127.0.0.1:PORT","employees":N}, and then serves until it receives SIGINT or SIGTERM.
 */
import { parseArgs } from "node:util";
import { generateDataset } from "./generator.js";
import { SIM_REST_CLIENT, SIM_SUBSCRIPTION_KEY } from "./rest/rest-simulator.js";
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
    "latency-ms": { type: "string", default: "0" },
    "client-id": { type: "string", default: SIM_REST_CLIENT.clientId },
    "client-secret": { type: "string", default: SIM_REST_CLIENT.clientSecret },
    "subscription-key": { type: "string", default: SIM_SUBSCRIPTION_KEY },
    "token-ttl": { type: "string", default: "3600" },
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
  latencyMs: Number(values["latency-ms"]),
  credentials: { username: values.username, token: values.token, domain: values.domain },
  rest: {
    clients: [{ clientId: values["client-id"], clientSecret: values["client-secret"] }],
    subscriptionKey: values["subscription-key"],
    accessTokenTtlSeconds: Number(values["token-ttl"]),
  },
});
const { apiUrl: restUrl, identityUrl } = simulator.rest;
process.stdout.write(
  `${JSON.stringify({ url: simulator.url, restUrl, identityUrl, employees: dataset.employees.length })}\n`,
);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void simulator.close().then(() => process.exit(0)));
}
