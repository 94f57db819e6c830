import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readLoketTokens } from "../../src/connectors/loket-tokens.js";
import { generateLoketDataset } from "../../testkit/loket-sim/generator.js";
import { startLoketSimulator, type LoketSimulator } from "../../testkit/loket-sim/loket-simulator.js";
import { OktaImportSimulator } from "../../testkit/okta-sim/import-simulator.js";
import { startTestGateway, type TestGateway } from "../e2e/harness.js";
import { ConsoleClient } from "../support/console-client.js";
import { logInAtLoketSim, loketConnector } from "../support/loket-oauth.js";
import { TestClock } from "../support/sync-fixture.js";
import { useFileTempDir } from "../support/temp-dir.js";

/**
 * Issue #25, the whole Loket chain on 127.0.0.1 with one simulator (API and OAuth on one port): "Connect to Loket"
 * in the real console, a sync that Okta imports, a sync after Loket expired the access token (the gateway refreshes),
 * and a sync after the Loket user withdrew the app (the run fails asking for a new consent; Okta keeps its data).
 */
const tempDir = useFileTempDir();
const TODAY = "2026-12-07";
const BEARER = "loket-consent-to-okta-bearer-5c1d";
let clock: TestClock;
let sim: LoketSimulator;
let gw: TestGateway;
let okta: OktaImportSimulator;
let admin: ConsoleClient;

beforeAll(async () => {
  clock = new TestClock(new Date(`${TODAY}T08:00:00Z`));
  sim = await startLoketSimulator({
    dataset: generateLoketDataset({ employers: 2, employeesPerEmployer: 12, today: TODAY }),
    oauth: { now: () => clock.now().getTime() },
  });
  const connector = loketConnector({ url: sim.oauthUrl });
  expect(connector.loket?.apiUrl).toBe(sim.apiUrl);
  gw = await startTestGateway({
    dir: tempDir(),
    clock: clock.now,
    connectors: [{ ...connector, scim: { username: null, password: null, bearerToken: BEARER } }],
  });
  admin = new ConsoleClient(gw.url);
  await admin.setup();
  okta = new OktaImportSimulator({ baseUrl: `${gw.url}/scim/v2/klaassen`, authorization: `Bearer ${BEARER}` });
});

afterAll(async () => {
  okta.close();
  await gw.close();
  await sim.close();
});

function directoryRows(): unknown[] {
  return gw.db.sqlite.prepare("SELECT * FROM scim_resources WHERE connector_id = 'klaassen' ORDER BY row_id").all();
}

describe("Loket from consent to Okta", () => {
  it("Connect to Loket in the console, then a sync Okta imports", async () => {
    await admin.get("/connectors/klaassen");
    const started = await admin.post(
      "/connectors/klaassen/loket/connect",
      {},
      { csrf: null, headers: { "hx-request": "true", "x-csrf-token": admin.csrf } },
    );
    const authorize = new URL(started.headers.get("hx-redirect")!);
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${sim.oauthUrl}/authorize`);
    const back = await logInAtLoketSim(authorize.href);
    expect((await admin.get(`${back.pathname}${back.search}`)).status).toBe(200);
    const tokens = readLoketTokens(gw.registry, "klaassen")!;
    expect(sim.oauth.issuedTokens.userOf(tokens.accessToken)).toBe("jansen@klaassen.example");

    const first = await gw.sync.runNow("klaassen", "manual");
    expect(first.status, first.message).toBe("succeeded");
    const imported = await okta.importUsers();
    expect(imported.new).toBeGreaterThan(10);
    expect(sim.requests.filter((request) => request.endpoint === "employees").length).toBeGreaterThan(0);
    expect(sim.oauth.controls.stats).toMatchObject({ logins: 1, accessTokens: 1, refreshes: 0 });
  });

  it("after Loket expired the access token, the run refreshes it and succeeds", async () => {
    const before = readLoketTokens(gw.registry, "klaassen")!;
    sim.oauth.controls.expireAccessTokens();
    expect(sim.oauth.issuedTokens.isValid(before.accessToken)).toBe(false);
    const outcome = await gw.sync.runNow("klaassen", "manual");
    expect(outcome.status, outcome.message).toBe("succeeded");
    expect(sim.oauth.controls.stats.refreshes).toBe(1);
    const after = readLoketTokens(gw.registry, "klaassen")!;
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(sim.oauth.issuedTokens.isValid(after.accessToken)).toBe(true);
    expect(gw.registry.get("klaassen")!.attention).toBeNull();
  });

  it("after the Loket user withdrew the app, the run fails asking for a new consent and Okta keeps its data", async () => {
    const served = directoryRows();
    const oktaUsers = okta.directory.users.size;
    sim.oauth.controls.revokeAll();
    const outcome = await gw.sync.runNow("klaassen", "manual");
    expect(outcome.status).toBe("failed");
    expect(outcome.message).toContain("Connect to Loket");
    expect(sim.oauth.controls.stats.refusedRefreshes).toBe(1);
    expect(gw.registry.get("klaassen")!.attention).toContain("Needs re-consent");
    const page = await admin.get("/connectors/klaassen");
    expect(page.text).toContain("Needs re-consent");
    expect(page.text).toContain('hx-post="/connectors/klaassen/loket/connect"');
    expect(directoryRows()).toEqual(served);
    const again = await okta.importUsers();
    expect(again).toMatchObject({ new: 0, deactivated: 0 });
    expect(okta.directory.users.size).toBe(oktaUsers);
  });
});
