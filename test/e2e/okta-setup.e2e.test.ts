import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { ENTERPRISE_USER } from "../../src/directory/schema-urns.js";
import { connectorConfig } from "../support/hr-data.js";
import type { TestGateway } from "./harness.js";
import { createFirstAdmin, useBrowserSessions } from "./session.js";

/**
 * The Okta setup page in a real browser, as an admin about to configure Okta reads it: the custom SCIM app's steps
 * in Okta's words, a warning for a Base URL Okta cannot reach, only the attributes this connector serves, and Copy
 * buttons that really put each value on the clipboard (console.js, under the console's CSP).
 */
const PASSWORD = "tulpen fiets regen zeventien";
const e2e = useBrowserSessions("hrgw-e2e-okta-");
let gateway: TestGateway;
let page: Page;
let errors: string[];

beforeAll(async () => {
  ({ gateway, page, errors } = await e2e.open({
    connectors: [
      connectorConfig({ name: "Acme BV", managers: false, private_contact: false, groups: { kinds: ["department"] } }),
    ],
    // 127.0.0.1 is a secure context, so console.js uses the clipboard API.
    permissions: ["clipboard-read", "clipboard-write"],
  }));
});

// A string, not a function: the tests compile without the DOM types.
const clipboard = () => page.evaluate("navigator.clipboard.readText()") as Promise<string>;

async function copy(buttonName: string): Promise<string> {
  const button = page.getByRole("button", { name: buttonName, exact: true });
  await button.click();
  await expect.poll(() => button.textContent()).toBe("Copied");
  return clipboard();
}

describe.sequential("the Okta setup page in a browser", () => {
  it("signs in a new admin and opens the connector's Okta setup", async () => {
    await createFirstAdmin(page, gateway.url, PASSWORD);
    await page.getByRole("link", { name: "Okta setup" }).click();
    await page.getByRole("heading", { name: "Okta setup: Acme BV" }).waitFor();
  });

  it("warns that Okta cannot reach a Base URL on 127.0.0.1 and says what to set", async () => {
    const warning = page.getByRole("status").filter({ hasText: "Okta cannot reach this Base URL" });
    await warning.waitFor();
    const text = await warning.textContent();
    expect(text).toContain(`${gateway.url}/scim/v2/acme`);
    expect(text).toContain("public_url");
    expect(text).toContain("reverse proxy");
  });

  it("shows the custom SCIM app's steps in Okta's words", async () => {
    const steps = (await page.locator("#steps").textContent()) ?? "";
    for (const words of [
      "Create App Integration",
      "Test Connector Configuration",
      "To App: leave off.",
      "Allow Acme BV to source Okta users",
      "Import New Users and Profile Updates",
      "Import Groups",
      "Import Now",
    ]) {
      expect(steps).toContain(words);
    }
    for (const catalogue of [
      "Enable API integration",
      "Test API Credentials",
      "master Okta users",
      "generated above",
    ]) {
      expect(await page.textContent("main")).not.toContain(catalogue);
    }
    expect(steps).toContain("No password exists yet.");
    await page.locator("#step-credential").getByRole("link", { name: "Generate one under Connection values" }).click();
    expect(new URL(page.url()).hash).toBe("#credentials");
  });

  it("copies the Base URL, the user name, the unique identifier and an attribute's namespace to the clipboard", async () => {
    expect(await copy("Copy Base URL")).toBe(`${gateway.url}/scim/v2/acme`);
    expect(await copy("Copy SCIM user name")).toBe("okta-acme");
    expect(await copy("Copy Basic Auth username")).toBe("okta-acme");
    expect(await copy("Copy unique identifier field")).toBe("userName");
    expect(await copy("Copy username expression")).toBe("appuser.userName");
    expect(await copy("Copy external namespace of department")).toBe(ENTERPRISE_USER);
    expect(await copy("Copy external name of hrStartDate")).toBe("startDate");
  });

  it("lists only the attributes this connector serves", async () => {
    const table = (await page.locator("#attributes table").first().textContent()) ?? "";
    expect(table).toContain("employeeNumber");
    expect(table).toContain("department");
    for (const notServed of ["costCenter", "managerId", "privateEmail", "privateMobile"])
      expect(table).not.toContain(notServed);
    expect(await page.locator("#attributes-not-served").textContent()).toContain("managers");
  });

  it("raised no script or CSP error", () => {
    expect(errors).toEqual([]);
  });
});
