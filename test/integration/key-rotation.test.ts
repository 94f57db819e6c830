import { randomBytes } from "node:crypto";
import { copyFileSync, existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/load.js";
import type { Config } from "../../src/config/types.js";
import { ConnectorRegistry, type ConnectorSecrets } from "../../src/connectors/registry.js";
import { openDatabase, StorageError, type Db } from "../../src/db/open.js";
import { rotateKey } from "../../src/ops/rotate-key.js";
import { OpsError } from "../../src/ops/ops-error.js";
import { keyFilePath, loadOrCreateKey, readKeyFile, secretBoxFor, writeKeyFile } from "../../src/secrets/key-file.js";
import { spawnTs } from "../support/child-process.js";
import { connectorConfig } from "../support/hr-data.js";
import { useTempDir } from "../support/temp-dir.js";

const tempDir = useTempDir("hrgw-rotate-");
const open: Db[] = [];
afterEach(() => open.splice(0).forEach((db) => db.sqlite.open && db.close()));

const clock = () => new Date("2026-03-02T10:00:00Z");
const SECRETS: Record<string, ConnectorSecrets> = {
  hr1: { nmbrsToken: "token-one-4c1e" },
  hr2: {
    clientSecret: "client-secret-two-9a0b",
    subscriptionKey: "subscription-two-7d3f",
    accessToken: "oauth-access-5e2a",
  },
};

/** A data directory with two console-made connectors whose secrets are sealed with `key`. */
function dataDirectory(key: Buffer | null = null) {
  const dir = tempDir();
  const path = join(dir, "gateway.db");
  const db = openDatabase(path);
  const registry = new ConnectorRegistry(db, secretBoxFor(loadOrCreateKey(path, key)), clock);
  for (const [id, secrets] of Object.entries(SECRETS)) {
    const { settings, nmbrs } = connectorConfig({ id });
    const { token: _fileOnly, ...soap } = nmbrs!;
    registry.saveConsoleConnector({ settings, nmbrs: soap, nmbrsRest: null }, secrets);
  }
  db.close();
  const config: Config = parseConfig({ storage: { path } }, null, {});
  return { dir, path, config: key ? { ...config, storage: { ...config.storage, encryptionKey: key } } : config };
}

function secretsWith(path: string, key: Buffer): Record<string, ConnectorSecrets> {
  const db = openDatabase(path);
  try {
    const registry = new ConnectorRegistry(db, secretBoxFor(key), clock);
    return Object.fromEntries(Object.keys(SECRETS).map((id) => [id, registry.secretsOf(id)]));
  } finally {
    db.close();
  }
}

/** Every BLOB in every table that is a sealed value (version 1), with the key id it carries. */
function sealedKeyIds(path: string): string[] {
  const db = openDatabase(path);
  try {
    const tables = db.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    return tables.flatMap((table) =>
      (db.sqlite.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[][])
        .flat()
        .filter((value): value is Buffer => Buffer.isBuffer(value) && value[0] === 1 && value.length >= 33)
        .map((value) => value.subarray(1, 5).toString("hex")),
    );
  } finally {
    db.close();
  }
}

const keyId = (key: Buffer) => secretBoxFor(key).keyId.toString("hex");

describe("npm run rotate-key", () => {
  it("re-seals every sealed value with a new key, replaces the key file (0600) and leaves no old key behind", () => {
    const { dir, path, config } = dataDirectory();
    const oldKey = readKeyFile(keyFilePath(path));
    const rotation = rotateKey({ config, newKey: null, actor: "ops (cli)", clock });
    const newKey = readKeyFile(keyFilePath(path));

    expect(rotation).toEqual({ resealed: 2, keyFile: keyFilePath(path) });
    expect(newKey.equals(oldKey)).toBe(false);
    expect(statSync(keyFilePath(path)).mode & 0o777).toBe(0o600);
    expect(existsSync(join(dir, "encryption.key.old"))).toBe(false);
    expect(existsSync(join(dir, "encryption.key.new"))).toBe(false);
    expect(secretsWith(path, newKey)).toEqual(SECRETS);
    expect(() => secretsWith(path, oldKey)).toThrow(/another encryption key/);
    expect(new Set(sealedKeyIds(path))).toEqual(new Set([keyId(newKey)]));

    const db = openDatabase(path);
    open.push(db);
    expect(db.sqlite.prepare("SELECT actor, action, detail FROM audit_log").all()).toEqual([
      {
        actor: "ops (cli)",
        action: "key_rotate",
        detail: `2 stored secrets re-sealed; new key in ${keyFilePath(path)}`,
      },
    ]);
  });

  it("finishes a rotation that was interrupted after re-sealing, with the key it had chosen", () => {
    const { dir, path, config } = dataDirectory();
    const file = keyFilePath(path);
    const chosen = randomBytes(32);
    // The state a crash between steps 2 and 3 leaves: .old and .new written, the database re-sealed with .new.
    copyFileSync(file, `${file}.old`);
    writeKeyFile(`${file}.new`, chosen, { replace: false });
    const db = openDatabase(path);
    new ConnectorRegistry(db, secretBoxFor(readKeyFile(file)), clock).resealSecrets(secretBoxFor(chosen));
    db.close();

    expect(rotateKey({ config, newKey: null, actor: "ops", clock }).resealed).toBe(0);
    expect(readKeyFile(file).equals(chosen)).toBe(true);
    expect(secretsWith(path, chosen)).toEqual(SECRETS);
    expect(existsSync(`${file}.old`) || existsSync(`${file}.new`)).toBe(false);
    expect(existsSync(join(dir, "encryption.key"))).toBe(true);
  });

  it("with the key in the configuration: needs --new-key-file, and writes no key file", () => {
    const configured = randomBytes(32);
    const { dir, path, config } = dataDirectory(configured);
    expect(() => rotateKey({ config, newKey: null, actor: "ops", clock })).toThrow(OpsError);
    const next = randomBytes(32);
    expect(rotateKey({ config, newKey: next, actor: "ops", clock })).toEqual({ resealed: 2, keyFile: null });
    expect(secretsWith(path, next)).toEqual(SECRETS);
    expect(existsSync(join(dir, "encryption.key"))).toBe(false);
  });

  it("refuses while a gateway has the database open, changing nothing", () => {
    const { path, config } = dataDirectory();
    const key = readKeyFile(keyFilePath(path));
    const running = openDatabase(path);
    open.push(running);
    expect(() => rotateKey({ config, newKey: null, actor: "ops", clock })).toThrow(StorageError);
    expect(() => rotateKey({ config, newKey: null, actor: "ops", clock })).toThrow(/in use by another process/);
    running.close();
    expect(readKeyFile(keyFilePath(path)).equals(key)).toBe(true);
    expect(secretsWith(path, key)).toEqual(SECRETS);
  });

  it("runs from the command line with --new-key-file", async () => {
    const { dir, path } = dataDirectory();
    writeFileSync(join(dir, "config.toml"), `[storage]\npath = ${JSON.stringify(path)}\n`);
    const next = randomBytes(32);
    writeFileSync(join(dir, "new.key"), next.toString("hex"));
    const cli = spawnTs("src/cli.ts", [
      "rotate-key",
      "--config",
      join(dir, "config.toml"),
      "--new-key-file",
      join(dir, "new.key"),
    ]);
    expect((await cli.exited).code, cli.stderr()).toBe(0);
    expect(cli.stdout()).toContain("2 stored secrets re-sealed with the new key");
    expect(readFileSync(keyFilePath(path), "utf8").trim()).toBe(next.toString("base64"));
    expect(secretsWith(path, next)).toEqual(SECRETS);
  });
});
