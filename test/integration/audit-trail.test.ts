import { writeFileSync } from "node:fs";
import { userInfo } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load.js";
import { openDatabase } from "../../src/db/open.js";
import { startGateway, type Gateway } from "../../src/gateway.js";
import { backupDatabase } from "../../src/ops/backup.js";
import { exportPerson } from "../../src/ops/export-person.js";
import { rotateKey } from "../../src/ops/rotate-key.js";
import { loadOrCreateKey } from "../../src/secrets/key-file.js";
import { spawnTs } from "../support/child-process.js";
import { ConsoleClient } from "../support/console-client.js";
import { removeCompanyEmployees } from "../../testkit/nmbrs-sim/dataset-mutations.js";
import type { NmbrsSimulator } from "../../testkit/nmbrs-sim/soap/simulator.js";
import { ACME_NMBRS, hire, scenarioDataset, simConnector, startScenarioSimulator } from "../support/nmbrs-scenario.js";
import { syncFixture } from "../support/sync-fixture.js";
import { useTempDir } from "../support/temp-dir.js";

const tempDir = useTempDir("hrgw-audit-");
const gateways: Gateway[] = [];
const simulators: NmbrsSimulator[] = [];
afterEach(async () => {
  for (const gateway of gateways.splice(0)) await gateway.close();
  for (const sim of simulators.splice(0)) await sim.close();
});

/** The connector of config.toml, reading the simulator (an approval from the command line runs a sync). */
const config = (sim: NmbrsSimulator) => {
  const { nmbrs } = simConnector(sim);
  return `[[connectors]]
id = "acme"
kind = "nmbrs-soap"
schedule = "0 0 1 1 *"
[connectors.nmbrs]
endpoint = ${JSON.stringify(nmbrs!.endpoint)}
username = ${JSON.stringify(nmbrs!.username)}
token = ${JSON.stringify(nmbrs!.token)}
domain = ${JSON.stringify(nmbrs!.domain)}
[connectors.scim]
bearer_token = "audit-test-bearer-token-2f8c"
`;
};

/** A data directory with a served connector whose deactivations the brake holds (more than 10% would go). */
async function heldDirectory() {
  const dir = tempDir();
  const path = join(dir, "gateway.db");
  const dataset = scenarioDataset();
  for (let i = 0; i < 10; i += 1) hire(dataset);
  const sim = await startScenarioSimulator(dataset);
  simulators.push(sim);
  writeFileSync(join(dir, "config.toml"), `${config(sim)}[storage]\npath = ${JSON.stringify(path)}\n`);
  // The runs seal the birth-date key with the data directory's key file, as the gateway and the CLI after them do.
  const secretsKey = loadOrCreateKey(path, null);
  const fixture = syncFixture({ connector: simConnector(sim), path, inSyncProcesses: true, secretsKey });
  expect((await fixture.service.runNow("acme", "schedule")).status).toBe("succeeded");
  removeCompanyEmployees(dataset, ACME_NMBRS.id, 0.5);
  expect((await fixture.service.runNow("acme", "schedule")).holds).toEqual({ pending: 5, added: 5 });
  fixture.db.close();
  return { dir, path, config: join(dir, "config.toml") };
}

const trail = (path: string) => {
  const db = openDatabase(path);
  try {
    return db.sqlite
      .prepare("SELECT action, actor, connector_id AS connectorId, detail FROM audit_log ORDER BY id")
      .all() as Record<string, string | null>[];
  } finally {
    db.close();
  }
};

describe("the audit trail records every admin action, wherever it was taken", () => {
  it("an approval from the command line is recorded like one in the console", async () => {
    const { path, config } = await heldDirectory();
    const list = spawnTs("src/cli.ts", ["sync", "--holds", "--connector", "acme", "--config", config]);
    expect((await list.exited).code, list.stderr()).toBe(2);
    const ids = [...list.stdout().matchAll(/^#(\d+)\tpending\tbrake\tcompany 1\t/gm)].map((match) => match[1]!);
    expect(ids).toHaveLength(5);
    const cli = spawnTs("src/cli.ts", [
      "sync",
      "--approve-holds",
      ids.slice(0, 2).join(","),
      "--connector",
      "acme",
      "--config",
      config,
    ]);
    expect((await cli.exited).code, cli.stderr()).toBe(2); // three still wait
    expect(cli.stdout()).toMatch(/^2 holds approved$/m);
    expect(cli.stdout()).toMatch(/^run \d+ succeeded: .*; 3 held for approval/m);
    expect(trail(path)).toEqual([
      {
        action: "hold_approve",
        actor: `${userInfo().username} (cli)`,
        connectorId: "acme",
        detail: expect.stringMatching(/^2 decided: #\d+ brake .*; #\d+ brake /),
      },
    ]);
  });

  it("backups, key rotations, data exports and SCIM credentials from config.toml: recorded and shown on the Audit page", async () => {
    const { dir, path, config } = await heldDirectory();
    const clock = () => new Date();
    const db = openDatabase(path);
    await backupDatabase(db, { target: join(tempDir(), "b.db"), key: null, actor: "ops (cli)", clock });
    exportPerson(db.sqlite, { connectorId: "acme", ref: "3", actor: "dpo (cli)", clock });
    db.close();
    rotateKey({ config: loadConfig({ path: config }), newKey: null, actor: "ops (cli)", clock });

    const gw = await startGateway({
      config: loadConfig({ path: config, env: { HRGW_LISTEN: "127.0.0.1:0" } }),
      stdoutLevel: "silent",
      schedule: false,
    });
    gateways.push(gw);
    const admin = new ConsoleClient(gw.url);
    await admin.setup();
    await admin.get("/connectors/acme");
    expect((await admin.post("/connectors/acme/sync")).status).toBe(303);
    const page = (await admin.get("/audit")).text;
    for (const label of [
      "Backup made",
      "Personal data exported",
      "Encryption key rotated",
      "SCIM credentials changed in config.toml",
      "First admin created",
      "Sync started",
    ]) {
      expect(page, label).toContain(label);
    }
    expect(trail(join(dir, "gateway.db")).map((entry) => entry.action)).toEqual([
      "backup",
      "person_export",
      "key_rotate",
      "config_credentials",
      "setup",
      "sync_now",
    ]);
  });
});
