import { join } from "node:path";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { systemClock } from "../../src/clock.js";
import { parseConfig } from "../../src/config/load.js";
import { openDatabase } from "../../src/db/open.js";
import { startGateway, type Gateway } from "../../src/gateway.js";
import { keyedForecast, type KeyedForecast } from "../../src/forecast/next-import.js";
import { createLogger } from "../../src/logging/logger.js";
import { OktaImportSimulator } from "../../testkit/okta-sim/import-simulator.js";
import type { NmbrsSimulator } from "../../testkit/nmbrs-sim/soap/simulator.js";
import type { SyncProgress } from "../../src/sync/sync-service.js";
import { SYNC_NICE } from "../../src/runtime/tuning.js";
import type { ConnectorConfig } from "../../src/config/types.js";
import { createSourceFor } from "../../src/connectors/source-for.js";
import { createPreview } from "../../src/sync/preview/create-preview.js";
import { readPreview } from "../../src/sync/preview/preview-store.js";
import { SyncError } from "../../src/sync/sync-error.js";
import { dryRunApiSwitch } from "../../src/sync/api-switch/dry-run.js";
import { dryRunInProcess, previewInProcess, syncInProcess } from "../../src/sync/process/sync-process.js";
import { hire, scenarioDataset, simConnector, startScenarioSimulator } from "../support/nmbrs-scenario.js";
import { threadDepsOf } from "../support/sync-process-deps.js";
import { useTempDir } from "../support/temp-dir.js";
import { waitFor } from "../support/wait-for.js";

const tempDir = useTempDir("hrgw-sync-process-");
const gateways: Gateway[] = [];
const simulators: NmbrsSimulator[] = [];
afterEach(async () => {
  for (const gateway of gateways.splice(0)) await gateway.close();
  for (const sim of simulators.splice(0)) await sim.close();
});

const SCIM_TOKEN = "sync-process-test-scim-token-7d2e";

/** A gateway as `npm start` builds it (no scripted source, no test clock): its runs go to a sync process. */
async function gatewayWithStaff(people: number) {
  const dataset = scenarioDataset();
  for (let index = 0; index < people; index += 1) hire(dataset, { lastName: `Medewerker${index}` });
  const sim = await startScenarioSimulator(dataset);
  simulators.push(sim);
  const base = parseConfig(
    { server: { listen: "127.0.0.1:0" }, storage: { path: join(tempDir(), "gateway.db") } },
    null,
    {},
  );
  const connector = { ...simConnector(sim), scim: { username: null, password: null, bearerToken: SCIM_TOKEN } };
  const gateway = await startGateway({
    config: { ...base, connectors: [connector] },
    stdoutLevel: "silent",
    schedule: false,
  });
  gateways.push(gateway);
  return { gateway, sim, dataset };
}

describe("syncs in a process of their own", () => {
  it("report their start and progress, log through the gateway, and apply what Okta then reads", async () => {
    const { gateway } = await gatewayWithStaff(12);
    const progress: SyncProgress[] = [];
    gateway.sync.on("progress", (update) => progress.push(update));

    const outcome = await gateway.sync.runNow("acme", "manual");

    expect(outcome.status).toBe("succeeded");
    expect(outcome.stats).toMatchObject({ served: 12, created: 12 + 2, calls: expect.any(Number) as number });
    expect(progress.map((update) => update.runId)).toContain(outcome.runId);
    expect(progress.at(-1)).toMatchObject({ phase: "applying", employeesRead: 12 });
    // The process's pino lines reach the console's log page through the gateway's logger, with their fields.
    gateway.logStore.flush();
    const calls = gateway.logStore.query({ connectorId: "acme", text: "nmbrs call", limit: 100 });
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.map((line) => line.fields).join("\n")).toContain('"operation":"EmployeeService.List_GetByCompany"');
    const users = await fetch(`${gateway.url}/scim/v2/acme/Users?count=100`, {
      headers: { authorization: `Bearer ${SCIM_TOKEN}` },
    });
    expect(((await users.json()) as { totalResults: number }).totalResults).toBe(12);
  });

  /** Holds the sync at its first call to Nmbrs; resolves with the log line of its start and the release. */
  async function heldSync(gateway: Gateway, sim: NmbrsSimulator) {
    let release = () => {};
    sim.faults.add({
      fault: { kind: "hold", until: new Promise<void>((resolve) => (release = resolve)) },
      operation: "EmployeeService.Department_GetAll_AllEmployeesByCompany",
    });
    const started = new Promise<void>((resolve) =>
      gateway.sync.on("progress", (update) => update.runId !== null && resolve()),
    );
    const running = gateway.sync.runNow("acme", "manual");
    await started;
    gateway.logStore.flush();
    const [line] = gateway.logStore.query({ connectorId: "acme", text: "in its own process", limit: 1 });
    const { syncProcess: pid } = JSON.parse(line!.fields) as { syncProcess: number };
    return { line: line!, pid, release, running };
  }

  it.runIf(process.platform === "linux")(
    "run at a lower CPU priority than the gateway, with the sync's node flags and allocator settings",
    async () => {
      const { gateway, sim } = await gatewayWithStaff(3);
      const { line, pid, release, running } = await heldSync(gateway, sim);

      expect(line.msg).toBe(`sync run started in its own process (nice ${SYNC_NICE})`);
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const nice = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]); // field 19 of proc(5)
      const commandLine = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      const environment = readFileSync(`/proc/${pid}/environ`, "utf8").split("\0");
      release();
      expect(nice).toBe(SYNC_NICE);
      expect(commandLine).toEqual(
        expect.arrayContaining(["--max-semi-space-size=4", "--v8-pool-size=1", "--heap-growing-percent=25"]),
      );
      expect(commandLine).not.toContain("--heap-growing-percent=100");
      expect(environment).toContain("MALLOC_MMAP_THRESHOLD_=65536");
      expect((await running).status).toBe("succeeded");
    },
  );

  it.runIf(process.platform === "linux")(
    "end their process once answered, so all the memory of a sync goes back to the system",
    async () => {
      const { gateway, sim } = await gatewayWithStaff(3);
      const { pid, release, running } = await heldSync(gateway, sim);
      expect(existsSync(`/proc/${pid}`)).toBe(true);
      release();

      expect((await running).status).toBe("succeeded");
      await waitFor(() => !existsSync(`/proc/${pid}`), "the sync process to end");
    },
  );

  it.runIf(process.platform === "linux")(
    "fail the run loudly when the sync process dies, and keep serving the last good data",
    async () => {
      const { gateway, sim } = await gatewayWithStaff(3);
      expect((await gateway.sync.runNow("acme", "manual")).status).toBe("succeeded");
      const { pid, release, running } = await heldSync(gateway, sim);

      process.kill(pid, "SIGKILL");
      const outcome = await running;
      release();

      expect(outcome.status).toBe("failed");
      expect(outcome.message).toBe(
        "the sync stopped unexpectedly (its process ended with signal SIGKILL); nothing of this run was applied",
      );
      gateway.logStore.flush();
      expect(gateway.logStore.query({ text: "the sync process stopped without an outcome", limit: 1 })).toHaveLength(1);
      const users = await fetch(`${gateway.url}/scim/v2/acme/Users?count=100`, {
        headers: { authorization: `Bearer ${SCIM_TOKEN}` },
      });
      expect(((await users.json()) as { totalResults: number }).totalResults).toBe(3);
    },
  );

  it("stop reading when the gateway shuts down, and the run is recorded as failed", async () => {
    const { gateway, sim } = await gatewayWithStaff(3);
    let release = () => {};
    const until = new Promise<void>((resolve) => (release = resolve));
    sim.faults.add({
      fault: { kind: "hold", until },
      operation: "EmployeeService.Department_GetAll_AllEmployeesByCompany",
    });
    const started = new Promise<number>((resolve) =>
      gateway.sync.on("progress", (update) => update.runId !== null && resolve(update.runId)),
    );

    const running = gateway.sync.runNow("acme", "manual");
    const runId = await started;
    await gateway.close();
    const outcome = await running;
    release();

    expect(outcome).toMatchObject({ runId, status: "failed" });
    expect(outcome.message).toContain("the gateway is shutting down");
    const db = openDatabase(gateway.config.storage.path, { readonly: true });
    const run = db.sqlite.prepare("SELECT status, error FROM sync_runs WHERE id = ?").get(runId) as {
      status: string;
      error: string;
    };
    db.close();
    expect(run).toEqual({ status: "failed", error: outcome.message });
  });

  it("make the forecast of Okta's next import after a run that applied, exactly as the gateway would", async () => {
    const { gateway, dataset } = await gatewayWithStaff(5);
    expect((await gateway.sync.runNow("acme", "manual")).status).toBe("succeeded");
    const okta = new OktaImportSimulator({
      baseUrl: `${gateway.url}/scim/v2/acme`,
      authorization: `Bearer ${SCIM_TOKEN}`,
    });
    expect(await okta.importUsers()).toMatchObject({ new: 5 });
    gateway.scim.flush();
    hire(dataset, { lastName: "Nieuw" });
    const forecasts: KeyedForecast[] = [];
    const runner = syncInProcess({
      ...threadDepsOf(gateway),
      onForecast: (_connectorId, keyed) => forecasts.push(keyed),
    });

    expect((await runner(gateway.registry.resolve("acme")!, "manual", {})).status).toBe("succeeded");

    expect(forecasts).toEqual([keyedForecast(gateway.db.sqlite, "acme")]);
    expect(forecasts[0]!.forecast).toMatchObject({ kind: "ready", forecast: { counts: { new: 1 } } });
  });

  it("make previews too, and a preview that fails comes back as the same SyncError it would be on this thread", async () => {
    const { gateway, sim } = await gatewayWithStaff(4);
    const previewer = previewInProcess(threadDepsOf(gateway));
    const acme = gateway.registry.resolve("acme")!;

    const made = await previewer(acme, "tester");
    expect(made.report.summary).toMatchObject({ appears: 4 });
    expect(readPreview(gateway.db.sqlite, "acme", made.id)).toEqual({
      record: expect.objectContaining({ createdBy: "tester" }) as unknown,
      report: made.report,
    });

    sim.faults.add({ fault: { kind: "nmbrs", code: 1001 }, operation: "EmployeeService.List_GetByCompany" });
    const failed = async (preview: Promise<unknown>) => {
      const error = await preview.then(
        () => null,
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(SyncError);
      return { message: (error as SyncError).message, details: (error as SyncError).details };
    };
    const onThread = await failed(previewer(acme, "tester"));
    const sourceFor = (connector: ConnectorConfig) =>
      createSourceFor(connector, { logger: createLogger({ level: "silent" }) });
    const onThisThread = await failed(
      createPreview(
        { sqlite: gateway.db.sqlite, clock: systemClock, connector: () => acme, sourceFor },
        "acme",
        "tester",
      ),
    );
    expect(onThread).toEqual(onThisThread);
    expect(onThread.message).toContain("Acme BV");
    expect(onThread.details).toMatchObject({ connectorId: "acme", needsAttention: true });
  });

  it("make dry runs of an API switch, and fail them the same way as on this thread", async () => {
    const { gateway } = await gatewayWithStaff(2);
    const acme = gateway.registry.resolve("acme")!;
    const dryRun = dryRunInProcess(threadDepsOf(gateway));

    const onThread = await dryRun(acme).then(
      () => null,
      (error: unknown) => error,
    );
    const context = { sqlite: gateway.db.sqlite, clock: systemClock, newId: () => "unused" };
    const onThisThread = await dryRunApiSwitch(context, acme, () => {
      throw new Error("not reached");
    }).then(
      () => null,
      (error: unknown) => error,
    );

    expect(onThread).toBeInstanceOf(SyncError);
    expect(onThread).toMatchObject({
      message: (onThisThread as SyncError).message,
      details: (onThisThread as SyncError).details,
    });
    expect((onThread as SyncError).message).toContain("has settings for one Nmbrs API only");
  });

  it("record a run whose process could not even start as failed (when they can), and leave the gateway running", async () => {
    const { gateway } = await gatewayWithStaff(1);
    const notADirectory = join(tempDir(), "file");
    writeFileSync(notADirectory, "");
    const runner = syncInProcess({
      databasePath: join(notADirectory, "gateway.db"),
      secretsKey: Buffer.alloc(32),
      logger: createLogger({ level: "silent" }),
      sqlite: gateway.db.sqlite,
      clock: systemClock,
    });

    const outcome = await runner(gateway.registry.resolve("acme")!, "manual", {});

    expect(outcome.status).toBe("failed");
    expect(outcome.message).toMatch(/^the sync stopped unexpectedly \(.+\); nothing of this run was applied$/);
    const run = gateway.db.sqlite
      .prepare("SELECT status, error, trigger FROM sync_runs WHERE id = ?")
      .get(outcome.runId);
    expect(run).toEqual({ status: "failed", error: outcome.message, trigger: "manual" });

    // A connector deleted meanwhile: not even the failure can be recorded, and still the outcome says what happened.
    const acme = gateway.registry.resolve("acme")!;
    const ghost = await runner({ ...acme, settings: { ...acme.settings, id: "ghost" } }, "manual", {});
    expect(ghost).toMatchObject({ runId: 0, connectorId: "ghost", status: "failed" });
    expect((await fetch(`${gateway.url}/healthz`)).status).toBe(200);
  });
});
