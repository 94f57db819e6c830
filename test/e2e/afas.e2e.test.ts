import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { SIM_AFAS_TOKEN, startAfasSimulator, type AfasSimulator } from "../../testkit/afas-sim/afas-simulator.js";
import { generateAfasDataset } from "../../testkit/afas-sim/generator.js";
import type { TestGateway } from "./harness.js";
import { createFirstAdmin, useBrowserSessions } from "./session.js";

/**
 * An AFAS Profit connector made in a real browser: the admin picks AFAS Profit, fills in the base URL and token,
 * tests the connection (first against a GetConnector lacking a field, which the test names), creates it, syncs,
 * and finds the Medewerkers in the HR list. The gateway uses its real AFAS source against the simulator.
 */
const PASSWORD = "tulpen fiets regen zeventien";
const e2e = useBrowserSessions("hrgw-e2e-afas-");
let gateway: TestGateway;
let sim: AfasSimulator;
let page: Page;
let errors: string[];
const dataset = generateAfasDataset({
  employers: 2,
  employeesPerEmployer: 12,
  today: new Date().toISOString().slice(0, 10),
});

beforeAll(async () => {
  sim = e2e.closeAfter(await startAfasSimulator({ dataset }));
  ({ gateway, page, errors } = await e2e.open());
});

describe.sequential("an AFAS Profit connector in a browser", () => {
  it("signs in a new admin", async () => {
    await createFirstAdmin(page, gateway.url, PASSWORD);
  });

  it("offers AFAS Profit with its help, and the connection test names a missing field", async () => {
    await page.goto(`${gateway.url}/connectors/new`);
    await page.getByLabel("Id", { exact: true }).fill("zorggroep");
    await page.getByLabel("HR system").selectOption("afas-profit");
    await page.getByText("Where the GetConnectors, the App Connector and the token are made").waitFor();
    await page.getByLabel("Base URL").fill(sim.baseUrl);
    await page.getByLabel("Token", { exact: true }).fill(SIM_AFAS_TOKEN);
    sim.removedFields.set("HRGateway_Employments", new Set(["Werkgever_naam"]));
    await page.getByRole("button", { name: "Test connection" }).click();
    await page.getByText("Connection failed").waitFor();
    expect(await page.locator("#companies").textContent()).toContain(
      "AFAS GetConnector HRGateway_Employments lacks Werkgever_naam",
    );
  });

  it("lists the employers once the GetConnector is fixed, and creates the connector", async () => {
    sim.removedFields.clear();
    await page.getByRole("button", { name: "Test connection" }).click();
    await page.getByText("Connected: 2 companies found").waitFor();
    expect(await page.locator("#companies").textContent()).toContain("Zorggroep De Linde B.V.");
    await page.getByRole("button", { name: "Create connector" }).click();
    await page.waitForURL(/\/connectors\/zorggroep\/okta$/);
    expect(gateway.registry.secretsOf("zorggroep").afasToken).toBe(SIM_AFAS_TOKEN);
    expect(await page.content()).not.toContain(SIM_AFAS_TOKEN);
  });

  it("syncs and shows the Medewerkers in the HR list", async () => {
    await page.goto(`${gateway.url}/connectors/zorggroep`);
    await page.getByRole("button", { name: "Sync now" }).click();
    await page.getByText(/Run \d+:/).waitFor({ timeout: 20_000 });
    expect(await page.locator(".sync-slot").textContent()).toContain("succeeded");
    await page.goto(`${gateway.url}/hr?connector=zorggroep`);
    const first = dataset.employees[0]!;
    await page.getByLabel("Search").fill(String(first.Roepnaam));
    await expect.poll(() => page.locator("table.table-hr tbody").textContent()).toContain(String(first.Roepnaam));
  });

  it("showed no script or CSP errors on the way", () => {
    expect(errors).toEqual([]);
  });
});
