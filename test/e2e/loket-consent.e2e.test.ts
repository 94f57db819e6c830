import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAudit } from "../../src/audit/audit-store.js";
import { readLoketTokens } from "../../src/connectors/loket-tokens.js";
import {
  LOKET_SIM_CLIENT,
  LOKET_SIM_USER,
  startLoketOAuthServer,
  type LoketOAuthServer,
} from "../../testkit/loket-sim/oauth/index.js";
import { loketConnector } from "../support/loket-oauth.js";
import { useFileTempDir } from "../support/temp-dir.js";
import { launchChromium, watchErrors } from "./browser.js";
import { startTestGateway, type TestGateway } from "./harness.js";
import { cancelThenConfirm } from "./confirm-dialog.js";

/**
 * "Connect to Loket" in a real browser: an admin opens a loket connector declared in config.toml, is sent to the
 * simulator's Loket login page, logs in as the test user, lands back in the console connected, and disconnects.
 * Nothing is scripted between the console and the simulator.
 */
const PASSWORD = "tulpen fiets regen zeventien";
const tempDir = useFileTempDir("hrgw-e2e-loket-");
let gateway: TestGateway;
let sim: LoketOAuthServer;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  sim = await startLoketOAuthServer();
  gateway = await startTestGateway({ dir: tempDir(), connectors: [loketConnector(sim)] });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  errors = watchErrors(page);
});

afterAll(async () => {
  await browser?.close();
  await gateway?.close();
  await sim?.close();
});

describe.sequential("connecting a loket connector in a browser", () => {
  it("signs in a new admin", async () => {
    await page.goto(`${gateway.url}/`);
    await page.getByLabel("User name").fill("beheer");
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByLabel("Password again").fill(PASSWORD);
    await page.getByRole("button", { name: "Create admin and sign in" }).click();
    await page.getByRole("heading", { name: "Dashboard" }).waitFor();
  });

  it("sends the admin to Loket's login page, and back connected after logging in", async () => {
    await page.goto(`${gateway.url}/connectors/klaassen`);
    const card = page.locator("#loket-connection");
    expect(await card.textContent()).toContain("not connected");
    expect(await card.textContent()).toContain(`${gateway.url}/oauth/loket/callback`);
    await page.getByRole("button", { name: "Connect to Loket" }).click();
    await page.getByRole("heading", { name: "Log in to Loket" }).waitFor();
    expect(new URL(page.url()).origin).toBe(sim.url);
    expect(await page.textContent("main")).toContain(LOKET_SIM_CLIENT.clientId);

    await page.getByLabel("User name").fill(LOKET_SIM_USER.username);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByText("Unknown user name or wrong password.").waitFor();

    await page.getByLabel("User name").fill(LOKET_SIM_USER.username);
    await page.getByLabel("Password").fill(LOKET_SIM_USER.password);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL(/\/connectors\/klaassen\?connected=1$/);
    await page.getByText("Connected to Loket", { exact: true }).waitFor();
    expect(await card.textContent()).toContain("connected by beheer");
    const tokens = readLoketTokens(gateway.registry, "klaassen")!;
    expect(tokens).toMatchObject({ clientId: LOKET_SIM_CLIENT.clientId, connectedBy: "beheer" });
    expect(sim.issuedTokens.isValid(tokens.accessToken)).toBe(true);
    expect(sim.controls.stats).toMatchObject({ logins: 1, refusedLogins: 1, accessTokens: 1 });
  });

  it("disconnects only after the admin confirms, and says to withdraw the app in Loket", async () => {
    await cancelThenConfirm(page, "Disconnect", "Syncs fail until someone connects again", () =>
      expect(readLoketTokens(gateway.registry, "klaassen")).not.toBeNull(),
    );
    await page.waitForURL(/\/connectors\/klaassen\?disconnected=forgotten$/);
    await page.getByText("Disconnected from Loket", { exact: true }).waitFor();
    expect(await page.textContent("main")).toContain("withdraw the app's access in Loket");
    expect(readLoketTokens(gateway.registry, "klaassen")).toBeNull();
    expect(listAudit(gateway.db.sqlite, { action: "loket_disconnect", limit: 10 })).toHaveLength(1);
    await page.getByRole("button", { name: "Connect to Loket" }).waitFor();
  });

  it("raised no browser errors", () => {
    expect(errors).toEqual([]);
  });
});
