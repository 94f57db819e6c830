/**
 * `npm run demo`: the whole product on the built-in Nmbrs simulator, on this machine only.
 *
 * Starts the simulator (3 companies of generated Dutch employees, including pre-hires, leavers, rehires and people
 * without e-mail), starts the gateway on 127.0.0.1:8080 with a connector "demo" that reads it, creates a demo
 * console admin, runs a first sync and prints where to look. The fixed demo credentials below are documented in
 * the README; they exist only here, and both servers listen on loopback only.
 *
 * Options: --port 8080 (HRGW_DEMO_PORT), --employees 60 (per company), --data ./data/demo (wiped at every start).
 */
import { rmSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { parseConfig } from "./config/load.js";
import { DEMO } from "./demo-credentials.js";
import { createFirstAdmin, hasAdmin } from "./console/auth/admins.js";
import { startGateway } from "./gateway.js";
import { generateDataset } from "./sim/generator.js";
import { startNmbrsSimulator } from "./sim/soap/simulator.js";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: process.env.HRGW_DEMO_PORT ?? "8080" },
    employees: { type: "string", default: "60" },
    data: { type: "string", default: "./data/demo" },
  },
});

const today = new Date().toISOString().slice(0, 10);
const dataset = generateDataset({ seed: 2026, companies: 3, employeesPerCompany: Number(values.employees), today, conflicts: 1 });
const simulator = await startNmbrsSimulator({ dataset, credentials: DEMO.nmbrs, today });

const dataDir = resolve(values.data);
rmSync(dataDir, { recursive: true, force: true });
const config = parseConfig(
  {
    server: { listen: `127.0.0.1:${values.port}` },
    storage: { path: `${dataDir}/hr-gateway.db` },
    connectors: [
      {
        id: DEMO.connectorId,
        kind: "nmbrs-soap",
        name: "Demo BV (simulated Nmbrs)",
        schedule: "*/15 * * * *",
        groups: { kinds: ["department", "company", "function"] },
        nmbrs: { endpoint: simulator.url, username: DEMO.nmbrs.username, token: DEMO.nmbrs.token, domain: DEMO.nmbrs.domain },
        scim: { username: DEMO.scimUsername, password: DEMO.scimPassword },
      },
    ],
  },
  "(demo)",
  { HRGW_LOG_LEVEL: process.env.HRGW_LOG_LEVEL ?? "warn" },
);

const gateway = await startGateway({ config });
if (!hasAdmin(gateway.db.sqlite)) {
  await createFirstAdmin(gateway.db.sqlite, DEMO.adminUsername, DEMO.adminPassword, new Date().toISOString());
}
const outcome = await gateway.sync.runNow(DEMO.connectorId, "manual");
const served = gateway.db.sqlite
  .prepare("SELECT resource_type AS type, count(*) AS n FROM scim_resources WHERE connector_id = ? AND gen_to IS NULL GROUP BY resource_type")
  .all(DEMO.connectorId) as { type: string; n: number }[];
const count = (type: string) => served.find((row) => row.type === type)?.n ?? 0;
const base = `${gateway.url}/scim/v2/${DEMO.connectorId}`;

process.stdout.write(`
HR Gateway demo is running (Nmbrs simulator: ${simulator.url}, ${dataset.employees.length} employees in ${dataset.companies.length} companies)

  First sync:      ${outcome.status} — ${outcome.message}
                   now serving ${count("User")} users and ${count("Group")} groups to Okta

  Admin console:   ${gateway.url}/
                   user ${DEMO.adminUsername} / password ${DEMO.adminPassword}

  SCIM Base URL for Okta:  ${base}
  SCIM username/password:  ${DEMO.scimUsername} / ${DEMO.scimPassword}

  Try:  curl -u ${DEMO.scimUsername}:${DEMO.scimPassword} '${base}/Users?startIndex=1&count=100'

Demo credentials are fixed and for this machine only. Press Ctrl+C to stop.
`);

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
