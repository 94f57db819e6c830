import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { readTokens } from "../../src/connectors/nmbrs-tokens.js";
import { listAudit } from "../../src/audit/audit-store.js";
import { generateDataset } from "../../testkit/nmbrs-sim/generator.js";
import { SIM_REST_CLIENT } from "../../testkit/nmbrs-sim/rest/rest-simulator.js";
import { startNmbrsSimulator, type NmbrsSimulator } from "../../testkit/nmbrs-sim/soap/simulator.js";
import { SIM_CREDENTIALS, SIM_TODAY } from "../support/nmbrs-sim.js";
import type { TestGateway } from "./harness.js";
import { createFirstAdmin, useBrowserSessions } from "./session.js";
import { cancelThenConfirm } from "./confirm-dialog.js";

/**
 * "Connect to Nmbrs" in a real browser: an admin makes an nmbrs-rest connector pointing at the simulator, is sent to
 * the simulator's consent page, allows access, lands back in the console connected, and syncs. The gateway uses its
 * real REST source; nothing is scripted.
 */
const PASSWORD = "tulpen fiets regen zeventien";
const e2e = useBrowserSessions("hrgw-e2e-rest-");
let gateway: TestGateway;
let sim: NmbrsSimulator;
let page: Page;
let errors: string[];

beforeAll(async () => {
  sim = e2e.closeAfter(
    await startNmbrsSimulator({
      dataset: generateDataset({ seed: 5, companies: 2, employeesPerCompany: 15, today: SIM_TODAY }),
      credentials: SIM_CREDENTIALS,
      today: SIM_TODAY,
    }),
  );
  ({ gateway, page, errors } = await e2e.open());
});

describe.sequential("connecting an nmbrs-rest connector in a browser", () => {
  it("signs in a new admin", async () => {
    await createFirstAdmin(page, gateway.url, PASSWORD);
  });

  it("creates a connector for the REST API pointing at the simulator", async () => {
    await page.goto(`${gateway.url}/connectors/new`);
    await page.getByLabel("Id", { exact: true }).fill("acme");
    await page.getByLabel("HR system").selectOption("nmbrs-rest");
    // Loket and Youforce have a client id and secret too: the fields of the Nmbrs REST section.
    await page.locator('[name="nmbrs_rest.client_id"]').fill(SIM_REST_CLIENT.clientId);
    await page.locator('[name="nmbrs_rest.client_secret"]').fill(SIM_REST_CLIENT.clientSecret);
    await page.getByLabel("Subscription key").fill(sim.rest.subscriptionKey);
    await page.locator('[name="nmbrs_rest.api_url"]').fill(sim.rest.apiUrl);
    await page.getByLabel("Identity URL").fill(sim.rest.identityUrl);
    await page.getByRole("button", { name: "Create connector" }).click();
    await page.waitForURL(/\/connectors\/acme\/okta$/);
  });

  it("sends the admin to Nmbrs to consent and brings them back connected", async () => {
    await page.goto(`${gateway.url}/connectors/acme`);
    expect(await page.locator("#nmbrs-rest").textContent()).toContain("not connected");
    expect(await page.locator("#nmbrs-rest").textContent()).toContain(`${gateway.url}/oauth/nmbrs/callback`);
    await page.getByRole("button", { name: "Connect to Nmbrs" }).click();
    await page.getByRole("heading", { name: "Allow access to Nmbrs?" }).waitFor();
    expect(new URL(page.url()).origin).toBe(new URL(sim.rest.identityUrl).origin);
    expect(await page.textContent("main")).toContain("employee.info.read");
    await page.getByRole("button", { name: "Allow" }).click();
    await page.waitForURL(/\/connectors\/acme\?connected=1$/);
    await page.getByText("Connected to Nmbrs", { exact: true }).waitFor();
    expect(await page.locator("#nmbrs-rest").textContent()).toContain("connected by beheer");
    expect(readTokens(gateway.registry, "acme")).toMatchObject({
      clientId: SIM_REST_CLIENT.clientId,
      connectedBy: "beheer",
    });
  });

  it("syncs through the REST API", async () => {
    await page.getByRole("button", { name: "Sync now" }).click();
    await page.getByText(/Run \d+:/).waitFor({ timeout: 20_000 });
    expect(await page.locator(".sync-slot").textContent()).toContain("succeeded");
    expect(sim.rest.stats.callsTo("personalinfo")).toBe(2);
    expect(sim.stats.calls).toBe(0); // not a single SOAP call
  });

  it("repeats nothing when the page is reloaded after Sync now", async () => {
    const runs = () =>
      gateway.db.sqlite.prepare("SELECT count(*) FROM sync_runs WHERE connector_id = 'acme'").pluck().get();
    const before = runs();
    await page.reload();
    await page.getByRole("button", { name: "Sync now" }).waitFor();
    expect(runs()).toBe(before);
    expect(listAudit(gateway.db.sqlite, { action: "sync_now", limit: 10 })).toHaveLength(1);
  });

  it("disconnects only after the admin confirms, lands on a page a reload does not repeat, and keeps the outcome in view", async () => {
    await cancelThenConfirm(page, "Disconnect", "Syncs fail until someone connects again", () =>
      expect(readTokens(gateway.registry, "acme")).not.toBeNull(),
    );
    await page.waitForURL(/\/connectors\/acme\?disconnected=revoked$/);
    await page.getByText("Disconnected from Nmbrs", { exact: true }).waitFor();
    expect(readTokens(gateway.registry, "acme")).toBeNull();
    expect(sim.rest.oauth.stats.revocations).toBe(1);

    await page.reload();
    await page.getByText("Disconnected from Nmbrs", { exact: true }).waitFor();
    expect(await page.locator("#nmbrs-rest").textContent()).toContain("not connected");
    expect(sim.rest.oauth.stats.revocations).toBe(1);
    expect(listAudit(gateway.db.sqlite, { action: "nmbrs_disconnect", limit: 10 })).toHaveLength(1);
  });

  it("showed no script or CSP errors on the way", () => {
    expect(errors).toEqual([]);
  });

  it("refuses a callback that belongs to no consent started here", async () => {
    await page.goto(`${gateway.url}/oauth/nmbrs/callback?code=anything&state=not-a-state-we-gave`);
    await page.getByText("does not belong to a connection started here").waitFor();
  });
});
