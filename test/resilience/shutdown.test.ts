import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { ConsoleClient } from "../support/console-client.js";
import { startGatewayProcess, type GatewayProcess } from "../support/gateway-process.js";
import { SIM_CREDENTIALS, startSimulatedNmbrs, type SimulatedNmbrs } from "../support/nmbrs-sim.js";
import { useTempDir } from "../support/temp-dir.js";
import { waitFor } from "../support/wait-for.js";

const tempDir = useTempDir("hrgw-shutdown-");
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const PERSONAL_INFO = "EmployeeService.PersonalInfoWithoutBSN_Get_GetAllEmployeesByCompany";
const LIST_COMPANIES = "CompanyService.List_GetAll";

/** The connector form as the console posts it for "Test connection". */
function connectionForm(nmbrs: SimulatedNmbrs): Record<string, string> {
  return {
    id: "acme",
    kind: "nmbrs-soap",
    "nmbrs.endpoint": nmbrs.sim.url,
    "nmbrs.username": SIM_CREDENTIALS.username,
    "nmbrs.domain": SIM_CREDENTIALS.domain,
    "nmbrs.token": SIM_CREDENTIALS.token,
  };
}

function readDb<T>(path: string, read: (db: Database.Database) => T): T {
  const db = new Database(path, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

const runs = (path: string) =>
  readDb(
    path,
    (db) =>
      db.prepare("SELECT id, status, error FROM sync_runs ORDER BY id").all() as {
        id: number;
        status: string;
        error: string | null;
      }[],
  );

describe("SIGTERM", () => {
  it("finishes in-flight requests, stops the running sync (recorded, nothing applied) and exits 0 within 10 s", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const nmbrs: SimulatedNmbrs = await startSimulatedNmbrs(
      { companies: 2, employeesPerCompany: 40, today },
      { today },
    );
    cleanups.push(() => nmbrs.sim.close());
    const dir = tempDir();
    const dbPath = join(dir, "gateway.db");
    const gateway: GatewayProcess = await startGatewayProcess({
      dir,
      toml: `[[connectors]]
id = "acme"
kind = "nmbrs-soap"
schedule = "0 0 1 1 *"
max_deactivation_percent = 100
[connectors.nmbrs]
endpoint = "${nmbrs.sim.url}"
username = "${SIM_CREDENTIALS.username}"
token = "${SIM_CREDENTIALS.token}"
domain = "${SIM_CREDENTIALS.domain}"
`,
    });
    cleanups.push(() => gateway.child.kill());
    const admin = new ConsoleClient(gateway.url);
    await admin.setup();
    await admin.get("/connectors/acme");
    await admin.post("/connectors/acme/sync");
    await waitFor(() => runs(dbPath).at(-1)?.status === "succeeded", "the first sync");
    const servedBefore = readDb(dbPath, (db) => db.prepare("SELECT * FROM scim_resources ORDER BY row_id").all());

    // The second sync hangs on Nmbrs (an answer that takes a minute), as a slow Nmbrs does.
    nmbrs.sim.faults.add({ operation: PERSONAL_INFO, fault: { kind: "delay", ms: 60_000 } });
    await admin.get("/connectors/acme");
    await admin.post("/connectors/acme/sync");
    await waitFor(() => nmbrs.sim.stats.callsTo(PERSONAL_INFO) >= 3, "the sync to wait on Nmbrs");
    expect(runs(dbPath).at(-1)?.status).toBe("running");
    // A request in flight when the signal comes: the console's connection test, waiting on a slow List_GetAll.
    nmbrs.sim.faults.add({ operation: LIST_COMPANIES, times: 1, fault: { kind: "delay", ms: 1_500 } });
    const listed = nmbrs.sim.stats.callsTo(LIST_COMPANIES);
    const connectionTest = admin.post("/connectors/test", connectionForm(nmbrs), { headers: { "hx-request": "true" } });
    await waitFor(() => nmbrs.sim.stats.callsTo(LIST_COMPANIES) > listed, "the connection test to reach Nmbrs");

    const signalled = Date.now();
    gateway.child.kill("SIGTERM");
    const inFlight = await connectionTest;
    expect(inFlight.status).toBe(200);
    expect(inFlight.text).toContain(nmbrs.dataset.companies[0]!.name.replace(/&/g, "&amp;"));
    const exit = await gateway.child.exited;
    const seconds = (Date.now() - signalled) / 1000;
    console.log(`SIGTERM → exit ${exit.code} in ${seconds.toFixed(1)} s`);

    expect(exit).toEqual({ code: 0, signal: null });
    expect(seconds).toBeLessThan(10);
    const last = runs(dbPath).at(-1)!;
    expect(last).toMatchObject({
      status: "failed",
      error: expect.stringMatching(/stopped: the gateway is shutting down/),
    });
    expect(runs(dbPath).filter((run) => run.status === "running")).toEqual([]);
    readDb(dbPath, (db) => {
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(db.prepare("SELECT * FROM scim_resources ORDER BY row_id").all()).toEqual(servedBefore);
    });
  });
});
