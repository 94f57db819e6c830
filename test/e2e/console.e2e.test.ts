import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { removeCompanyEmployees } from "../../testkit/nmbrs-sim/dataset-mutations.js";
import { currentPersonalInfo, employeesOfCompany } from "../../testkit/nmbrs-sim/dataset.js";
import { DEMO_NMBRS_USER, startDemoNmbrs, type DemoNmbrs } from "./demo-nmbrs.js";
import type { TestGateway } from "./harness.js";
import { useBrowserSessions } from "./session.js";

/**
 * An admin's first day, in a real browser against a real gateway on the Nmbrs simulator: setup, login, a connector,
 * "Test connection", Okta credentials, a sync with live progress, the HR list, held people approved, the log. The
 * gateway reads Nmbrs with its real SOAP source; the test changes only what the simulator serves. One browser
 * session, steps in order.
 */
const PASSWORD = "tulpen fiets regen zeventien";
const NMBRS_TOKEN = "e2e-nmbrs-token-6b2c";

const e2e = useBrowserSessions("hrgw-e2e-");
let gateway: TestGateway;
let page: Page;
let errors: string[];
let nmbrs: DemoNmbrs;
let scimSecret = "";

beforeAll(async () => {
  nmbrs = await startDemoNmbrs({ employeesPerCompany: 12, token: NMBRS_TOKEN });
  e2e.closeAfter(nmbrs.sim);
  ({ gateway, page, errors } = await e2e.open());
});

/** Companies 1 and 3 of the simulated Nmbrs are the ones the admin selects. */
const company = (index: number) => nmbrs.dataset.companies[index]!;

const scimStatus = async (secret: string) =>
  (
    await fetch(`${gateway.url}/scim/v2/acme/Users?count=2`, {
      headers: { authorization: `Basic ${Buffer.from(`okta-acme:${secret}`).toString("base64")}` },
    })
  ).status;

describe.sequential("the admin console in a browser", () => {
  it("walks a new admin through first-run setup", async () => {
    await page.goto(`${gateway.url}/`);
    expect(new URL(page.url()).pathname).toBe("/setup");
    await page.getByLabel("User name").fill("beheer");
    await page.getByLabel("Password", { exact: true }).fill("short");
    await page.getByLabel("Password again").fill("short");
    await page.getByRole("button", { name: "Create admin and sign in" }).click();
    await expect.poll(() => page.locator("#f-password-error").textContent()).toContain("at least 12 characters");
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByLabel("Password again").fill(PASSWORD);
    await page.getByRole("button", { name: "Create admin and sign in" }).click();
    await page.getByRole("heading", { name: "Dashboard" }).waitFor();
    expect(await page.textContent("main")).toContain("No connectors yet");
  });

  it("logs out and back in", async () => {
    await page.getByRole("button", { name: "Log out" }).click();
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    await page.getByLabel("User name").fill("beheer");
    await page.getByLabel("Password").fill("not the password at all");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("The user name or password is not right.").waitFor();
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Dashboard" }).waitFor();
  });

  it("creates a connector after testing the connection and picking companies", async () => {
    await page.getByRole("link", { name: "Create a connector" }).click();
    await page.getByLabel("Id", { exact: true }).fill("acme");
    await page.getByLabel("Display name").fill("Acme Groep");
    await page.getByLabel("Nmbrs user (e-mail)").fill(DEMO_NMBRS_USER.username);
    await page.getByLabel("API token").fill(NMBRS_TOKEN);
    await page.getByLabel("Domain").fill(DEMO_NMBRS_USER.domain);
    await page.getByLabel("SOAP endpoint").fill(nmbrs.sim.url);
    await page.getByRole("button", { name: "Test connection" }).click();
    await page.getByText("Connected: 3 companies found").waitFor();
    await page.getByLabel(`1 · ${company(0).name}`).check();
    await page.getByLabel(`3 · ${company(2).name}`).check();
    // A schedule croner cannot run is explained while typing, and refused next to its field; nothing is saved.
    await page.getByLabel("Sync schedule (cron)").fill("61 * * * *");
    await expect.poll(() => page.locator("#schedule-preview").textContent()).toContain("the minute must be 0–59");
    await page.getByRole("button", { name: "Create connector" }).click();
    await page.locator("#f-schedule-error").waitFor();
    expect(await page.locator("#f-schedule-error").textContent()).toBe(
      '"61 * * * *" cannot run: the minute must be 0–59.',
    );
    expect(await page.getByLabel("Sync schedule (cron)").getAttribute("aria-describedby")).toContain(
      "f-schedule-error",
    );
    expect(gateway.registry.get("acme")).toBeUndefined();
    await page.getByLabel("API token").fill(NMBRS_TOKEN); // a secret never comes back in a page, so it is typed again
    await page.getByLabel("Sync schedule (cron)").fill("30 6 * * 1-5");
    // Wait for the new schedule's preview itself: on a Monday the default schedule's preview already names a weekday.
    await expect.poll(() => page.locator("#schedule-preview").textContent()).toContain("06:30");
    expect(await page.locator("#schedule-preview").textContent()).toMatch(/Mon|Tue|Wed|Thu|Fri/);
    await page.getByRole("button", { name: "Create connector" }).click();
    await page.getByRole("heading", { name: "Okta setup: Acme Groep" }).waitFor();
    expect(gateway.registry.resolve("acme")?.nmbrs?.companies).toEqual(["1", "3"]);
    expect(await page.content()).not.toContain(NMBRS_TOKEN);
  });

  it("generates a SCIM password, rotates it, and the SCIM API refuses the old one", async () => {
    expect(await page.textContent("#base-url")).toBe(`${gateway.url}/scim/v2/acme`);
    await page.getByRole("button", { name: "Generate password" }).click();
    scimSecret = await page.locator("#new-secret").inputValue();
    expect(scimSecret.length).toBeGreaterThanOrEqual(32);
    expect(await scimStatus(scimSecret)).toBe(200);
    // A reload of the page that shows the secret repeats the GET (POST-redirect-GET): no second rotation.
    await page.reload();
    expect(await page.locator("#new-secret").count()).toBe(0);
    expect(await scimStatus(scimSecret)).toBe(200);
    // Okta may be using the password now: rotating asks first, and Cancel changes nothing.
    await page.getByRole("button", { name: "Rotate password" }).click();
    await page.getByRole("heading", { name: "Rotate the SCIM password of okta-acme?" }).waitFor();
    await page.getByRole("link", { name: "Cancel" }).click();
    expect(await scimStatus(scimSecret)).toBe(200);
    await page.getByRole("button", { name: "Rotate password" }).click();
    await page.getByRole("button", { name: "Yes, rotate and revoke the current credential" }).click();
    const rotated = await page.locator("#new-secret").inputValue();
    expect(rotated).not.toBe(scimSecret);
    expect(await scimStatus(scimSecret)).toBe(401);
    expect(await scimStatus(rotated)).toBe(200);
    await page.reload();
    expect(await page.content()).not.toContain(rotated);
    expect(await page.textContent("main")).toMatch(/Password for okta-acme set on/);
  });

  it("syncs now with live progress and shows the result", async () => {
    // A slow Nmbrs: one of company 3's calls takes 3 s, so the page shows company 1 read while it waits (it polls every second).
    nmbrs.sim.faults.add({ companyId: company(2).id, times: 1, fault: { kind: "delay", ms: 3_000 } });
    await page.goto(`${gateway.url}/`);
    await page.getByRole("button", { name: "Sync now" }).click();
    await page.getByText(/Reading companies: 1 of 2 done · 12 employees read/).waitFor();
    await page.getByText("Run 1:").waitFor({ timeout: 20_000 });
    expect(await page.locator(".sync-slot").textContent()).toContain("succeeded");
    await page.reload();
    expect(await page.locator(".connector-card").textContent()).toContain("Healthy");
  });

  it("browses the HR list, searches it and opens a person", async () => {
    await page.getByRole("link", { name: "HR list", exact: true }).first().click();
    await page.getByRole("heading", { name: "HR list" }).waitFor();
    const rows = page.locator("table.table-hr tbody tr");
    expect(await rows.count()).toBe(24);
    // Someone of company 1 with a plain last name, searched for as an admin would type it.
    const lastName = employeesOfCompany(nmbrs.dataset, company(0).id)
      .map((employee) => currentPersonalInfo(employee)!.lastName!)
      .find((name) => /^[A-Za-z]+$/.test(name))!;
    const query = lastName.toLowerCase();
    await page.getByLabel("Search").fill(query);
    await expect.poll(() => page.locator(".result-count").textContent()).toContain(`matching "${query}"`);
    expect(new URL(page.url()).searchParams.get("q")).toBe(query);
    const first = page.locator("table.table-hr tbody tr a").first();
    const name = (await first.textContent())!;
    expect(name).toContain(lastName);
    await first.click();
    await page.getByRole("heading", { name }).waitFor();
    const main = (await page.textContent("main"))!;
    expect(main).toContain("What Okta gets");
    expect(main).toContain("Source fields (from HR)");
    expect(main).toContain("History");
  });

  it("holds only the deactivations of a company that comes back empty; select-all and a confirmation with the count approve them", async () => {
    removeCompanyEmployees(nmbrs.dataset, company(2).id, 1); // company 3 comes back empty, as with a wrong API token scope
    await page.goto(`${gateway.url}/`);
    await page.getByRole("button", { name: "Sync now" }).click();
    await page.getByRole("link", { name: "Review the held people" }).waitFor({ timeout: 20_000 });
    await page.getByRole("link", { name: "Review the held people" }).click();
    const section = page.locator("section.card", {
      has: page.getByRole("heading", { name: /Deactivations held by the brake/ }),
    });
    await section.waitFor();
    expect(await section.textContent()).toContain("Why the brake tripped");
    const boxes = section.locator('input[type="checkbox"][name="id"]');
    const held = await boxes.count();
    expect(held).toBeGreaterThan(1);
    // Select-all ticks every person of the list, and follows the boxes ticked by hand.
    const all = section.getByLabel(`Select all ${held} waiting`);
    await all.check();
    for (const box of await boxes.all()) expect(await box.isChecked()).toBe(true);
    await boxes.first().uncheck();
    expect(await all.isChecked()).toBe(false);
    expect(await all.evaluate((box) => (box as unknown as { indeterminate: boolean }).indeterminate)).toBe(true);
    await boxes.first().check();
    expect(await all.isChecked()).toBe(true);
    // Nothing is decided before the admin has seen the count.
    await section.getByRole("button", { name: "Approve selected…" }).click();
    await page.getByRole("heading", { name: `Approve ${held} holds?` }).waitFor();
    expect(await page.locator("main tbody tr").count()).toBe(held);
    await page.getByRole("button", { name: `Yes, approve ${held} holds` }).click();
    await page.getByText(`${held} holds approved`).waitFor();
    await expect
      .poll(() => page.reload().then(() => page.textContent("main")), { timeout: 20_000 })
      .toContain("Nobody is held");
  });

  it("reads the log with the debug filter, and the live tail adds new lines", async () => {
    await page.getByRole("link", { name: "Log", exact: true }).click();
    await page.getByLabel("Level").selectOption("debug");
    await page.getByRole("button", { name: "Apply filter" }).click();
    await page.waitForURL(/level=debug/);
    expect(await page.textContent("#log-rows")).toContain("person holds approved");
    gateway.logStore.write(
      JSON.stringify({ level: "info", time: new Date().toISOString(), msg: "a line written after the page loaded" }),
    );
    await page.locator("#log-rows").getByText("a line written after the page loaded").waitFor({ timeout: 10_000 });
    expect(await page.locator("#log-rows tr").first().textContent()).toContain("a line written after the page loaded");
  });

  it("shows the audit trail of everything done above", async () => {
    await page.getByRole("link", { name: "Audit" }).click();
    const text = (await page.textContent("main"))!;
    for (const action of [
      "First admin created",
      "Signed in",
      "Failed sign-in",
      "Connector created",
      "SCIM secret generated",
      "Sync started",
      "Person holds approved",
    ]) {
      expect(text).toContain(action);
    }
  });

  it("raised no script or CSP error on any page", () => {
    // A wrong password (401) and a refused setup form (422) are answered with pages the browser reports as failed loads.
    expect(errors.filter((error) => !/status of (401|422)\b/.test(error))).toEqual([]);
  });
});
