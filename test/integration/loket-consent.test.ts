import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listAudit } from "../../src/audit/audit-store.js";
import { LOKET_NEEDS_RECONSENT, readLoketTokens } from "../../src/connectors/loket-tokens.js";
import { CONSENT_TTL_MS } from "../../src/console/oauth-consent/pending-consents.js";
import { LOKET_SIM_CLIENT, startLoketOAuthServer, type LoketOAuthServer } from "../../testkit/loket-sim/oauth/index.js";
import { startTestGateway, type TestGateway } from "../e2e/harness.js";
import { ConsoleClient } from "../support/console-client.js";
import { logInAtLoketSim, loketConnector } from "../support/loket-oauth.js";
import { TestClock } from "../support/sync-fixture.js";
import { useTempDir } from "../support/temp-dir.js";
import { englishWords, visibleText } from "../support/visible-text.js";

/**
 * "Connect to Loket" through the real console and the simulator's OAuth service on 127.0.0.1: the authorize
 * request, the checks on Loket's redirect back (state, binding cookie, ten minutes, the console session), the code
 * exchange with the client credentials in the body, and Disconnect. The browser's part at Loket is logInAtLoketSim.
 */
const tempDir = useTempDir();
let sim: LoketOAuthServer;
let gw: TestGateway;
let client: ConsoleClient;
let clock: TestClock;

beforeEach(async () => {
  clock = new TestClock(new Date("2026-12-07T08:00:00Z"));
  sim = await startLoketOAuthServer({ now: () => clock.now().getTime() });
  gw = await startTestGateway({ dir: tempDir(), clock: clock.now, connectors: [loketConnector(sim)] });
  client = new ConsoleClient(gw.url);
  await client.setup();
});

afterEach(async () => {
  await gw.close();
  await sim.close();
});

const HTMX = { headers: { "hx-request": "true" } };

/** "Connect to Loket": where htmx would send the browser, and the consent cookie it got. */
async function startConsent(from: ConsoleClient = client): Promise<{ authorize: string; cookie: string }> {
  await from.get("/connectors/klaassen");
  const answer = await from.post(
    "/connectors/klaassen/loket/connect",
    {},
    { csrf: null, headers: { ...HTMX.headers, "x-csrf-token": from.csrf } },
  );
  expect(answer.status).toBe(200);
  return {
    authorize: answer.headers.get("hx-redirect")!,
    cookie: from.lastSetCookies.find((header) => header.startsWith("hrgw_loket_consent="))!,
  };
}

/** Loket's redirect back, as a path on the gateway. */
function callbackPath(back: URL): string {
  expect(back.pathname).toBe("/oauth/loket/callback");
  return `${back.pathname}${back.search}`;
}

describe("Connect to Loket", () => {
  it("offers the connection on a loket connector's page, with the redirect URI to register", async () => {
    const page = await client.get("/connectors/klaassen");
    expect(page.text).toContain("Connection to Loket");
    expect(page.text).toContain("not connected");
    expect(page.text).toContain(`${gw.url}/oauth/loket/callback`);
    expect(page.text).toContain('hx-post="/connectors/klaassen/loket/connect"');
    expect(page.text).not.toContain("/loket/disconnect");
  });

  it("sends the admin to Loket without PKCE, binds the consent to this browser, and stores the tokens sealed", async () => {
    expect((await client.post("/connectors/klaassen/loket/connect", {}, { csrf: null, ...HTMX })).status).toBe(403);
    const { authorize, cookie } = await startConsent();
    const url = new URL(authorize);
    expect(`${url.origin}${url.pathname}`).toBe(`${sim.url}/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: "code",
      client_id: LOKET_SIM_CLIENT.clientId,
      redirect_uri: `${gw.url}/oauth/loket/callback`,
      scope: "all",
      state: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\/oauth\/loket/i);

    const back = callbackPath(await logInAtLoketSim(authorize));
    const landed = await client.get(back);
    expect(landed.status).toBe(200);
    expect(landed.text).toContain('content="0;url=/connectors/klaassen?connected=1"');
    const tokens = readLoketTokens(gw.registry, "klaassen")!;
    expect(tokens).toMatchObject({ clientId: LOKET_SIM_CLIENT.clientId, identityUrl: sim.url, connectedBy: "admin" });
    expect(sim.issuedTokens.isValid(tokens.accessToken)).toBe(true);
    expect(sim.issuedTokens.userOf(tokens.accessToken)).toBe("jansen@klaassen.example");
    const sealed = gw.db.sqlite.prepare("SELECT secrets FROM connectors WHERE id = 'klaassen'").pluck().get() as Buffer;
    expect(sealed.includes(Buffer.from(tokens.refreshToken!))).toBe(false);

    const page = await client.get("/connectors/klaassen?connected=1");
    expect(page.text).toContain("Connected to Loket");
    expect(page.text).toMatch(/hx-post="\/connectors\/klaassen\/loket\/disconnect"[^>]*hx-confirm="Disconnect\?/);
    for (const token of sim.controls.issuedTokens()) expect(page.text).not.toContain(token);
    expect(listAudit(gw.db.sqlite, { action: "loket_connect", limit: 10 }).map((entry) => entry.detail)).toEqual([
      "connected",
      "sent to Loket for consent",
    ]);

    // The state is used up: the same answer again is refused, and nothing changes.
    const replay = await client.get(back);
    expect(replay.status).toBe(400);
    expect(replay.text).toContain("does not belong to a connection started here, or it was used already");
    expect(readLoketTokens(gw.registry, "klaassen")).toEqual(tokens);
  });

  it("clears 'Needs re-consent' when a Loket user connects again", async () => {
    gw.registry.setAttention("klaassen", LOKET_NEEDS_RECONSENT);
    expect((await client.get("/connectors/klaassen")).text).toContain("Connect to Loket");
    await client.get(callbackPath(await logInAtLoketSim((await startConsent()).authorize)));
    expect(gw.registry.get("klaassen")!.attention).toBeNull();
  });

  it("refuses an answer without the binding cookie, after ten minutes, after logging out, or from another kind", async () => {
    const elsewhere = new ConsoleClient(gw.url);
    const foreign = await elsewhere.get(callbackPath(await logInAtLoketSim((await startConsent()).authorize)));
    expect(foreign.status).toBe(400);
    expect(foreign.text).toContain("started in another browser");

    const late = await startConsent();
    const lateBack = callbackPath(await logInAtLoketSim(late.authorize));
    clock.set(new Date(clock.now().getTime() + CONSENT_TTL_MS).toISOString());
    const expired = await client.get(lateBack);
    expect(expired.status).toBe(400);
    expect(expired.text).toContain("more than ten minutes ago");

    // A Loket state brought to the Nmbrs callback is unknown there, and used up.
    const wrongDoor = callbackPath(await logInAtLoketSim((await startConsent()).authorize));
    const atNmbrs = await client.get(wrongDoor.replace("/oauth/loket/", "/oauth/nmbrs/"));
    expect(atNmbrs.status).toBe(400);
    expect((await client.get(wrongDoor)).status).toBe(400);

    const { authorize } = await startConsent();
    await client.post("/logout");
    const afterLogout = await client.get(callbackPath(await logInAtLoketSim(authorize)));
    expect(afterLogout.status).toBe(403);
    expect(afterLogout.text).toContain("Your console session ended");
    expect(readLoketTokens(gw.registry, "klaassen")).toBeNull();
    expect(sim.controls.stats.accessTokens).toBe(0);
  });

  it("says so when the Loket user cancels (error=access_denied), in the language the admin left in", async () => {
    await client.get("/connectors");
    expect((await client.post("/language", { language: "nl", next: "/connectors" })).status).toBe(303);
    const back = callbackPath(await logInAtLoketSim((await startConsent()).authorize, "cancel"));
    expect(new URL(back, gw.url).searchParams.get("error")).toBe("access_denied");
    const page = await client.get(back);
    expect(page.status).toBe(200);
    expect(page.text).toContain("de Loket-gebruiker brak af");
    expect(englishWords(visibleText(page.text))).toEqual([]);
    expect(readLoketTokens(gw.registry, "klaassen")).toBeNull();
    expect(listAudit(gw.db.sqlite, { action: "loket_connect", limit: 1 })[0]?.detail).toBe(
      "Loket answered access_denied",
    );
  });

  it("shows Loket's refusal of the code exchange, without a secret, and stores nothing", async () => {
    const back = callbackPath(await logInAtLoketSim((await startConsent()).authorize));
    sim.controls.nextTokenError = { status: 401, error: "invalid_client", description: "unknown client" };
    const page = await client.get(back);
    expect(page.status).toBe(502);
    expect(page.text).toContain("Loket did not complete the connection:");
    expect(page.text).toContain("refused the client id or client secret (invalid_client)");
    expect(page.text).not.toContain(LOKET_SIM_CLIENT.clientSecret);
    expect(readLoketTokens(gw.registry, "klaassen")).toBeNull();
  });
});

describe("Disconnect from Loket", () => {
  it("forgets the tokens, sends the browser to the connector page, and tells the admin to withdraw the app in Loket", async () => {
    await client.get(callbackPath(await logInAtLoketSim((await startConsent()).authorize)));
    await client.get("/connectors/klaassen");
    const answer = await client.post(
      "/connectors/klaassen/loket/disconnect",
      {},
      { csrf: null, headers: { ...HTMX.headers, "x-csrf-token": client.csrf } },
    );
    expect(answer.headers.get("hx-redirect")).toBe("/connectors/klaassen?disconnected=forgotten");
    expect(readLoketTokens(gw.registry, "klaassen")).toBeNull();
    const page = await client.get("/connectors/klaassen?disconnected=forgotten");
    expect(page.text).toContain("Disconnected from Loket");
    expect(page.text).toContain("withdraw the app&#39;s access in Loket");
    expect(page.text).toContain("not connected");
    expect(listAudit(gw.db.sqlite, { action: "loket_disconnect", limit: 10 })).toHaveLength(1);

    // Nothing left to forget: a second post goes to the page without a note.
    const again = await client.post("/connectors/klaassen/loket/disconnect", {});
    expect(again.status).toBe(303);
    expect(again.location).toBe("/connectors/klaassen");
  });
});
