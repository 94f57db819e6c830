import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import type { NmbrsSimulator } from "../../testkit/nmbrs-sim/soap/simulator.js";
import { hire, scenarioDataset, simConnector, startScenarioSimulator } from "../support/nmbrs-scenario.js";
import type { TestGateway } from "./harness.js";
import { useBrowserSessions } from "./session.js";

/**
 * What an admin notices on day one (#19): Dutch names found as typed, the dashboard card after "Sync now", the
 * console on a phone (390 px), and an address that leads nowhere. A config.toml connector reads the Nmbrs simulator
 * with the real SOAP source; one browser session, steps in order.
 */
const e2e = useBrowserSessions("hrgw-e2e-day-one-");
let gateway: TestGateway;
let sim: NmbrsSimulator;
let page: Page;
let errors: string[];

beforeAll(async () => {
  const nmbrs = scenarioDataset();
  hire(nmbrs, {
    firstName: "Cornelis",
    nickname: "Kees",
    prefix: "de",
    lastName: "Vries",
    workEmail: "kees.devries@acme.nl",
  });
  hire(nmbrs, { firstName: "Sanne", prefix: "van ’t", lastName: "Hof", workEmail: "s.vanthof@acme.nl" });
  hire(nmbrs, { firstName: "Anaïs", lastName: "Dubois", workEmail: "a.dubois@acme.nl" });
  hire(nmbrs, { firstName: "Özge", lastName: "Öztürk", workEmail: "ozge.t@acme.nl" });
  hire(nmbrs, { firstName: "Zeger", lastName: "Zwart", workEmail: "z.zwart@acme.nl" });
  sim = e2e.closeAfter(await startScenarioSimulator(nmbrs));
  ({ gateway, page, errors } = await e2e.open({
    connectors: [simConnector(sim, { id: "acme", name: "Acme Groep" })],
    admin: "tulpen fiets regen zeventien",
  }));
});

const card = () => page.locator(".connector-card");

describe.sequential("day one in a browser", () => {
  it("shows the run that Sync now just finished on the dashboard card, without a reload", async () => {
    expect(await card().textContent()).toContain("never");
    await page.getByRole("button", { name: "Sync now" }).click();
    await page.getByText("Run 1:").waitFor({ timeout: 20_000 });
    await expect.poll(() => card().locator(".badge").first().textContent(), { timeout: 10_000 }).toBe("Healthy");
    const text = (await card().textContent())!;
    expect(text).not.toContain("never");
    expect(text).toContain("succeeded");
    // The result of the run stays on screen after the card was refreshed.
    expect(await page.locator(".sync-slot").textContent()).toContain("Run 1:");
  });

  it("finds Dutch names as an admin types them, and sorts Ö among the O's", async () => {
    await page.goto(`${gateway.url}/hr?connector=acme`);
    const names = () => page.locator("table.table-hr tbody tr a").allTextContents();
    expect(await names()).toEqual([
      "Dubois, A. (Anaïs)",
      "Hof, S. van ’t (Sanne)",
      "Öztürk, Ö. (Özge)",
      "Vries, C. de (Kees)",
      "Zwart, Z. (Zeger)",
    ]);
    for (const [typed, found] of [
      ["van 't hof", "Hof, S. van ’t (Sanne)"],
      ["Kees de Vries", "Vries, C. de (Kees)"],
      ["anais", "Dubois, A. (Anaïs)"],
    ] as const) {
      await page.getByLabel("Search").fill(typed);
      await expect.poll(() => page.locator(".result-count").textContent()).toContain(`1 person matching "${typed}"`);
      expect(await names()).toEqual([found]);
    }
  });

  it("fits the connectors page and the whole navigation into a 390 px wide phone screen", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${gateway.url}/connectors`);
    // The page scrolls sideways exactly when the root element is wider than the viewport (the test's code has no DOM types).
    const overflow = await page.locator("html").evaluate((root) => root.scrollWidth - root.clientWidth);
    expect(overflow).toBe(0);
    for (const link of await page.locator(".mainnav a").all()) {
      const box = (await link.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    expect(await page.locator(".mainnav a").count()).toBe(6);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it("answers an address that leads nowhere with the console's own page", async () => {
    const response = await page.goto(`${gateway.url}/connectors/acme/nothing-here`);
    expect(response?.status()).toBe(404);
    await page.getByRole("heading", { name: "Page not found" }).waitFor();
    await page.getByRole("link", { name: "Dashboard" }).click();
    await page.getByRole("heading", { name: "Dashboard" }).waitFor();
  });

  it("raised no script or CSP error on any page", () => {
    expect(errors.filter((error) => !/status of 404\b/.test(error))).toEqual([]);
  });
});
