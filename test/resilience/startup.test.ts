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

describe("a setting the scheduler or the socket cannot use, in config.toml", () => {
  async function startWith(toml: string) {
    const dir = tempDir();
    const config = writeGatewayConfig({ dir, port: await freePort(), toml });
    const child = spawnTs("src/main.ts", ["--config", config]);
    children.push(child);
    return { child, config, exit: await child.exited };
  }

  const connector = (schedule: string) =>
    `[[connectors]]\nid = "acme"\nkind = "nmbrs-soap"\nschedule = "${schedule}"\n[connectors.nmbrs]\nusername = "api@acme.nl"\ntoken = "t"\ndomain = "acme"\n`;

  it.each([
    ["61 * * * *", 'connectors[0].schedule: "61 * * * *" cannot run: the minute must be 0–59'],
    ["0 24 * * *", 'connectors[0].schedule: "0 24 * * *" cannot run: the hour must be 0–23'],
  ])("schedule %j: exit code 78 with one line naming the key, no stack trace", async (schedule, line) => {
    const { child, config, exit } = await startWith(connector(schedule));
    expect(exit.code).toBe(78);
    expect(child.stderr()).toBe(`HR Gateway cannot start: invalid configuration in ${config}:\n  ${line}\n`);
  });

  it("a listen port above 65535: exit code 78 naming server.listen, not the socket's RangeError", async () => {
    const dir = tempDir();
    const config = join(dir, "config.toml");
    writeFileSync(
      config,
      `[server]\nlisten = "127.0.0.1:99999"\n[storage]\npath = ${JSON.stringify(join(dir, "gateway.db"))}\n`,
    );
    const child = spawnTs("src/main.ts", ["--config", config]);
    children.push(child);
    expect((await child.exited).code).toBe(78);
    expect(child.stderr()).toContain("server.listen: the port must be 0–65535");
    expect(child.stderr()).not.toMatch(/\n\s+at /);
  });
});

describe("a listen address this machine refuses", () => {
  it("that is not one of its addresses: exit code 78 naming the address, no stack trace", async () => {
    const dir = tempDir();
    const config = join(dir, "config.toml");
    // TEST-NET-3 (RFC 5737): never assigned to this machine, so the bind fails locally; nothing is sent.
    writeFileSync(
      config,
      `[server]\nlisten = "203.0.113.9:8080"\n[storage]\npath = ${JSON.stringify(join(dir, "gateway.db"))}\n`,
    );
    const child = spawnTs("src/main.ts", ["--config", config]);
    children.push(child);
    expect((await child.exited).code).toBe(78);
    expect(child.stderr()).toMatch(/^HR Gateway cannot start: listen EADDRNOTAVAIL.*203\.0\.113\.9:8080\n$/);
  });
});
