import { randomBytes } from "node:crypto";
import { chmodSync, copyFileSync, existsSync, renameSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import type { Clock } from "../clock.js";
import type { Config } from "../config/types.js";
import { recordAudit } from "../audit/audit-store.js";
import { ConnectorRegistry } from "../connectors/registry.js";
import { openDatabase } from "../db/open.js";
import {
  keyFilePath,
  loadOrCreateKey,
  readKeyFile,
  secretBoxFor,
  syncDirectory,
  writeKeyFile,
} from "../secrets/key-file.js";
import { OpsError } from "./ops-error.js";

export interface RotateKeyOptions {
  readonly config: Config;
  /** The new key (`--new-key-file`); null = a random one. Required when the key comes from the configuration. */
  readonly newKey: Buffer | null;
  readonly actor: string;
  readonly clock: Clock;
}

export interface KeyRotation {
  /** Stored values re-sealed with the new key. */
  readonly resealed: number;
  /** The key file now holding the new key, or null when the configuration names the key (the operator updates it). */
  readonly keyFile: string | null;
}

/**
 * Re-seals every stored secret with a new encryption key. The gateway must be stopped: the database is opened
 * exclusively, so a running gateway is refused rather than left holding the old key.
 *
 * With the generated key file the steps are ordered so that a crash at any point loses nothing:
 *   1. the new key is written as `encryption.key.new`, the old one copied to `encryption.key.old`;
 *   2. every sealed value is re-sealed in one transaction (values already sealed with the new key are skipped);
 *   3. `encryption.key.new` is renamed over `encryption.key` (atomic), then `encryption.key.old` is deleted.
 * Run again after an interruption, it finds `encryption.key.new` and finishes with that key.
 */
export function rotateKey(options: RotateKeyOptions): KeyRotation {
  const { config } = options;
  const configured = config.storage.encryptionKey;
  if (configured && !options.newKey) {
    throw new OpsError(
      "the key comes from storage.encryption_key in the configuration: generate a new one " +
        "(openssl rand -base64 32 > new.key), run rotate-key --new-key-file new.key, then point the configuration at it",
    );
  }
  const db = openDatabase(config.storage.path, { exclusive: true });
  try {
    const current = loadOrCreateKey(config.storage.path, configured);
    const file = configured ? null : keyFilePath(config.storage.path);
    const next = file ? prepareKeyFiles(file, options.newKey) : options.newKey!;
    if (next.equals(current)) throw new OpsError("the new key is the key in use; nothing to rotate");
    const registry = new ConnectorRegistry(db, secretBoxFor(current), options.clock);
    const resealed = db.sqlite.transaction(() => {
      const count = registry.resealSecrets(secretBoxFor(next));
      const detail = `${count} stored secrets re-sealed; ${file ? `new key in ${file}` : "new key given with --new-key-file"}`;
      recordAudit(db.sqlite, { action: "key_rotate", actor: options.actor, address: null, detail }, options.clock());
      return count;
    })();
    if (file) commitKeyFiles(file);
    return { resealed, keyFile: file };
  } finally {
    db.close();
  }
}

/** Step 1, or the state an interrupted rotation left: the new key under `.new`, the old one under `.old`. */
function prepareKeyFiles(file: string, wanted: Buffer | null): Buffer {
  const pending = `${file}.new`;
  if (existsSync(pending)) {
    const next = readKeyFile(pending);
    if (wanted && !wanted.equals(next)) {
      throw new OpsError(
        `${pending} is left from an interrupted rotation with another key; run rotate-key without --new-key-file to finish it`,
      );
    }
    return next;
  }
  const next = wanted ?? randomBytes(32);
  copyFileSync(file, `${file}.old`);
  chmodSync(`${file}.old`, 0o600);
  writeKeyFile(pending, next, { replace: false });
  return next;
}

/** Step 3: the new key becomes the key, and the old one is no longer needed. */
function commitKeyFiles(file: string): void {
  renameSync(`${file}.new`, file);
  syncDirectory(dirname(file));
  rmSync(`${file}.old`, { force: true });
}
