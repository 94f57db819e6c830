import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storedParts } from "../../src/console/connectors/stored-parts.js";
import type { NmbrsSimulator } from "../../testkit/nmbrs-sim/soap/simulator.js";
import { hire, scenarioDataset, simConnector, startScenarioSimulator } from "../support/nmbrs-scenario.js";
import { useFileTempDir } from "../support/temp-dir.js";
import { launchChromium, watchErrors } from "./browser.js";
import { startTestGateway, type TestGateway } from "./harness.js";

/** Issue #22 item 7 in a browser: edit a mapping, see an invalid expression's error as it is typed, try it, preview. */
const PASSWORD = "molens dijken kaas negentien";
const tempDir = useFileTempDir("hrgw-e2e-mapping-");
let gateway: TestGateway;
let sim: NmbrsSimulator;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  const dataset = scenarioDataset();
  hire(dataset, { firstName: "Zoë", lastName: "Berg", prefix: "van der", employeeNumber: 4711 });
  sim = await startScenarioSimulator(dataset);
  gateway = await startTestGateway({ dir: tempDir() });
  const { stored, secrets } = storedParts(simConnector(sim, { id: "acme", name: "Acme" }));
  gateway.registry.saveConsoleConnector(stored, secrets);
  expect((await gateway.sync.runNow("acme", "manual")).status).toBe("succeeded");
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  errors = watchErrors(page);
  await page.goto(`${gateway.url}/setup`);
  await page.getByLabel("User name").fill("beheer");
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Password again").fill(PASSWORD);
  await page.getByRole("button", { name: "Create admin and sign in" }).click();
  await page.getByRole("heading", { name: "Dashboard" }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await gateway?.close();
  await sim?.close();
});

describe.sequential("the Mapping page in a browser", () => {
  it("is reached from the connector page and shows an invalid expression's problem next to the field as it is typed", async () => {
    await page.goto(`${gateway.url}/connectors/acme`);
    await page.getByRole("link", { name: "Mapping" }).click();
    await page.getByRole("heading", { name: "Mapping of Acme" }).waitFor();
    await page.locator("#f-mapping-title").fill("person.fristName");
    const check = page.locator("#f-mapping-title-check");
    await check.getByText("line 1, column 8").waitFor();
    expect(await check.textContent()).toContain("fristName");
    await page.locator("#f-mapping-title").fill('person.function.name + " (" + company.name + ")"');
    await check.getByText("Valid expression").waitFor();
  });

  it("tries the typed expression on a person from the HR list before saving", async () => {
    await page.getByLabel("Employee number or name").fill("4711");
    await page.getByRole("button", { name: "Try", exact: true }).click();
    const result = page.locator("#try-result");
    await result.getByText("Accountmanager (Acme BV)").waitFor();
    const titleRow = result.locator("tr", { has: page.locator("code", { hasText: /^title$/ }) });
    expect(await titleRow.locator("td").allTextContents()).toEqual([
      "title",
      "Accountmanager",
      "Accountmanager (Acme BV)",
    ]);
    expect(gateway.registry.get("acme")?.settings.mapping?.attributes).toEqual({});
  });

  it("saves, and offers the whole-run Preview, which opens with the changed title", async () => {
    await page.getByRole("button", { name: "Save mapping" }).click();
    await page.getByText("Mapping saved").waitFor();
    expect(gateway.registry.get("acme")?.settings.mapping?.attributes).toEqual({
      title: 'person.function.name + " (" + company.name + ")"',
    });
    await page.getByRole("status").getByRole("button", { name: "Preview" }).click();
    await page.getByText("Accountmanager (Acme BV)").first().waitFor();
    expect(page.url()).toMatch(/\/connectors\/acme\/previews\/\d+/);
    expect(errors).toEqual([]);
  });
});
