import { createHash, randomBytes } from "node:crypto";
import {
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import { SecretBox } from "./secret-box.js";

export const KEY_FILE_NAME = "encryption.key";

/** Where the generated key lives: next to the database, readable only by the gateway's user. */
export function keyFilePath(databasePath: string): string {
  return join(dirname(databasePath), KEY_FILE_NAME);
}

/**
 * The key that seals stored secrets: the configured one, else the one generated on first start into the data
 * directory (mode 0600). Losing it means re-entering stored secrets, so it is part of every backup instruction.
 */
export function loadOrCreateKey(databasePath: string, configured: Buffer | null): Buffer {
  if (configured) return configured;
  const file = keyFilePath(databasePath);
  if (existsSync(file)) return readKeyFile(file);
  const key = randomBytes(32);
  writeKeyFile(file, key, { replace: false });
  return key;
}

/** A 32-byte key written as 64 hex characters or as base64 (what `openssl rand -base64 32` prints). */
export function parseKey(text: string): Buffer | null {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "base64");
  return key.length === 32 ? key : null;
}

export function readKeyFile(file: string): Buffer {
  const key = parseKey(readFileSync(file, "utf8"));
  if (!key) throw new Error(`${file} does not hold a 32-byte key (base64 or 64 hex characters)`);
  return key;
}

/**
 * Writes a key file (mode 0600) so that it is either complete or absent, also after a power cut: written and
 * synced under a temporary name first, then moved into place. `replace: false` never overwrites an existing key.
 */
export function writeKeyFile(file: string, key: Buffer, options: { replace: boolean }): void {
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  const fd = openSync(temporary, "wx", 0o600);
  try {
    writeSync(fd, `${key.toString("base64")}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  chmodSync(temporary, 0o600);
  try {
    if (options.replace) renameSync(temporary, file);
    // link() fails when the name exists: two processes starting at once cannot both create a key.
    else linkSync(temporary, file);
  } finally {
    rmSync(temporary, { force: true });
  }
  syncDirectory(dirname(file));
}

/** Makes a rename or a new file in `directory` survive a power cut. */
export function syncDirectory(directory: string): void {
  const fd = openSync(directory, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function secretBoxFor(key: Buffer): SecretBox {
  return new SecretBox(key, createHash("sha256").update(key).digest().subarray(0, 4));
}
