import Database from "better-sqlite3";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/load.js";
import { startGateway, type Gateway } from "../../src/gateway.js";
import { spawnTs } from "../support/child-process.js";
import { ConsoleClient } from "../support/console-client.js";
import { TestClock } from "../support/sync-fixture.js";
import { useTempDir } from "../support/temp-dir.js";

const tempDir = useTempDir("hrgw-login-throttle-");
const gateways: Gateway[] = [];
afterEach(async () => {
  for (const gateway of gateways.splice(0)) await gateway.close();
});

const PASSWORD = "correct horse battery staple";
const METRICS_TOKEN = "login-throttle-metrics-token-7c2f";
const ADMIN_ADDRESS = "198.51.100.7";

/**
 * The real gateway behind a trusted proxy on 127.0.0.1, so a test can be any client address by X-Forwarded-For.
 * The admin is set up (and signed in once) from ADMIN_ADDRESS.
 */
async function gateway(clock: TestClock) {
  const base = parseConfig(
    {
      server: { listen: "127.0.0.1:0", trusted_proxies: ["127.0.0.1"] },
      storage: { path: join(tempDir(), "gateway.db") },
      metrics: { token: METRICS_TOKEN },
    },
    null,
    {},
  );
  const started = await startGateway({
    config: { ...base, connectors: [] },
    stdoutLevel: "silent",
    schedule: false,
    clock: clock.now,
  });
  gateways.push(started);
  const admin = new ConsoleClient(started.url);
  await admin.get("/setup", { "x-forwarded-for": ADMIN_ADDRESS });
  await admin.post(
    "/setup",
    { username: "admin", password: PASSWORD, confirm: PASSWORD },
    { headers: { "x-forwarded-for": ADMIN_ADDRESS } },
  );
  return started;
}

/** One sign-in attempt from a fresh browser at `address`. */
async function login(gw: Gateway, address: string, password: string, username = "admin") {
  const client = new ConsoleClient(gw.url);
  const headers = { "x-forwarded-for": address };
  await client.get("/login", headers);
  return client.post("/login", { username, password }, { headers });
}

const auditRows = (gw: Gateway, action: string, sqlite = gw.db.sqlite) =>
  sqlite.prepare("SELECT actor, address, detail FROM audit_log WHERE action = ? ORDER BY id").all(action) as {
    actor: string | null;
    address: string | null;
    detail: string | null;
  }[];

async function metric(gw: Gateway, name: string): Promise<string[]> {
  const text = await (
    await fetch(`${gw.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
  ).text();
  return text.split("\n").filter((line) => line.startsWith(`${name}{`));
}

describe("no lockout by strangers", () => {
  it("five wrong logins for admin from five addresses do not lock the admin out from another address", async () => {
    const clock = new TestClock(new Date("2026-03-02T08:00:00Z"));
    const gw = await gateway(clock);
    for (let stranger = 1; stranger <= 5; stranger++) {
      expect((await login(gw, `203.0.113.${stranger}`, "wrong password, on purpose")).status).toBe(401);
    }
    expect((await login(gw, "192.0.2.50", PASSWORD)).status).toBe(303);
    expect((await login(gw, ADMIN_ADDRESS, PASSWORD)).status).toBe(303);
  });

  it("a stranger who fails five times every 15 minutes locks only their own address; the admin gets in from theirs all along", async () => {
    const clock = new TestClock(new Date("2026-03-02T08:00:00Z"));
    const gw = await gateway(clock);
    const start = clock.now().getTime();
    for (let round = 0; round < 8; round++) {
      clock.set(new Date(start + round * 15 * 60_000 + 1000).toISOString());
      for (let attempt = 0; attempt < 5; attempt++)
        expect((await login(gw, "203.0.113.66", "wrong password, on purpose")).status).toBe(401);
      expect((await login(gw, "203.0.113.66", PASSWORD)).status).toBe(429);
      expect((await login(gw, ADMIN_ADDRESS, PASSWORD)).status, `round ${round}`).toBe(303);
    }
  });

  it("locks an account at one address after 5 failures in 15 minutes, also for the right password, and unlocks after the window", async () => {
    const clock = new TestClock(new Date("2026-03-02T08:00:00Z"));
    const gw = await gateway(clock);
    for (let attempt = 0; attempt < 5; attempt++)
      expect((await login(gw, "203.0.113.9", "wrong password, on purpose")).status).toBe(401);
    const locked = await login(gw, "203.0.113.9", PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.headers.get("retry-after")).toBe("900");
    clock.set("2026-03-02T08:15:01Z");
    expect((await login(gw, "203.0.113.9", PASSWORD)).status).toBe(303);
  });

  it("while an account is attacked from many addresses, a new address gets one failure for it; an address that signed in before keeps five", async () => {
    const clock = new TestClock(new Date("2026-03-02T08:00:00Z"));
    const gw = await gateway(clock);
    for (let stranger = 1; stranger <= 10; stranger++)
      await login(gw, `203.0.113.${stranger}`, "wrong password, on purpose");
    expect((await login(gw, "192.0.2.50", "wrong password, on purpose")).status).toBe(401);
    expect((await login(gw, "192.0.2.50", PASSWORD)).status).toBe(429);
    for (let attempt = 0; attempt < 4; attempt++)
      expect((await login(gw, ADMIN_ADDRESS, "a typo in the password")).status).toBe(401);
    expect((await login(gw, ADMIN_ADDRESS, PASSWORD)).status).toBe(303);
  });

  it("counts the addresses of one IPv6 /64 as one address", async () => {
    const clock = new TestClock(new Date("2026-03-02T08:00:00Z"));
    const gw = await gateway(clock);
    for (let attempt = 1; attempt <= 20; attempt++) {
      expect(
        (await login(gw, `2001:db8:1:2::${attempt.toString(16)}`, "wrong password, on purpose", `name${attempt}`))
          .status,
      ).toBe(401);
    }
    expect((await login(gw, "2001:db8:1:2:ffff::1", PASSWORD)).status).toBe(429);
    expect((await login(gw, "2001:db8:1:3::1", PASSWORD)).status).toBe(303);
  });
});

describe("a flood of refused logins", () => {
  it("is audited in at most two rows per address and name per 15 minutes, with the count, and counted in metrics", async () => {
    const clock = new TestClock(new Date("2026-03-02T08:00:00Z"));
    const gw = await gateway(clock);
    const attacker = "203.0.113.77";
    for (let attempt = 0; attempt < 5; attempt++) await login(gw, attacker, "wrong password, on purpose");
    for (let attempt = 0; attempt < 200; attempt++)
      expect((await login(gw, attacker, "wrong password, on purpose")).status).toBe(429);
    clock.set("2026-03-02T08:14:00Z");
    expect((await login(gw, attacker, PASSWORD)).status).toBe(429);
    expect(auditRows(gw, "login_throttled")).toHaveLength(1);

    clock.set("2026-03-02T08:16:00Z");
    expect((await login(gw, ADMIN_ADDRESS, PASSWORD)).status).toBe(303);
    const refused = auditRows(gw, "login_throttled");
    expect(refused).toHaveLength(2);
    expect(refused[0]).toMatchObject({ actor: "admin", address: attacker });
    expect(refused[1]).toMatchObject({ actor: "admin", address: attacker });
    expect(refused[1]!.detail).toMatch(/^200 more refused sign-ins/);
    expect(auditRows(gw, "login_failed")).toHaveLength(5);
    expect(await metric(gw, "hrgw_console_logins_total")).toEqual(
      expect.arrayContaining([
        'hrgw_console_logins_total{result="failed"} 5',
        'hrgw_console_logins_total{result="throttled"} 201',
        'hrgw_console_logins_total{result="succeeded"} 1',
      ]),
    );
  });

  it("with a new name on every request, is summed per address once the address is locked, also at shutdown", async () => {
    const clock = new TestClock(new Date("2026-03-02T08:00:00Z"));
    const gw = await gateway(clock);
    const attacker = "203.0.113.78";
    for (let attempt = 0; attempt < 20; attempt++)
      await login(gw, attacker, "wrong password, on purpose", `guess${attempt}`);
    for (let attempt = 0; attempt < 100; attempt++)
      expect((await login(gw, attacker, "wrong password, on purpose", `flood${attempt}`)).status).toBe(429);
    await gw.close();
    const stopped = new Database(gw.config.storage.path, { readonly: true });
    const refused = auditRows(gw, "login_throttled", stopped);
    stopped.close();
    expect(refused).toHaveLength(2);
    expect(refused.map((row) => row.address)).toEqual([attacker, attacker]);
    expect(refused[1]!.detail).toMatch(/^99 more refused sign-ins/);
  });
});

describe("npm run unlock-admin", () => {
  async function unlock(gw: Gateway, ...args: string[]) {
    const config = join(dirname(gw.config.storage.path), "config.toml");
    writeFileSync(config, `[storage]\npath = ${JSON.stringify(gw.config.storage.path)}\n`);
    const cli = spawnTs("src/cli.ts", ["unlock-admin", ...args, "--config", config]);
    const { code } = await cli.exited;
    return { code, stdout: cli.stdout(), stderr: cli.stderr() };
  }

  it("lets the admin in again while the gateway runs, and after it stopped; both recorded in the audit trail", async () => {
    const clock = new TestClock(new Date("2026-03-02T08:00:00Z"));
    const gw = await gateway(clock);
    const office = "203.0.113.9";
    const shared = "203.0.113.10";
    for (let attempt = 0; attempt < 5; attempt++) await login(gw, office, "wrong password, on purpose");
    for (let attempt = 0; attempt < 20; attempt++)
      await login(gw, shared, "wrong password, on purpose", `guess${attempt}`);
    expect((await login(gw, office, PASSWORD)).status).toBe(429);
    expect((await login(gw, shared, PASSWORD)).status).toBe(429);

    const account = await unlock(gw, "ADMIN");
    expect(account.code, account.stderr).toBe(0);
    expect(account.stdout).toContain("admin may sign in again: 5 failed sign-ins of the account forgotten");
    expect((await login(gw, office, PASSWORD)).status).toBe(303);
    expect((await login(gw, shared, PASSWORD)).status).toBe(429);
    const address = await unlock(gw, "admin", "--address", shared);
    expect(address.code, address.stderr).toBe(0);
    expect(address.stdout).toContain(`20 failed sign-ins from ${shared} forgotten`);
    expect((await login(gw, shared, PASSWORD)).status).toBe(303);

    for (let attempt = 0; attempt < 5; attempt++) await login(gw, office, "wrong password, on purpose");
    await gw.close();
    expect((await unlock(gw, "admin")).code).toBe(0);
    const stopped = new Database(gw.config.storage.path, { readonly: true });
    expect(
      stopped
        .prepare("SELECT count(*) FROM login_attempts WHERE succeeded = 0 AND username_fold = 'admin'")
        .pluck()
        .get(),
    ).toBe(0);
    expect(auditRows(gw, "login_unlock", stopped).map((row) => [row.address, row.detail])).toEqual([
      [null, "5 failed sign-ins of admin forgotten"],
      [shared, `0 failed sign-ins of admin forgotten, and 20 from ${shared}`],
      [null, "5 failed sign-ins of admin forgotten"],
    ]);
    expect(auditRows(gw, "login_unlock", stopped)[0]!.actor).toMatch(/ \(cli\)$/);
    stopped.close();
  });

  it("names the admins when the name is not one of them, and changes nothing", async () => {
    const gw = await gateway(new TestClock(new Date("2026-03-02T08:00:00Z")));
    const result = await unlock(gw, "root");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('there is no admin named "root"; the admins are: admin');
    expect(auditRows(gw, "login_unlock")).toEqual([]);
  });
});
