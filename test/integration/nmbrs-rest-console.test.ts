import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readTokens, saveTokens, storedTokensOf } from "../../src/connectors/nmbrs-tokens.js";
import { listAudit } from "../../src/audit/audit-store.js";
import { setPersonalInfo } from "../../testkit/nmbrs-sim/dataset-mutations.js";
import { currentPersonalInfo, type SimDataset } from "../../testkit/nmbrs-sim/dataset.js";
import { generateDataset } from "../../testkit/nmbrs-sim/generator.js";
import { SIM_REST_CLIENT } from "../../testkit/nmbrs-sim/rest/rest-simulator.js";
import { startNmbrsSimulator, type NmbrsSimulator } from "../../testkit/nmbrs-sim/soap/simulator.js";
import { startTestGateway, type TestGateway } from "../e2e/harness.js";
import { ConsoleClient } from "../support/console-client.js";
import { consentAtSimulator, TEST_REDIRECT_URI, tokensFromSimulator } from "../support/nmbrs-rest.js";
import { SIM_CREDENTIALS, SIM_TODAY } from "../support/nmbrs-sim.js";
import { useTempDir } from "../support/temp-dir.js";
import { englishWords, visibleText } from "../support/visible-text.js";

/**
 * The console side of the REST API: a SOAP connector prepared for the move (REST settings kept next to the SOAP
 * ones), "Connect to Nmbrs" and the checks on Nmbrs' redirect back, the dry run, and the switch. Over HTTP, with
 * the simulator as Nmbrs; the browser's part at Nmbrs is done by consentAtSimulator.
 */
const tempDir = useTempDir();
let sim: NmbrsSimulator;
let dataset: SimDataset;
let gw: TestGateway;
let client: ConsoleClient;

beforeEach(async () => {
  dataset = generateDataset({ seed: 2, companies: 2, employeesPerCompany: 12, today: SIM_TODAY });
  sim = await startNmbrsSimulator({ dataset, credentials: SIM_CREDENTIALS, today: SIM_TODAY });
  gw = await startTestGateway({ dir: tempDir() });
  client = new ConsoleClient(gw.url);
  await client.setup();
  await client.get("/connectors/new");
  const created = await client.post("/connectors", preparedForm());
  expect(created.location).toBe("/connectors/acme/okta");
});

afterEach(async () => {
  await gw.close();
  await sim.close();
});

/** A SOAP connector with the REST settings filled in as well: what an admin saves to prepare the move. */
function preparedForm(): Record<string, string | string[]> {
  return {
    id: "acme",
    kind: "nmbrs-soap",
    "nmbrs.endpoint": sim.url,
    "nmbrs.username": SIM_CREDENTIALS.username,
    "nmbrs.token": SIM_CREDENTIALS.token,
    "nmbrs.domain": SIM_CREDENTIALS.domain,
    "nmbrs_rest.api_url": sim.rest.apiUrl,
    "nmbrs_rest.identity_url": sim.rest.identityUrl,
    "nmbrs_rest.client_id": SIM_REST_CLIENT.clientId,
    "nmbrs_rest.client_secret": SIM_REST_CLIENT.clientSecret,
    "nmbrs_rest.subscription_key": sim.rest.subscriptionKey,
    max_deactivation_percent: "10",
    "groups.kinds": ["department"],
  };
}

const HTMX = { headers: { "hx-request": "true" } };

/** "Connect to Nmbrs": where htmx would send the browser, and the consent cookie it got. */
async function startConsent(from: ConsoleClient = client): Promise<{ authorize: string; cookie: string }> {
  await from.get("/connectors/acme");
  const answer = await from.post(
    "/connectors/acme/nmbrs/connect",
    {},
    { ...HTMX, csrf: null, headers: { ...HTMX.headers, "x-csrf-token": from.csrf } },
  );
  expect(answer.status).toBe(200);
  return {
    authorize: answer.headers.get("hx-redirect")!,
    cookie: from.lastSetCookies.find((header) => header.startsWith("hrgw_nmbrs_consent="))!,
  };
}

/** Nmbrs' redirect back, as a path on the gateway. */
function callbackPath(back: URL): string {
  expect(back.pathname).toBe("/oauth/nmbrs/callback");
  return `${back.pathname}${back.search}`;
}

describe("Connect to Nmbrs", () => {
  it("keeps the REST settings of a SOAP connector prepared for the move, and offers the connection", async () => {
    expect(gw.registry.resolve("acme")).toMatchObject({
      settings: { kind: "nmbrs-soap" },
      nmbrs: { token: SIM_CREDENTIALS.token },
      nmbrsRest: { clientSecret: SIM_REST_CLIENT.clientSecret },
    });
    const page = await client.get("/connectors/acme");
    expect(page.text).toContain("Nmbrs REST API connection");
    expect(page.text).toContain("not connected");
    expect(page.text).toContain(`${gw.url}/oauth/nmbrs/callback`);
    expect(page.text).toContain("Move to the Nmbrs REST API");
  });

  it("shows a connection made without employee.orgstructure.read as needing re-consent, naming the scope", async () => {
    const tokens = await tokensFromSimulator(sim, TEST_REDIRECT_URI, [
      "company.info.read",
      "employee.info.read",
      "employee.employment.read",
      "offline_access",
    ]);
    saveTokens(
      gw.registry,
      "acme",
      storedTokensOf(tokens, {
        clientId: SIM_REST_CLIENT.clientId,
        identityUrl: sim.rest.identityUrl,
        now: new Date(`${SIM_TODAY}T08:00:00Z`),
        connectedBy: "beheer",
      }),
    );
    const page = await client.get("/connectors/acme");
    expect(page.text).toContain("needs re-consent");
    expect(page.text).toContain("connected without the scope employee.orgstructure.read");
  });

  it("sends the admin to Nmbrs with state and PKCE, binds the consent to this browser, and stores the tokens sealed", async () => {
    expect((await client.post("/connectors/acme/nmbrs/connect", {}, { csrf: null, ...HTMX })).status).toBe(403);
    const { authorize, cookie } = await startConsent();
    const url = new URL(authorize);
    expect(`${url.origin}${url.pathname}`).toBe(`${sim.rest.identityUrl}/connect/authorize`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: "code",
      client_id: SIM_REST_CLIENT.clientId,
      redirect_uri: `${gw.url}/oauth/nmbrs/callback`,
      code_challenge_method: "S256",
      scope: expect.stringContaining("offline_access"),
    });
    expect(url.searchParams.get("state")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\/oauth\/nmbrs/i);

    const back = callbackPath(await consentAtSimulator(authorize));
    const landed = await client.get(back);
    expect(landed.status).toBe(200);
    expect(landed.text).toContain('content="0;url=/connectors/acme?connected=1"');
    expect(readTokens(gw.registry, "acme")).toMatchObject({ clientId: SIM_REST_CLIENT.clientId, connectedBy: "admin" });
    expect((await client.get("/connectors/acme?connected=1")).text).toContain("Connected to Nmbrs");
    expect(listAudit(gw.db.sqlite, { action: "nmbrs_connect", limit: 10 }).map((entry) => entry.detail)).toEqual([
      "connected",
      "sent to Nmbrs for consent",
    ]);

    const replay = await client.get(back);
    expect(replay.status).toBe(400);
    expect(replay.text).toContain("does not belong to a connection started here, or it was used already");
  });

  it("refuses to complete a consent in another browser, after logging out, or when Nmbrs was declined", async () => {
    const elsewhere = new ConsoleClient(gw.url);
    const foreign = await elsewhere.get(callbackPath(await consentAtSimulator((await startConsent()).authorize)));
    expect(foreign.status).toBe(400);
    expect(foreign.text).toContain("started in another browser");

    const { authorize } = await startConsent();
    await client.post("/logout");
    const afterLogout = await client.get(callbackPath(await consentAtSimulator(authorize)));
    expect(afterLogout.status).toBe(403);
    expect(afterLogout.text).toContain("Your console session ended");

    await client.login();
    const declined = await client.get(callbackPath(await consentAtSimulator((await startConsent()).authorize, "deny")));
    expect(declined.text).toContain("the Nmbrs user declined");
    expect(readTokens(gw.registry, "acme")).toBeNull();
  });
});

describe("Disconnect from Nmbrs", () => {
  const disconnect = async (headers: Record<string, string>) => {
    await client.get("/connectors/acme");
    return client.post(
      "/connectors/acme/nmbrs/disconnect",
      {},
      { csrf: null, headers: { ...headers, "x-csrf-token": client.csrf } },
    );
  };

  it("revokes at Nmbrs, then sends the browser to the connector page (POST-redirect-GET), which says so on every reload", async () => {
    await client.get(callbackPath(await consentAtSimulator((await startConsent()).authorize)));
    const answer = await disconnect(HTMX.headers);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("hx-redirect")).toBe("/connectors/acme?disconnected=revoked");
    expect(answer.headers.get("hx-refresh")).toBeNull();
    expect(readTokens(gw.registry, "acme")).toBeNull();
    expect(sim.rest.oauth.stats.revocations).toBe(1);
    for (let reload = 0; reload < 2; reload++) {
      const page = await client.get("/connectors/acme?disconnected=revoked");
      expect(page.text).toContain("Disconnected from Nmbrs");
      expect(page.text).toContain("Nmbrs revoked the gateway&#39;s access");
    }
    expect(listAudit(gw.db.sqlite, { action: "nmbrs_disconnect", limit: 10 })).toHaveLength(1);
  });

  it("keeps the warning when Nmbrs did not confirm the revocation, instead of refreshing it away", async () => {
    await client.get(callbackPath(await consentAtSimulator((await startConsent()).authorize)));
    // A client secret Nmbrs no longer accepts: the revocation is refused with invalid_client.
    gw.registry.updateSecrets("acme", { ...gw.registry.secretsOf("acme"), clientSecret: "rotated-at-nmbrs" });
    const answer = await disconnect(HTMX.headers);
    expect(answer.headers.get("hx-redirect")).toBe("/connectors/acme?disconnected=unconfirmed");
    expect(readTokens(gw.registry, "acme")).toBeNull();
    expect(sim.rest.oauth.stats.revocations).toBe(0);
    const page = await client.get("/connectors/acme?disconnected=unconfirmed");
    expect(page.text).toContain("Nmbrs did not confirm the revocation");
    expect(page.text).toContain("remove the app&#39;s access in Nmbrs");
    expect(page.text).not.toContain("rotated-at-nmbrs");
  });

  it("answers a plain form post with 303 too, and a disconnected connector with its page", async () => {
    await client.get(callbackPath(await consentAtSimulator((await startConsent()).authorize)));
    const answer = await disconnect({});
    expect(answer.status).toBe(303);
    expect(answer.location).toBe("/connectors/acme?disconnected=revoked");
    const again = await disconnect({});
    expect(again.status).toBe(303);
    expect(again.location).toBe("/connectors/acme");
    expect(listAudit(gw.db.sqlite, { action: "nmbrs_disconnect", limit: 10 })).toHaveLength(1);
  });

  it("asks before revoking: the Disconnect button carries a confirmation", async () => {
    await client.get(callbackPath(await consentAtSimulator((await startConsent()).authorize)));
    const page = await client.get("/connectors/acme");
    expect(page.text).toMatch(/hx-post="\/connectors\/acme\/nmbrs\/disconnect"[^>]*hx-confirm="Disconnect\?/);
  });
});

describe("moving a console connector to the REST API", () => {
  it("dry-runs the switch, switches, and keeps every SCIM id", async () => {
    expect((await gw.sync.runNow("acme", "manual")).status).toBe("succeeded");
    const served = () =>
      gw.db.sqlite
        .prepare("SELECT scim_id FROM scim_resources WHERE resource_type = 'User' AND gen_to IS NULL ORDER BY scim_id")
        .pluck()
        .all();
    const before = served();
    await client.get(callbackPath(await consentAtSimulator((await startConsent()).authorize)));

    await client.get("/connectors/acme");
    const report = await client.post(
      "/connectors/acme/migration/dry-run",
      {},
      { csrf: null, headers: { ...HTMX.headers, "x-csrf-token": client.csrf } },
    );
    expect(report.text).toContain("Everyone Okta sees is matched");
    expect(report.text).toContain("0 new users, 0 users removed");

    const switched = await client.post("/connectors/acme/migration/switch", { to: "nmbrs-rest" });
    expect(switched.location).toBe("/connectors/acme?switched=nmbrs-rest");
    expect(gw.registry.resolve("acme")).toMatchObject({
      settings: { kind: "nmbrs-rest" },
      nmbrs: { token: SIM_CREDENTIALS.token },
    });
    expect((await gw.sync.runNow("acme", "manual")).status).toBe("succeeded");
    expect(served()).toEqual(before);
    expect(listAudit(gw.db.sqlite, { action: "connector_switch", limit: 1 })[0]?.detail).toBe(
      "nmbrs-soap → nmbrs-rest",
    );
  });

  it("decides a held switch only through its confirmation page, and deciding again after a reload changes nothing", async () => {
    expect((await gw.sync.runNow("acme", "manual")).status).toBe("succeeded");
    await client.get(callbackPath(await consentAtSimulator((await startConsent()).authorize)));
    await client.get("/connectors/acme");
    expect((await client.post("/connectors/acme/migration/switch", { to: "nmbrs-rest" })).status).toBe(303);
    // HR re-entered someone under another number, birth date and e-mail: nothing ties the records, so the switch waits.
    const reentered = dataset.employees.find((employee) => currentPersonalInfo(employee)?.emailWork)!;
    reentered.employeeNumber = 900;
    setPersonalInfo(dataset, reentered.employeeId, {
      birthday: "1971-02-03",
      emailWork: "someone.new@example.nl",
      emailPrivate: null,
    });
    const held = await gw.sync.runNow("acme", "manual");
    expect(held.status).toBe("held");

    const runPage = await client.get(`/runs/${held.runId}`);
    expect(runPage.text).toContain(`href="/runs/${held.runId}/reject"`);
    expect(runPage.text).not.toContain(`action="/runs/${held.runId}/reject"`);
    expect((await client.get(`/runs/${held.runId}/reject`)).text).toContain("Rejecting discards this run&#39;s plan");
    const rejected = await client.post(`/runs/${held.runId}/reject`);
    expect(rejected.status).toBe(303);
    expect(rejected.location).toBe(`/runs/${held.runId}?done=rejected`);
    expect((await client.get(rejected.location!)).status).toBe(200);
    // What a browser resends when the admin confirms "resubmit the form" on the page before the redirect.
    const again = await client.post(`/runs/${held.runId}/reject`);
    expect(again.status).toBe(409);
    expect(listAudit(gw.db.sqlite, { action: "run_reject", limit: 10 })).toHaveLength(1);
  });
});

describe("the hand-over page after Nmbrs, in the admin's language", () => {
  const ENGLISH_BROWSER = { "accept-language": "en-GB,en;q=0.9" };

  /**
   * Nmbrs' redirect back is a cross-site navigation: the browser sends the Lax consent cookie but neither the
   * session nor the language cookie (both Strict), whatever language the admin chose.
   */
  async function crossSite(path: string, cookie: string, headers: Record<string, string> = ENGLISH_BROWSER) {
    const response = await fetch(new URL(path, gw.url), {
      redirect: "manual",
      headers: { cookie: cookie.split(";")[0]!, ...headers },
    });
    return { status: response.status, text: await response.text() };
  }

  function expectDutch(html: string): void {
    expect(html).toContain('<html lang="nl">');
    expect(englishWords(visibleText(html)).join("\n")).toBe("");
  }

  it("speaks Dutch to an admin who chose Dutch, though the way back carries no console cookie", async () => {
    await client.get("/");
    expect((await client.post("/language", { language: "nl", next: "/" })).status).toBe(303);

    const { authorize, cookie } = await startConsent();
    const landed = await crossSite(callbackPath(await consentAtSimulator(authorize)), cookie);
    expect(landed.status).toBe(200);
    expect(landed.text).toContain("Verbonden met Nmbrs.");
    expectDutch(landed.text);
    expect(readTokens(gw.registry, "acme")).toMatchObject({ connectedBy: "admin" });

    const declined = await startConsent();
    const refused = await crossSite(
      callbackPath(await consentAtSimulator(declined.authorize, "deny")),
      declined.cookie,
    );
    expect(refused.text).toContain("de Nmbrs-gebruiker weigerde");
    expect(refused.text).toContain("<title>Niet verbonden · HR Gateway</title>");
    expectDutch(refused.text);

    // A code Nmbrs will not redeem: the lead-in is Dutch, Nmbrs' own words stay English and are marked so.
    const forged = await startConsent();
    const back = await consentAtSimulator(forged.authorize);
    back.searchParams.set("code", "not-a-code-nmbrs-gave");
    const failed = await crossSite(callbackPath(back), forged.cookie);
    expect(failed.status).toBe(502);
    expect(failed.text).toMatch(/Nmbrs heeft de verbinding niet voltooid: <span lang="en">\S/);
    expectDutch(failed.text);
  });

  it("words a refusal without a consent by the console's rule: session's admin, language cookie, Accept-Language", async () => {
    const unknown = "/oauth/nmbrs/callback?code=anything&state=not-a-state-we-gave";
    await client.get("/");
    await client.post("/language", { language: "nl", next: "/" });
    const session = `hrgw_session=${client.cookies.get("hrgw_session")}`;
    const fromSession = await crossSite(unknown, session);
    expect(fromSession.text).toContain("hoort niet bij een verbinding die hier is gestart");
    expectDutch(fromSession.text);
    expectDutch((await crossSite(unknown, "hrgw_lang=nl")).text);
    expectDutch((await crossSite(unknown, "", { "accept-language": "nl-BE,nl;q=0.9,en;q=0.5" })).text);

    const english = await crossSite(unknown, "");
    expect(english.text).toContain('<html lang="en">');
    expect(english.text).toContain("does not belong to a connection started here");
  });

  it("refuses to connect a connector that is gone in the admin's language", async () => {
    await client.get("/");
    await client.post("/language", { language: "nl", next: "/" });
    const gone = await client.post("/connectors/nope/nmbrs/connect", {}, HTMX);
    expect(gone.status).toBe(404);
    expect(gone.text).toContain("Deze koppeling bestaat niet (meer).");
  });
});
