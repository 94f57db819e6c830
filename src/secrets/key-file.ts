import { createHash, randomBytes } from "node:crypto";
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
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
  if (existsSync(file)) {
    const key = Buffer.from(readFileSync(file, "utf8").trim(), "base64");
    if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte base64 key`);
    return key;
  }
  const key = randomBytes(32);
  writeFileSync(file, `${key.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  chmodSync(file, 0o600);
  return key;
}

export function secretBoxFor(key: Buffer): SecretBox {
  return new SecretBox(key, createHash("sha256").update(key).digest().subarray(0, 4));
}
