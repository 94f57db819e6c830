import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { startNmbrsSimulator, type NmbrsSimulator } from "../../testkit/nmbrs-sim/soap/simulator.js";
import { BETA_NMBRS, hire, scenarioDataset } from "../support/nmbrs-scenario.js";
import type { TestGateway } from "./harness.js";
import { useBrowserSessions } from "./session.js";

/**
 * Issue #19 finding 4 in a browser: the admin sees and chooses where the Okta login and the group names come from,
 * and is told who gets a private address as Okta login. One session, steps in order.
 */
const PASSWORD = "molens dijken kaas negentien";
const NMBRS_TOKEN = "e2e-identity-token-3d9a";

const e2e = useBrowserSessions("hrgw-e2e-identity-");
let gateway: TestGateway;
let sim: NmbrsSimulator;
let page: Page;
let errors: string[];

beforeAll(async () => {
  const dataset = scenarioDataset();
  hire(dataset, { lastName: "Werk" });
  hire(dataset, { lastName: "Prive", workEmail: null, privateEmail: "j.prive@gmail.com" });
  hire(dataset, { company: BETA_NMBRS, lastName: "Smit", workEmail: "smit@beta.nl" });
  sim = e2e.closeAfter(
    await startNmbrsSimulator({
      dataset,
      credentials: { username: "api@acme.nl", token: NMBRS_TOKEN, domain: "acme" },
    }),
  );
  ({ gateway, page, errors } = await e2e.open({ admin: PASSWORD }));
});

describe.sequential("identity defaults in the connector form", () => {
  it("shows the Okta login source, the hold scope and the group names with their defaults and help", async () => {
    await page.goto(`${gateway.url}/connectors/new`);
    const login = page.getByLabel("Okta login (userName) from");
    expect(await login.inputValue()).toBe("work");
    expect(await login.getAttribute("aria-describedby")).toBeTruthy();
    expect(await page.getByLabel("When the threshold is passed, hold").inputValue()).toBe("connector");
    const department = page.getByRole("textbox", { name: "Department", exact: true });
    expect(await department.getAttribute("placeholder")).toBe("{name} ({company})");
    expect(await page.textContent("main")).toContain('Sales of Acme BV → "Sales (Acme BV)"');
    expect(await page.getByLabel("Private contact data").isChecked()).toBe(true);
  });

  it("refuses a misspelt placeholder next to its field, then creates the connector with the admin's choices", async () => {
    await page.getByLabel("Id", { exact: true }).fill("acme");
    await page.getByLabel("Nmbrs user (e-mail)").fill("api@acme.nl");
    await page.getByLabel("API token").fill(NMBRS_TOKEN);
    await page.getByLabel("Domain").fill("acme");
    await page.getByLabel("SOAP endpoint").fill(sim.url);
    await page.getByLabel("Okta login (userName) from").selectOption("work,private");
    await page.getByLabel("When the threshold is passed, hold").selectOption("company");
    await page.getByRole("textbox", { name: "Department", exact: true }).fill("Afdeling {naam}");
    await page.getByRole("button", { name: "Create connector" }).click();
    await page.locator("#f-groups-templates-department-error").waitFor();
    expect(await page.locator("#f-groups-templates-department-error").textContent()).toBe(
      "{naam} is not a placeholder: use {name}, {code} or {company}.",
    );
    expect(gateway.registry.get("acme")).toBeUndefined();
    // What the admin chose survives the refused post; the token, a secret, is typed again.
    expect(await page.getByLabel("Okta login (userName) from").inputValue()).toBe("work,private");
    await page.getByLabel("API token").fill(NMBRS_TOKEN);
    await page.getByRole("textbox", { name: "Department", exact: true }).fill("Afdeling {name} ({company})");
    await page.getByRole("button", { name: "Create connector" }).click();
    await page.getByRole("heading", { name: /Okta setup/ }).waitFor();
    expect(gateway.registry.get("acme")?.settings).toMatchObject({
      holdScope: "company",
      identity: { userNameFrom: ["work", "private"] },
      groups: { templates: { department: "Afdeling {name} ({company})" } },
    });
  });

  it("warns on the dashboard after a sync and marks the person in the HR list", async () => {
    await page.goto(`${gateway.url}/`);
    await page.getByRole("button", { name: "Sync now" }).click();
    await page.getByText("Run 1:").waitFor({ timeout: 20_000 });
    await page.reload();
    await page.getByText("1 person gets a private e-mail address as their Okta login").waitFor();
    await page.getByRole("link", { name: "HR list", exact: true }).first().click();
    const row = page.locator("table.table-hr tbody tr", { hasText: "j.prive@gmail.com" });
    expect(await row.textContent()).toContain("private e-mail");
    expect(await page.locator("table.table-hr tbody tr", { hasText: "private e-mail" }).count()).toBe(1);
  });

  it("raised no script or CSP error on any page", () => {
    expect(errors.filter((error) => !/status of 422\b/.test(error))).toEqual([]);
  });
});
