import { createHash } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "../e2e/harness.js";
import { ConsoleClient } from "../support/console-client.js";
import { TestClock } from "../support/sync-fixture.js";
import { useTempDir } from "../support/temp-dir.js";

const tempDir = useTempDir("hrgw-console-");
const gateways: TestGateway[] = [];
afterEach(async () => {
  for (const gateway of gateways.splice(0)) await gateway.close();
});

async function gateway(options: { https?: boolean; clock?: TestClock } = {}) {
  const started = await startTestGateway({
    dir: tempDir(),
    ...(options.clock ? { clock: options.clock.now } : {}),
    ...(options.https ? { origin: { isHttps: () => true } } : {}),
  });
  gateways.push(started);
  return started;
}

const PASSWORD = "correct horse battery staple";

describe("first-run setup", () => {
  it("sends every page to the setup page while no admin exists", async () => {
    const gw = await gateway();
    const client = new ConsoleClient(gw.url);
    for (const path of ["/", "/connectors", "/hr", "/log", "/login"]) {
      const page = await client.get(path);
      expect({ path, status: page.status, location: page.location }).toEqual({ path, status: 303, location: "/setup" });
    }
  });

  it("refuses a weak password and explains the rule next to the field, keeping the user name", async () => {
    const gw = await gateway();
    const client = new ConsoleClient(gw.url);
    await client.get("/setup");
    for (const weak of ["short", "Password2024!", "aaaaaaaaaaaaaaaa", "qwertyuiopasdf", "administrator-admin1"]) {
      const page = await client.post("/setup", { username: "administrator", password: weak, confirm: weak });
      expect(page.status, weak).toBe(422);
      expect(page.text).toContain('class="field-error" id="f-password-error"');
      expect(page.text).toContain('value="administrator"');
    }
    expect(gw.db.sqlite.prepare("SELECT count(*) FROM admins").pluck().get()).toBe(0);
  });

  it("creates the first admin, signs in, and closes: a second setup is refused", async () => {
    const gw = await gateway();
    const first = new ConsoleClient(gw.url);
    const created = await first.setup("admin", PASSWORD);
    expect(created.status).toBe(303);
    expect(created.location).toBe("/");
    expect((await first.get("/")).status).toBe(200);

    const second = new ConsoleClient(gw.url);
    expect((await second.get("/setup")).location).toBe("/login");
    await second.get("/login");
    const again = await second.post("/setup", { username: "intruder", password: PASSWORD, confirm: PASSWORD });
    expect(again.status).toBe(409);
    expect(gw.db.sqlite.prepare("SELECT username FROM admins").pluck().all()).toEqual(["admin"]);
  });
});

describe("sessions", () => {
  it("sets the session cookie HttpOnly, SameSite=Strict, Path=/ and not Secure over plain http", async () => {
    const gw = await gateway();
    const client = new ConsoleClient(gw.url);
    await client.setup();
    const cookie = client.lastSetCookies.find((header) => header.startsWith("hrgw_session="))!;
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/Secure/);
  });

  it("marks every cookie Secure when the request came over https", async () => {
    const gw = await gateway({ https: true });
    const client = new ConsoleClient(gw.url);
    await client.get("/setup");
    expect(client.lastSetCookies.find((header) => header.startsWith("hrgw_form="))).toMatch(/; Secure/);
    await client.post("/setup", { username: "admin", password: PASSWORD, confirm: PASSWORD });
    expect(client.lastSetCookies.find((header) => header.startsWith("hrgw_session="))).toMatch(/; Secure/);
  });

  it("stores only a hash of a random 256-bit session id", async () => {
    const gw = await gateway();
    const client = new ConsoleClient(gw.url);
    await client.setup();
    const id = client.cookies.get("hrgw_session")!;
    expect(Buffer.from(id, "base64url")).toHaveLength(32);
    const stored = gw.db.sqlite.prepare("SELECT id_hash FROM sessions").pluck().all();
    expect(stored).toEqual([createHash("sha256").update(id).digest("base64url")]);
    expect(JSON.stringify(gw.db.sqlite.prepare("SELECT * FROM sessions").all())).not.toContain(id);
  });

  it("ends a session after 30 idle minutes and after 12 hours whatever the activity", async () => {
    const clock = new TestClock(new Date("2026-03-02T08:00:00Z"));
    const gw = await gateway({ clock });
    const client = new ConsoleClient(gw.url);
    await client.setup();
    clock.set("2026-03-02T08:29:00Z");
    expect((await client.get("/")).status).toBe(200);
    clock.set("2026-03-02T09:00:00Z");
    expect((await client.get("/")).status).toBe(303);

    await client.login();
    const signedIn = Date.parse("2026-03-02T09:00:00Z");
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      clock.set(new Date(signedIn + minutes * 60_000).toISOString());
      expect((await client.get("/")).status).toBe(200);
    }
    clock.set("2026-03-02T21:00:01Z");
    const late = await client.get("/connectors");
    expect(late.status).toBe(303);
    expect(late.location).toBe("/login?next=%2Fconnectors");
  });

  it("logout ends the session on the server, not only in the browser", async () => {
    const gw = await gateway();
    const client = new ConsoleClient(gw.url);
    await client.setup();
    const id = client.cookies.get("hrgw_session")!;
    await client.get("/");
    expect((await client.post("/logout")).location).toBe("/login");
    const replay = new ConsoleClient(gw.url);
    replay.cookies.set("hrgw_session", id);
    expect((await replay.get("/")).status).toBe(303);
  });

  it("sends htmx requests without a session to the login page by HX-Redirect", async () => {
    const gw = await gateway();
    await new ConsoleClient(gw.url).setup();
    const page = await new ConsoleClient(gw.url).get("/hr", { "hx-request": "true" });
    expect(page.status).toBe(200);
    expect(page.headers.get("hx-redirect")).toMatch(/^\/login/);
  });
});

describe("CSRF", () => {
  it("rejects a state-changing request without the token, with a wrong token, or with a wrong htmx header", async () => {
    const gw = await gateway();
    const client = new ConsoleClient(gw.url);
    await client.setup();
    await client.get("/");
    const form = {
      id: "acme",
      kind: "nmbrs-soap",
      "nmbrs.username": "api@acme.nl",
      "nmbrs.token": "t0ken",
      "nmbrs.domain": "acme",
    };
    expect((await client.post("/connectors", form, { csrf: null })).status).toBe(403);
    expect((await client.post("/connectors", form, { csrf: "A".repeat(43) })).status).toBe(403);
    expect((await client.post("/connectors", form, { csrf: null, headers: { "x-csrf-token": "nope" } })).status).toBe(
      403,
    );
    expect((await client.post("/logout", {}, { csrf: null })).status).toBe(403);
    expect(gw.registry.list()).toEqual([]);
    expect((await client.post("/connectors", form)).status).toBe(303);
    expect(gw.registry.list().map((record) => record.settings.id)).toEqual(["acme"]);
  });

  it("accepts the session's token in the X-CSRF-Token header, as htmx sends it", async () => {
    const gw = await gateway();
    const client = new ConsoleClient(gw.url);
    await client.setup();
    await client.get("/");
    const page = await client.post(
      "/connectors/test",
      { kind: "nmbrs-soap" },
      { csrf: null, headers: { "x-csrf-token": client.csrf, "hx-request": "true" } },
    );
    expect(page.status).toBe(200);
  });

  it("protects the login form with a double-submit token before there is a session", async () => {
    const gw = await gateway();
    await new ConsoleClient(gw.url).setup();
    const client = new ConsoleClient(gw.url);
    await client.get("/login");
    expect((await client.post("/login", { username: "admin", password: PASSWORD }, { csrf: null })).status).toBe(403);
    const stranger = new ConsoleClient(gw.url);
    expect(
      (await stranger.post("/login", { username: "admin", password: PASSWORD }, { csrf: client.csrf })).status,
    ).toBe(403);
    expect((await client.post("/login", { username: "admin", password: PASSWORD })).status).toBe(303);
  });

  it("refuses a request a browser marks as cross-site, even with a valid token", async () => {
    const gw = await gateway();
    const client = new ConsoleClient(gw.url);
    await client.setup();
    await client.get("/");
    expect((await client.post("/logout", {}, { headers: { "sec-fetch-site": "cross-site" } })).status).toBe(403);
  });
});

describe("login throttling", () => {
  it("locks an account after 5 failures in 15 minutes, also for the right password, and unlocks after the window", async () => {
    const clock = new TestClock(new Date("2026-03-02T08:00:00Z"));
    const gw = await gateway({ clock });
    await new ConsoleClient(gw.url).setup();
    const client = new ConsoleClient(gw.url);
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await client.login("admin", "wrong password here")).status).toBe(401);
    }
    const locked = await client.login("admin", PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.text).toContain("Too many failed attempts. Try again in 15 minutes.");
    clock.set("2026-03-02T08:15:01Z");
    expect((await client.login("admin", PASSWORD)).status).toBe(303);
  });

  it("answers the same for an account that does not exist, so a lockout reveals nothing", async () => {
    const clock = new TestClock(new Date("2026-03-02T08:00:00Z"));
    const gw = await gateway({ clock });
    await new ConsoleClient(gw.url).setup();
    const pages: Record<string, string[]> = { admin: [], nobody: [] };
    for (const name of ["admin", "nobody"]) {
      const client = new ConsoleClient(gw.url);
      for (let attempt = 0; attempt < 6; attempt++) {
        const page = await client.login(name, "wrong password here");
        pages[name]!.push(`${page.status} ${/<div class="notice[^"]*"[^>]*>(.*?)<\/div>/.exec(page.text)?.[1]}`);
      }
    }
    expect(pages.admin).toEqual(pages.nobody);
    expect(pages.admin![0]).toBe("401 The user name or password is not right.");
    expect(pages.admin![5]).toMatch(/^429 Too many failed attempts/);
  });

  it("locks an address that tries many account names", async () => {
    const clock = new TestClock(new Date("2026-03-02T08:00:00Z"));
    const gw = await gateway({ clock });
    await new ConsoleClient(gw.url).setup();
    const client = new ConsoleClient(gw.url);
    for (let attempt = 0; attempt < 20; attempt++) {
      expect((await client.login(`user${attempt}`, "wrong password here")).status).toBe(401);
    }
    expect((await client.login("admin", PASSWORD)).status).toBe(429);
    const audit = gw.db.sqlite
      .prepare("SELECT action, count(*) AS n FROM audit_log GROUP BY action ORDER BY action")
      .all();
    expect(audit).toEqual([
      { action: "login_failed", n: 20 },
      { action: "login_throttled", n: 1 },
      { action: "setup", n: 1 },
    ]);
  });
});

describe("where a login returns to", () => {
  const UNSAFE_NEXT = [
    "/\u0000",
    "/a\u0001b",
    "/\r\nSet-Cookie: x=1",
    "/\u007f",
    "//evil.example",
    "/\\evil.example",
    "https://evil.example",
    "/\u20ac",
  ];

  it.each(UNSAFE_NEXT.map((next) => ({ next, shown: JSON.stringify(next) })))(
    "a signed-in admin sent to /login?next=$shown goes to the dashboard, not to a 500",
    async ({ next }) => {
      const gw = await gateway();
      const client = new ConsoleClient(gw.url);
      await client.setup();
      const page = await client.get(`/login?next=${encodeURIComponent(next)}`);
      expect({ status: page.status, location: page.location }).toEqual({ status: 303, location: "/" });
    },
  );

  it("a sign-in posting an unsafe next goes to the dashboard, and the session it starts works", async () => {
    const gw = await gateway();
    await new ConsoleClient(gw.url).setup();
    for (const next of UNSAFE_NEXT) {
      const client = new ConsoleClient(gw.url);
      await client.get("/login");
      const page = await client.post("/login", { username: "admin", password: PASSWORD, next });
      expect({ next, status: page.status, location: page.location }).toEqual({ next, status: 303, location: "/" });
      expect((await client.get("/")).status).toBe(200);
    }
  });

  it("keeps a safe next, query string included", async () => {
    const gw = await gateway();
    await new ConsoleClient(gw.url).setup();
    const client = new ConsoleClient(gw.url);
    await client.get("/login?next=%2Fhr%3Fq%3Djan%2520de%2520vries");
    const page = await client.post("/login", { username: "admin", password: PASSWORD, next: "/hr?q=jan%20de%20vries" });
    expect(page.location).toBe("/hr?q=jan%20de%20vries");
  });
});
