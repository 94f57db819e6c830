/**
 * `npm run demo`: the whole product on the built-in Nmbrs simulator, on this machine only.
 *
 * Starts the simulator (3 companies of generated Dutch employees, including pre-hires, leavers, rehires and people
 * without e-mail) on 127.0.0.1:8081, writes `<data>/config.toml` with a connector "demo" that reads it, starts the
 * gateway from that file on 127.0.0.1:8080, creates a demo console admin, runs a first sync and prints where to
 * look. The simulator's port is fixed (and recorded in the file) so that `npm run sync -- --config
 * data/demo/config.toml --connector demo` reaches it while the demo runs. The fixed demo credentials are documented
 * in the README; they exist only here, and both servers listen on loopback only.
 *
 * Options: --port 8080 (HRGW_DEMO_PORT), --sim-port 8081, --employees 60 (per company), --data ./data/demo (wiped at
 * every start), --scenario brake (after the first sync, HR "changes" the data so the second one holds people),
 * --source afas (the AFAS Profit simulator instead: 3 employers of one care group, testkit/afas-sim/), --source loket
 * (the Loket simulator: 3 employers an accountant's Loket user sees, testkit/loket-sim/; the demo stores a token the
 * simulator issued as the connector's consent, so the first sync works without a consent page, and "Connect to Loket"
 * in the console goes through the simulator's own login page).
 * --source afas (the AFAS Profit simulator instead: 3 employers of one care group, testkit/afas-sim/),
 * --source youforce (the Youforce simulator: 3 companies of a municipality group, testkit/youforce-sim/).
 */
import { mkdirSync, rmSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../../src/config/load.js";
import { writeDemoConfig } from "./demo-config.js";
import { DEMO } from "./demo-credentials.js";
import { applyBrakeScenario, DEMO_SCENARIOS, type DemoScenario } from "./demo-scenario.js";
import { createFirstAdmin, hasAdmin } from "../../src/admins/admin-store.js";
import { startGateway } from "../../src/gateway.js";
import { generateDataset } from "../nmbrs-sim/generator.js";
import { startNmbrsSimulator } from "../nmbrs-sim/soap/simulator.js";
import { startAfasSimulator } from "../afas-sim/afas-simulator.js";
import { generateAfasDataset } from "../afas-sim/generator.js";
import type { ConnectorRegistry } from "../../src/connectors/registry.js";
import { connectWithToken } from "../loket-sim/connect.js";
import { generateLoketDataset } from "../loket-sim/generator.js";
import { startLoketSimulator } from "../loket-sim/loket-simulator.js";
import { LOKET_SIM_USER } from "../loket-sim/oauth/index.js";
import { startYouforceDemo, youforceDemoConnector } from "./youforce-demo.js";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: process.env.HRGW_DEMO_PORT ?? "8080" },
    "sim-port": { type: "string", default: "8081" },
    employees: { type: "string", default: "60" },
    data: { type: "string", default: "./data/demo" },
    scenario: { type: "string" },
    source: { type: "string", default: "nmbrs" },
  },
});
const SOURCES = ["nmbrs", "afas", "loket", "youforce"] as const;
if (!(SOURCES as readonly string[]).includes(values.source)) {
  process.stderr.write(`unknown --source "${values.source}" (known: ${SOURCES.join(", ")})\n`);
  process.exit(64);
}
if (values.source !== "nmbrs" && values.scenario !== undefined) {
  process.stderr.write("--scenario works on the Nmbrs simulator only\n");
  process.exit(64);
}
const source = values.source as (typeof SOURCES)[number];
if (values.scenario !== undefined && !(DEMO_SCENARIOS as readonly string[]).includes(values.scenario)) {
  process.stderr.write(`unknown --scenario "${values.scenario}" (known: ${DEMO_SCENARIOS.join(", ")})\n`);
  process.exit(64);
}
const scenario = values.scenario as DemoScenario | undefined;

const today = new Date().toISOString().slice(0, 10);
const dataset = generateDataset({
  seed: 2026,
  companies: 3,
  employeesPerCompany: Number(values.employees),
  today,
  conflicts: 1,
});
const youforce =
  source === "youforce" ? await startYouforceDemo(Number(values.employees), today, Number(values["sim-port"])) : null;
const simulator: DemoSimulator =
  youforce ??
  (source === "afas" ? await startAfasDemo() : source === "loket" ? await startLoketDemo() : await startNmbrsDemo());

const dataDir = resolve(values.data);
rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true, mode: 0o700 });
const configPath = join(dataDir, "config.toml");
writeDemoConfig(configPath, {
  listen: `127.0.0.1:${values.port}`,
  storagePath: join(dataDir, "hr-gateway.db"),
  simulatorUrl: simulator.url,
  source,
  ...(youforce
    ? { connectorToml: youforceDemoConnector(DEMO.connectorId, youforce.sim, youforce.sim.dataset.tenantId) }
    : {}),
});
// Only the log level is taken from the environment: HRGW_LISTEN or PORT must not move the demo off loopback.
const config = loadConfig({
  path: configPath,
  env: process.env.HRGW_LOG_LEVEL ? { HRGW_LOG_LEVEL: process.env.HRGW_LOG_LEVEL } : {},
});

const gateway = await startGateway({ config });
simulator.connect?.(gateway.registry);
if (!hasAdmin(gateway.db.sqlite)) {
  await createFirstAdmin(gateway.db.sqlite, DEMO.adminUsername, DEMO.adminPassword, new Date().toISOString());
}
const outcome = await gateway.sync.runNow(DEMO.connectorId, "manual");
const scenarioText = scenario === "brake" ? await brakeScenario() : "";
const served = gateway.db.sqlite
  .prepare(
    "SELECT resource_type AS type, count(*) AS n FROM scim_resources WHERE connector_id = ? AND gen_to IS NULL GROUP BY resource_type",
  )
  .all(DEMO.connectorId) as { type: string; n: number }[];
const count = (type: string) => served.find((row) => row.type === type)?.n ?? 0;
const base = `${gateway.url}/scim/v2/${DEMO.connectorId}`;
const shownConfigPath = relative(process.cwd(), configPath).startsWith("..")
  ? configPath
  : relative(process.cwd(), configPath);

process.stdout.write(`
HR Gateway demo is running (${simulator.description})

  First sync:      ${outcome.status} — ${outcome.message}
                   now serving ${count("User")} users and ${count("Group")} groups to Okta
${scenarioText}${simulator.note?.(gateway.url) ?? ""}
  Config file:     ${shownConfigPath} (connector "${DEMO.connectorId}", declared here)
                   npm run sync -- --config ${shownConfigPath} --connector ${DEMO.connectorId}

  Admin console:   ${gateway.url}/
                   user ${DEMO.adminUsername} / password ${DEMO.adminPassword}

  SCIM Base URL for Okta:  ${base}
  SCIM username/password:  ${DEMO.scimUsername} / ${DEMO.scimPassword}

  Try:  curl -u ${DEMO.scimUsername}:${DEMO.scimPassword} '${base}/Users?startIndex=1&count=100'

Demo credentials are fixed and for this machine only. Press Ctrl+C to stop.
`);

interface DemoSimulator {
  readonly url: string;
  readonly description: string;
  /** Stores the consent a source needs before its first run (Loket's OAuth tokens). */
  readonly connect?: (registry: ConnectorRegistry) => void;
  /** More to print for this source, after the first sync's lines. */
  readonly note?: (gatewayUrl: string) => string;
  close(): Promise<void>;
}

async function startNmbrsDemo(): Promise<DemoSimulator> {
  const sim = await startNmbrsSimulator({ dataset, credentials: DEMO.nmbrs, today, port: Number(values["sim-port"]) });
  const description = `Nmbrs simulator: ${sim.url}, ${dataset.employees.length} employees in ${dataset.companies.length} companies`;
  return { url: sim.url, description, close: () => sim.close() };
}

/** The AFAS Profit simulator with a generated care group (testkit/afas-sim/), in the demo's shape. */
async function startAfasDemo(): Promise<DemoSimulator> {
  const afas = generateAfasDataset({ employers: 3, employeesPerEmployer: Number(values.employees), today });
  const sim = await startAfasSimulator({ dataset: afas, token: DEMO.afasToken, port: Number(values["sim-port"]) });
  const description = `AFAS Profit simulator: ${sim.baseUrl}, ${afas.employees.length} Medewerkers, ${afas.employments.length} contract lines`;
  return { url: sim.baseUrl, description, close: () => sim.close() };
}

/**
 * The Loket simulator (testkit/loket-sim/) with a token it issued stored as the connector's consent, and the demo's
 * app registered at its OAuth part so "Connect to Loket" works too.
 */
async function startLoketDemo(): Promise<DemoSimulator> {
  const loket = generateLoketDataset({ employers: 3, employeesPerEmployer: Number(values.employees), today });
  const sim = await startLoketSimulator({
    dataset: loket,
    port: Number(values["sim-port"]),
    oauth: { clients: [DEMO.loket] },
  });
  const people = loket.employers.reduce((sum, employer) => sum + employer.employees.length, 0);
  return {
    url: sim.apiUrl,
    description: `Loket simulator: ${sim.apiUrl}, ${people} employees of ${loket.employers.length} employers`,
    note: (gatewayUrl) => `
  Connect to Loket works against the simulator: ${gatewayUrl}/connectors/${DEMO.connectorId}, then log in
                   at the simulated Loket as ${LOKET_SIM_USER.username} / password ${LOKET_SIM_USER.password}
`,
    connect: (registry) =>
      connectWithToken(registry, DEMO.connectorId, sim.tokens.issue(), {
        clientId: DEMO.loket.clientId,
        oauthUrl: sim.oauthUrl,
        now: new Date(),
      }),
    close: () => sim.close(),
  };
}

/** HR "changes" the data, then a second sync holds what an admin must decide (testkit/demo/demo-scenario.ts). */
async function brakeScenario(): Promise<string> {
  const changed = applyBrakeScenario(dataset, today);
  const second = await gateway.sync.runNow(DEMO.connectorId, "manual");
  return `
  Scenario brake:  ${changed.leavers} people left a month ago; a work e-mail moved (${changed.movedDomain});
                   ${changed.withoutEmail} has no e-mail address any more
  Second sync:     ${second.status} — ${second.message}
                   held for your decision: ${gateway.url}/connectors/${DEMO.connectorId}/holds
`;
}

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void gateway
    .close()
    .then(() => simulator.close())
    .then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
