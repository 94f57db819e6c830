import { closeSync, openSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/open.js";
import { spawnTs, type Child } from "../support/child-process.js";
import { freePort, writeGatewayConfig } from "../support/gateway-process.js";
import { useTempDir } from "../support/temp-dir.js";

const tempDir = useTempDir("hrgw-startup-");
const children: Child[] = [];
afterEach(() => children.splice(0).forEach((child) => child.kill()));

async function startOn(dir: string) {
  const config = writeGatewayConfig({ dir, port: await freePort() });
  const child = spawnTs("src/main.ts", ["--config", config]);
  children.push(child);
  return { child, exit: await child.exited };
}

describe("a damaged database file at start", () => {
  it("that is not a database at all: exit code 78 with the file named and a hint to restore the backup", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "gateway.db"), "this is not an SQLite database\n".repeat(200));
    const { child, exit } = await startOn(dir);
    expect(exit.code).toBe(78);
    expect(child.stderr()).toContain(`The database file ${join(dir, "gateway.db")} is damaged (SQLITE_NOTADB)`);
    expect(child.stderr()).toMatch(/restore the last backup/);
    // The operator's message, not a stack trace.
    expect(child.stderr()).not.toMatch(/\n\s+at /);
  });

  it("with overwritten pages: exit code 78 and the same hint", async () => {
    const dir = tempDir();
    const path = join(dir, "gateway.db");
    const db = openDatabase(path);
    db.sqlite.pragma("wal_checkpoint(TRUNCATE)");
    db.close();
    const fd = openSync(path, "r+");
    writeSync(fd, Buffer.alloc(3 * 4096, 0x5a), 0, 3 * 4096, 4096);
    closeSync(fd);
    const { child, exit } = await startOn(dir);
    expect(exit.code).toBe(78);
    expect(child.stderr()).toMatch(/is damaged \(SQLITE_CORRUPT\)\. Stop the gateway, restore the last backup/);
  });
});
