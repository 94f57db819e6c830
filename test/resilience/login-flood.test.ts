import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { ConsoleClient } from "../support/console-client.js";
import { useGatewayProcesses } from "../support/gateway-process.js";
import { useTempDir } from "../support/temp-dir.js";
import { waitFor } from "../support/wait-for.js";

const tempDir = useTempDir("hrgw-login-flood-");
const gateways = useGatewayProcesses();

const PASSWORD = "correct horse battery staple";
const FLOOD_MS = 10_000;
const CONCURRENCY = 16;
// Behind the (trusted) proxy on 127.0.0.1: one attacker who locked the admin's name at its address, one who locked
// its whole address by trying names, and the admin at the office.
const NAME_ATTACKER = "203.0.113.1";
const ADDRESS_ATTACKER = "203.0.113.2";
const OFFICE = "198.51.100.7";

const folderBytes = (dir: string) => readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);

/** The database's size in pages (WAL included) and the rows of every table an unauthenticated request could write. */
function databaseState(dir: string) {
  const db = new Database(join(dir, "gateway.db"), { readonly: true });
  try {
    const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    return {
      pages: db.pragma("page_count", { simple: true }) as number,
      rows: {
        audit_log: count("audit_log"),
        login_attempts: count("login_attempts"),
        app_log: count("app_log"),
        sessions: count("sessions"),
      },
    };
  } finally {
    db.close();
  }
}

async function logStoreHolds(dir: string, failedLogins: number): Promise<void> {
  let stored = 0;
  await waitFor(
    () => {
      const db = new Database(join(dir, "gateway.db"), { readonly: true });
      stored = db.prepare("SELECT count(*) FROM app_log WHERE msg = 'console: failed login'").pluck().get() as number;
      db.close();
      return stored >= failedLogins;
    },
    () => `the log store to hold ${failedLogins} failed sign-ins (it holds ${stored})`,
    10_000,
  );
}

async function signIn(url: string, address: string, username: string, password: string) {
  const client = new ConsoleClient(url);
  const headers = { "x-forwarded-for": address };
  await client.get("/login", headers);
  return { client, page: await client.post("/login", { username, password }, { headers }) };
}

describe("a flood of sign-ins the throttle refuses", () => {
  it(`${CONCURRENCY} clients for ${FLOOD_MS / 1000} s: no disk growth, two audit rows per address, the admin still signs in`, async () => {
    const dir = tempDir();
    const gateway = await gateways.start({ dir, toml: 'trusted_proxies = ["127.0.0.1"]\n[log]\nlevel = "info"' });
    expect((await new ConsoleClient(gateway.url).setup("admin", PASSWORD)).status).toBe(303);
    for (let attempt = 0; attempt < 5; attempt++)
      await signIn(gateway.url, NAME_ATTACKER, "admin", "wrong password, on purpose");
    for (let attempt = 0; attempt < 20; attempt++)
      await signIn(gateway.url, ADDRESS_ATTACKER, `guess${attempt}`, "wrong password, on purpose");
    // The log store writes in batches: wait until the 25 failed sign-ins are in it, or the last ones would count as growth.
    await logStoreHolds(dir, 25);
    const before = databaseState(dir);
    const folderBefore = folderBytes(dir);
    const stdoutBefore = gateway.child.stdout().length;

    const tally = { requests: 0, unexpected: [] as number[] };
    const until = performance.now() + FLOOD_MS;
    const worker = async (index: number) => {
      const address = index % 2 === 0 ? NAME_ATTACKER : ADDRESS_ATTACKER;
      const { client } = await signIn(gateway.url, address, "admin", "wrong password, on purpose");
      const headers = { "x-forwarded-for": address };
      for (let n = 0; performance.now() < until; n++) {
        const username = address === NAME_ATTACKER ? "admin" : `flood-${index}-${n}`;
        const page = await client.post("/login", { username, password: "wrong password, on purpose" }, { headers });
        tally.requests += 1;
        if (page.status !== 429) tally.unexpected.push(page.status);
      }
    };
    const flood = Promise.all(Array.from({ length: CONCURRENCY }, (_, index) => worker(index)));
    const admin = await signIn(gateway.url, OFFICE, "admin", PASSWORD);
    await flood;

    expect(admin.page.status).toBe(303);
    expect(tally.unexpected).toEqual([]);
    const after = databaseState(dir);
    const folderGrown = folderBytes(dir) - folderBefore;
    const stdoutGrown = gateway.child.stdout().length - stdoutBefore;
    console.log(
      `login flood: ${tally.requests} refused requests in ${FLOOD_MS / 1000} s; database +${after.pages - before.pages} pages, ` +
        `data folder +${folderGrown} bytes (WAL pages of the admin's sign-in), stdout +${stdoutGrown} bytes`,
    );
    expect(tally.requests).toBeGreaterThan(100);
    // Whatever the number of refused requests: the admin's sign-in (an attempt, a session, its audit row, and the
    // login line in the log store) and the first refusal of each attacker; nothing per request.
    expect(after.rows).toEqual({
      audit_log: before.rows.audit_log + 3,
      login_attempts: before.rows.login_attempts + 1,
      app_log: before.rows.app_log,
      sessions: before.rows.sessions + 1,
    });
    expect(after.pages - before.pages).toBeLessThanOrEqual(4);
    expect(stdoutGrown).toBeLessThan(1024);

    gateway.child.kill("SIGTERM");
    expect((await gateway.child.exited).code).toBe(0);
    const db = new Database(join(dir, "gateway.db"), { readonly: true });
    const refused = db
      .prepare("SELECT address, detail FROM audit_log WHERE action = 'login_throttled' ORDER BY id")
      .all() as { address: string; detail: string }[];
    db.close();
    // Per attacker: the first refusal, and at shutdown the sum of the rest.
    expect(refused.map((row) => row.address).sort()).toEqual([
      NAME_ATTACKER,
      NAME_ATTACKER,
      ADDRESS_ATTACKER,
      ADDRESS_ATTACKER,
    ]);
    const summed = refused
      .filter((row) => /^\d+ more refused/.test(row.detail))
      .reduce((sum, row) => sum + Number.parseInt(row.detail, 10), 0);
    expect(summed + 2).toBe(tally.requests + CONCURRENCY);
  });
});
