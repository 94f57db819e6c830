import { copyFileSync, existsSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { ConnectorRegistry, type ConnectorSecrets } from "../../src/connectors/registry.js";
import { openDatabase } from "../../src/db/open.js";
import { loadOrCreateKey, secretBoxFor } from "../../src/secrets/key-file.js";
import { spawnTs } from "../support/child-process.js";
import { connectorConfig } from "../support/hr-data.js";
import { useGatewayProcesses } from "../support/gateway-process.js";
import { scimSnapshot } from "../support/scim-snapshot.js";
import { SCIM_TOKEN, servedDatabase, servedGatewayToml } from "../support/served-database.js";
import { useTempDir } from "../support/temp-dir.js";

const tempDir = useTempDir("hrgw-backup-");
const gateways = useGatewayProcesses();

// A fixed public URL: the served bodies carry meta.location, and a restored gateway must serve the same bytes.
const TOML = servedGatewayToml({ server: 'public_url = "https://hr-gateway.example.test"' });
const AUTH = `Bearer ${SCIM_TOKEN}`;

async function start(dir: string) {
  const gateway = await gateways.start({ dir, toml: TOML });
  return gateway;
}

/** `npm run backup -- <file> [--with-key]`, as an operator runs it beside the running server. */
async function backup(configPath: string, file: string, ...options: string[]) {
  const child = spawnTs("src/cli.ts", ["backup", file, "--config", configPath, ...options]);
  const exit = await child.exited;
  expect(exit.code, child.stderr()).toBe(0);
  return child.stdout();
}

/** docs/operations.md, "Restore": stop, remove the -wal and -shm files, copy the backup in place, start. */
function restore(backupFile: string, dir: string, keyFile?: string) {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(join(dir, `gateway.db${suffix}`), { force: true });
  copyFileSync(backupFile, join(dir, "gateway.db"));
  if (keyFile) copyFileSync(keyFile, join(dir, "encryption.key"));
}

/** A connector made in the console, its secrets sealed with the data directory's key. */
function withConsoleConnector(dir: string, secrets: ConnectorSecrets) {
  const db = openDatabase(join(dir, "gateway.db"));
  const registry = new ConnectorRegistry(
    db,
    secretBoxFor(loadOrCreateKey(join(dir, "gateway.db"), null)),
    () => new Date(),
  );
  const { nmbrs, settings } = connectorConfig({ id: "hr2" });
  const { token: _inConfigOnly, ...soap } = nmbrs!;
  registry.saveConsoleConnector({ settings, nmbrs: soap, nmbrsRest: null }, secrets);
  db.close();
}

function consoleConnectorSecrets(dir: string): ConnectorSecrets {
  const db = openDatabase(join(dir, "gateway.db"));
  try {
    return new ConnectorRegistry(
      db,
      secretBoxFor(loadOrCreateKey(join(dir, "gateway.db"), null)),
      () => new Date(),
    ).secretsOf("hr2");
  } finally {
    db.close();
  }
}

describe("backups", () => {
  it("taken while the server serves Okta, restored in place: byte-identical SCIM output", async () => {
    const dir = tempDir();
    await servedDatabase(dir, 1_000);
    const gateway = await start(dir);
    const before = await scimSnapshot(`${gateway.url}/scim/v2/acme`, AUTH);

    // Okta keeps reading (and the request log keeps writing) while the backup runs.
    let reading = true;
    const traffic = (async () => {
      while (reading) await scimSnapshot(`${gateway.url}/scim/v2/acme`, AUTH).catch(() => undefined);
    })();
    const file = join(tempDir(), "backup.db");
    const printed = await backup(gateway.configPath, file);
    reading = false;
    await traffic;
    expect(printed).toMatch(/backup written: .*backup\.db/);
    expect(printed).toMatch(/back up encryption\.key separately/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(existsSync(`${file}-wal`)).toBe(false);
    const copy = new Database(file, { readonly: true });
    expect(copy.pragma("journal_mode", { simple: true })).toBe("delete");
    expect(copy.prepare("SELECT action, detail FROM audit_log WHERE action = 'backup'").all()).toEqual([]);
    copy.close();

    expect((await gateways.stop(gateway)).code).toBe(0);
    rmSync(join(dir, "gateway.db"));
    restore(file, dir);
    const restored = await start(dir);
    expect(await scimSnapshot(`${restored.url}/scim/v2/acme`, AUTH)).toEqual(before);
  });

  it("--with-key: restored on a new machine from the backup and its key file alone", async () => {
    const dir = tempDir();
    await servedDatabase(dir, 400);
    withConsoleConnector(dir, { nmbrsToken: "sealed-console-token" });
    const gateway = await start(dir);
    const before = await scimSnapshot(`${gateway.url}/scim/v2/acme`, AUTH);
    const file = join(tempDir(), "backup.db");
    const printed = await backup(gateway.configPath, file, "--with-key");
    expect(printed).toMatch(/encryption key written: .*backup\.db\.key/);
    expect(statSync(`${file}.key`).mode & 0o777).toBe(0o600);
    expect(readFileSync(`${file}.key`, "utf8")).toBe(readFileSync(join(dir, "encryption.key"), "utf8"));
    const audit = new Database(join(dir, "gateway.db"), { readonly: true });
    expect(audit.prepare("SELECT actor, detail FROM audit_log WHERE action = 'backup'").get()).toMatchObject({
      actor: expect.stringMatching(/\(cli\)$/),
      detail: expect.stringMatching(/backup\.db \(\d+ bytes, key written beside it\)/),
    });
    audit.close();

    const elsewhere = tempDir();
    restore(file, elsewhere, `${file}.key`);
    const restored = await start(elsewhere);
    expect(await scimSnapshot(`${restored.url}/scim/v2/acme`, AUTH)).toEqual(before);
    await gateways.stop(restored);
    // The sealed secrets of a console-made connector open with the restored key.
    expect(consoleConnectorSecrets(elsewhere)).toEqual({ nmbrsToken: "sealed-console-token" });
  });
});
