import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/load.js";
import { startGateway, type Gateway } from "../../src/gateway.js";
import { ConsoleClient } from "../support/console-client.js";
import { connectorConfig } from "../support/hr-data.js";
import { useTempDir } from "../support/temp-dir.js";

const tempDir = useTempDir("hrgw-proxy-");
const gateways: Gateway[] = [];
afterEach(async () => {
  for (const gateway of gateways.splice(0)) await gateway.close();
});

const PASSWORD = "correct horse battery staple";
const TOKEN = "proxy-test-bearer-token-1b7e";
const CLIENT = "203.0.113.9";
const OTHER_CLIENT = "198.51.100.1";

/** The real gateway, reached from 127.0.0.1: a proxy when 127.0.0.1 is trusted, a client that lies when it is not. */
async function gateway(trustedProxies: string[]) {
  const base = parseConfig(
    {
      server: { listen: "127.0.0.1:0", trusted_proxies: trustedProxies },
      storage: { path: join(tempDir(), "gateway.db") },
    },
    null,
    {},
  );
  const connector = connectorConfig();
  const started = await startGateway({
    config: { ...base, connectors: [{ ...connector, scim: { username: null, password: null, bearerToken: TOKEN } }] },
    stdoutLevel: "silent",
    schedule: false,
  });
  gateways.push(started);
  const admin = new ConsoleClient(started.url);
  await admin.setup("admin", PASSWORD);
  return started;
}

/** A sign-in as a browser behind the proxy sends it (a fresh client, so no session or throttle state is shared). */
async function login(
  url: string,
  headers: Record<string, string>,
  password = "wrong password, on purpose",
  username = "admin",
) {
  const client = new ConsoleClient(url);
  await client.get("/login", headers);
  const page = await client.post("/login", { username, password }, { headers });
  return { page, client };
}

const auditAddresses = (gw: Gateway, action: string) =>
  gw.db.sqlite.prepare("SELECT address FROM audit_log WHERE action = ? ORDER BY id").pluck().all(action) as string[];

const scim = (gw: Gateway, headers: Record<string, string>) =>
  fetch(`${gw.url}/scim/v2/acme/Users?count=1`, { headers: { authorization: `Bearer ${TOKEN}`, ...headers } });

describe("behind a reverse proxy: trusted_proxies decides whether X-Forwarded-* is believed", () => {
  it("ignores a spoofed X-Forwarded-For from a peer that is not a trusted proxy (audit, request log)", async () => {
    const gw = await gateway([]);
    await login(gw.url, { "x-forwarded-for": CLIENT });
    expect(auditAddresses(gw, "login_failed")).toEqual(["127.0.0.1"]);
    expect((await scim(gw, { "x-forwarded-for": CLIENT })).status).toBe(200);
    gw.scim.flush();
    expect(gw.db.sqlite.prepare("SELECT client_address FROM scim_request_log").pluck().all()).toEqual(["127.0.0.1"]);
  });

  it("uses X-Forwarded-For from a trusted proxy: the nearest address that is not a proxy is the client", async () => {
    const gw = await gateway(["127.0.0.1", "10.0.0.0/8"]);
    await login(gw.url, { "x-forwarded-for": CLIENT });
    // A client-supplied first hop is ignored; the hops our own proxies added are skipped.
    await login(gw.url, { "x-forwarded-for": `192.0.2.66, ${CLIENT}, 10.1.2.3` });
    expect(auditAddresses(gw, "login_failed")).toEqual([CLIENT, CLIENT]);
    expect((await scim(gw, { "x-forwarded-for": OTHER_CLIENT })).status).toBe(200);
    gw.scim.flush();
    expect(gw.db.sqlite.prepare("SELECT client_address FROM scim_request_log").pluck().all()).toEqual([OTHER_CLIENT]);
  });

  it("throttles the address it believes: spoofing X-Forwarded-For does not get past SCIM throttling", async () => {
    const gw = await gateway([]);
    for (let attempt = 0; attempt < 10; attempt++) {
      const response = await fetch(`${gw.url}/scim/v2/acme/Users`, {
        headers: { authorization: "Bearer wrong", "x-forwarded-for": `192.0.2.${attempt}` },
      });
      expect(response.status).toBe(401);
    }
    // Every failure counted against the real peer: even the right token from "another" address waits now.
    expect((await scim(gw, { "x-forwarded-for": OTHER_CLIENT })).status).toBe(429);
  });

  it("behind a trusted proxy, one client's failures do not lock out another (console and SCIM)", async () => {
    const gw = await gateway(["127.0.0.1"]);
    for (let attempt = 0; attempt < 20; attempt++)
      await login(gw.url, { "x-forwarded-for": CLIENT }, "wrong", `guess${attempt}`);
    expect((await login(gw.url, { "x-forwarded-for": CLIENT }, PASSWORD)).page.status).toBe(429);
    expect((await login(gw.url, { "x-forwarded-for": OTHER_CLIENT }, PASSWORD)).page.status).toBe(303);

    for (let attempt = 0; attempt < 10; attempt++) {
      await fetch(`${gw.url}/scim/v2/acme/Users`, {
        headers: { authorization: "Bearer wrong", "x-forwarded-for": CLIENT },
      });
    }
    expect((await scim(gw, { "x-forwarded-for": CLIENT })).status).toBe(429);
    expect((await scim(gw, { "x-forwarded-for": OTHER_CLIENT })).status).toBe(200);
  });

  it.each<{ proxies: string[]; headers: Record<string, string>; secure: boolean; case: string }>([
    {
      proxies: ["127.0.0.1"],
      headers: { "x-forwarded-proto": "https" },
      secure: true,
      case: "https at a trusted proxy",
    },
    {
      proxies: [],
      headers: { "x-forwarded-proto": "https" },
      secure: false,
      case: "X-Forwarded-Proto from an untrusted peer",
    },
    { proxies: ["127.0.0.1"], headers: {}, secure: false, case: "plain http through a trusted proxy" },
  ])("sets the Secure cookie flag only when the browser used https ($case)", async ({ proxies, headers, secure }) => {
    const gw = await gateway(proxies);
    const { page, client } = await login(gw.url, headers, PASSWORD);
    expect(page.status).toBe(303);
    const cookie = client.lastSetCookies.find((header) => header.startsWith("hrgw_session="))!;
    expect(/;\s*Secure/i.test(cookie)).toBe(secure);
  });
});
