import { randomBytes } from "node:crypto";
import { statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { keyFilePath, loadOrCreateKey, secretBoxFor } from "../../../src/secrets/key-file.js";
import { hashSecret, verifySecret } from "../../../src/secrets/password-hash.js";
import { useTempDir } from "../../support/temp-dir.js";

const tempDir = useTempDir();

describe("secret box", () => {
  const box = secretBoxFor(randomBytes(32));

  it("round-trips a value and never stores it in clear", () => {
    const sealed = box.seal("nmbrs-token-123", "connector:acme");
    expect(sealed.toString("latin1")).not.toContain("nmbrs-token-123");
    expect(box.open(sealed, "connector:acme")).toBe("nmbrs-token-123");
  });

  it("refuses a value sealed for another record", () => {
    const sealed = box.seal("x", "connector:acme");
    expect(() => box.open(sealed, "connector:other")).toThrow(/cannot be decrypted/);
  });

  it("refuses a tampered value", () => {
    const sealed = box.seal("x", "c");
    sealed[sealed.length - 1] = (sealed[sealed.length - 1] ?? 0) ^ 1;
    expect(() => box.open(sealed, "c")).toThrow(/cannot be decrypted/);
  });

  it("names a key mismatch instead of failing obscurely", () => {
    const other = secretBoxFor(randomBytes(32));
    expect(() => other.open(box.seal("x", "c"), "c")).toThrow(/another encryption key/);
  });
});

describe("generated encryption key", () => {
  it("is created once, next to the database, readable only by its owner", () => {
    const db = join(tempDir(), "gw.db");
    const first = loadOrCreateKey(db, null);
    expect(first).toHaveLength(32);
    expect(loadOrCreateKey(db, null).equals(first)).toBe(true);
    expect(statSync(keyFilePath(db)).mode & 0o777).toBe(0o600);
  });

  it("is not generated when one is configured", () => {
    const configured = randomBytes(32);
    expect(loadOrCreateKey(join(tempDir(), "gw.db"), configured)).toBe(configured);
  });
});

describe("secret hashes", () => {
  it("verify the right secret and reject others", async () => {
    const stored = await hashSecret("correct horse battery staple");
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifySecret("correct horse battery staple", stored)).toBe(true);
    expect(await verifySecret("correct horse battery stapl", stored)).toBe(false);
    expect(await verifySecret("x", "not-a-hash")).toBe(false);
  });
});
