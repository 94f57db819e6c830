/**
 * Screenshots of every console page for the docs: starts the Nmbrs simulator with generated Dutch employees and a
 * real gateway that reads it over SOAP, drives Debian's chromium through the pages an admin uses (the held people
 * are caused by emptying a company in the simulator, previewed first), and writes PNGs at 1280 px and at phone width into
 * docs/screenshots/; then the same pages again from a Dutch browser into docs/screenshots/nl/ (first-run setup only in
 * English: the gateway has its admin by then).
 *
 *   npm run screenshots
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { removeCompanyEmployees } from "../testkit/nmbrs-sim/dataset-mutations.js";
import { launchChromium, watchErrors } from "../test/e2e/browser.js";
import { DEMO_NMBRS_USER, startDemoNmbrs } from "../test/e2e/demo-nmbrs.js";
import { startTestGateway } from "../test/e2e/harness.js";

const OUT = join(process.cwd(), "docs", "screenshots");
const PASSWORD = "tulpen fiets regen zeventien";
const NMBRS_TOKEN = "demo-token";

const dir = mkdtempSync(join(tmpdir(), "hrgw-screenshots-"));
const nmbrs = await startDemoNmbrs({ employeesPerCompany: 40, token: NMBRS_TOKEN, conflicts: 1 });
const gateway = await startTestGateway({ dir });
const browser = await launchChromium();
try {
  mkdirSync(OUT, { recursive: true });
  // The browser's language picks the console's (docs/i18n.md), so each page states the one it shows.
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: "en-GB" });
  const errors = watchErrors(page);
  const url = (path: string) => `${gateway.url}${path}`;
  const shot = async (name: string, options: { fullPage?: boolean } = {}) => {
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: options.fullPage ?? true });
    console.log(`docs/screenshots/${name}.png`);
  };

  await page.goto(url("/"));
  await shot("01-first-run-setup");
  await page.getByLabel("User name").fill("beheer");
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Password again").fill(PASSWORD);
  await page.getByRole("button", { name: "Create admin and sign in" }).click();
  await page.getByRole("heading", { name: "Dashboard" }).waitFor();

  await page.goto(url("/connectors/new"));
  await page.getByLabel("Id", { exact: true }).fill("acme");
  await page.getByLabel("Display name").fill("Acme Groep");
  await page.getByLabel("Nmbrs user (e-mail)").fill(DEMO_NMBRS_USER.username);
  await page.getByLabel("API token").fill(NMBRS_TOKEN);
  await page.getByLabel("Domain").fill(DEMO_NMBRS_USER.domain);
  await page.getByLabel("SOAP endpoint").fill(nmbrs.sim.url);
  await page.getByRole("button", { name: "Test connection" }).click();
  await page.getByText("Connected: 3 companies found").waitFor();
  await page.getByLabel("Sync schedule (cron)").fill("30 6-18 * * 1-5");
  // The preview of the new schedule: its runs are at half past (which hours depends on when this runs).
  await page.locator("#schedule-preview time").getByText(/:30$/).first().waitFor();
  await shot("03-connector-form");
  await page.getByRole("button", { name: "Create connector" }).click();
  await page.getByRole("button", { name: "Generate password" }).click();
  const secret = await page.locator("#new-secret").inputValue();
  await shot("04-okta-setup");

  await page.goto(url("/"));
  await page.getByRole("button", { name: "Sync now" }).click();
  await page.getByText("Run 1:").waitFor({ timeout: 30_000 });
  await oktaImport(gateway.url, secret);
  await page.goto(url("/"));
  await shot("02-dashboard");

  await page.goto(url("/connectors"));
  await shot("05-connectors");

  await page.goto(url("/hr?connector=acme"));
  await shot("06-hr-list", { fullPage: false });
  await page.getByLabel("Search").fill("van der");
  await page.locator(".result-count").getByText('matching "van der"').waitFor();
  await page.locator("table.table-hr tbody tr a").first().click();
  await page.getByRole("heading", { name: "Lifecycle" }).waitFor();
  await shot("07-person");
  const personPath = new URL(page.url()).pathname;

  removeCompanyEmployees(nmbrs.dataset, nmbrs.dataset.companies[2]!.id, 1);
  await page.goto(url("/connectors/acme"));
  await page.getByRole("button", { name: "Preview", exact: true }).click();
  await page.getByRole("heading", { name: "Summary" }).waitFor({ timeout: 30_000 });
  await shot("15-preview", { fullPage: false });
  const previewPath = new URL(page.url()).pathname;
  await page.goto(url("/"));
  await page.getByRole("button", { name: "Sync now" }).click();
  await page.getByRole("link", { name: "Review the held people" }).waitFor({ timeout: 30_000 });
  await page.goto(url("/"));
  await shot("08-dashboard-held-people");
  await page.getByRole("link", { name: /Review \d+ held people/ }).click();
  await shot("09-holds", { fullPage: false });
  await page.goto(url("/runs"));
  await shot("10-sync-runs");

  await page.goto(url("/log?level=debug"));
  await shot("11-log", { fullPage: false });
  await page.goto(url("/log?tab=scim"));
  await shot("12-log-scim-requests", { fullPage: false });
  await page.goto(url("/audit"));
  await shot("13-audit");

  const signedOut = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: "en-GB" });
  await signedOut.goto(url("/login"));
  await signedOut.screenshot({ path: join(OUT, "14-login.png") });
  console.log("docs/screenshots/14-login.png");

  await page.setViewportSize({ width: 390, height: 844 });
  for (const [name, path] of [
    ["phone-dashboard", "/"],
    ["phone-hr-list", "/hr?connector=acme"],
    ["phone-connector-form", "/connectors/acme/edit"],
    ["phone-log", "/log"],
  ] as const) {
    await page.goto(url(path));
    await shot(name, { fullPage: path !== "/hr?connector=acme" && path !== "/log" });
  }

  const dutch = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: "nl-NL" });
  const dutchErrors = watchErrors(dutch);
  mkdirSync(join(OUT, "nl"), { recursive: true });
  const dutchShot = async (name: string, options: { fullPage?: boolean } = {}) => {
    await dutch.waitForLoadState("networkidle");
    await dutch.screenshot({ path: join(OUT, "nl", `${name}.png`), fullPage: options.fullPage ?? true });
    console.log(`docs/screenshots/nl/${name}.png`);
  };
  await dutch.goto(url("/login"));
  await dutchShot("14-login");
  await dutch.getByLabel("Gebruikersnaam").fill("beheer");
  await dutch.getByLabel("Wachtwoord").fill(PASSWORD);
  await dutch.getByRole("button", { name: "Inloggen" }).click();
  await dutch.getByRole("heading", { name: "Dashboard" }).waitFor();
  await dutchShot("02-dashboard");
  // The English pages above, in the same state (the held people of the last sync are still waiting).
  for (const [name, path, fullPage] of [
    ["03-connector-form", "/connectors/acme/edit", true],
    ["04-okta-setup", "/connectors/acme/okta", true],
    ["05-connectors", "/connectors", true],
    ["06-hr-list", "/hr?connector=acme", false],
    ["07-person", personPath, true],
    ["08-dashboard-held-people", "/", true],
    ["09-holds", "/connectors/acme/holds", false],
    ["10-sync-runs", "/runs", true],
    ["11-log", "/log?level=debug", false],
    ["12-log-scim-requests", "/log?tab=scim", false],
    ["13-audit", "/audit", true],
    ["15-preview", previewPath, false],
  ] as const) {
    await dutch.goto(url(path));
    await dutchShot(name, { fullPage });
  }
  await dutch.setViewportSize({ width: 390, height: 844 });
  for (const [name, path] of [
    ["phone-dashboard", "/"],
    ["phone-hr-list", "/hr?connector=acme"],
    ["phone-connector-form", "/connectors/acme/edit"],
    ["phone-log", "/log"],
  ] as const) {
    await dutch.goto(url(path));
    await dutchShot(name, { fullPage: path !== "/hr?connector=acme" && path !== "/log" });
  }

  if (errors.length + dutchErrors.length > 0) {
    console.error("The pages reported errors:", [...errors, ...dutchErrors]);
    process.exitCode = 1;
  }
} finally {
  await browser.close();
  await gateway.close();
  await nmbrs.sim.close();
  rmSync(dir, { recursive: true, force: true });
}

/** What Okta's "Import Now" does: read every page of /Users, 100 at a time. */
async function oktaImport(baseUrl: string, password: string): Promise<void> {
  const authorization = `Basic ${Buffer.from(`okta-acme:${password}`).toString("base64")}`;
  for (let startIndex = 1; ; startIndex += 100) {
    const response = await fetch(`${baseUrl}/scim/v2/acme/Users?startIndex=${startIndex}&count=100`, {
      headers: { authorization, "user-agent": "Okta SCIM Client 1.0.0" },
    });
    const body = (await response.json()) as { totalResults: number };
    if (startIndex + 100 > body.totalResults) break;
  }
}
