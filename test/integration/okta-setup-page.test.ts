import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "../e2e/harness.js";
import { ConsoleClient } from "../support/console-client.js";
import { connectorConfig } from "../support/hr-data.js";
import { useTempDir } from "../support/temp-dir.js";

/**
 * The Okta setup page against Okta's custom SCIM app flow (Okta's SCIM documentation; README "Okta setup"):
 * Okta's words, only the attributes this connector serves, a Copy button for every value to paste, and a warning
 * when the Base URL is one Okta cannot reach. Real gateway over HTTP, read with the console client.
 */
const tempDir = useTempDir("hrgw-okta-page-");
const gateways: TestGateway[] = [];
afterEach(async () => {
  for (const gateway of gateways.splice(0)) await gateway.close();
});

async function oktaPage(raw: Record<string, unknown>) {
  const gateway = await startTestGateway({
    dir: tempDir(),
    connectors: [connectorConfig({ name: "Acme BV", ...raw })],
  });
  gateways.push(gateway);
  const client = new ConsoleClient(gateway.url);
  await client.setup();
  const page = await client.get("/connectors/acme/okta");
  expect(page.status).toBe(200);
  return { page: page.text, client, gateway };
}

/** The element ids that Copy buttons name, and whether each exists on the page. */
function copyTargets(html: string): { target: string; present: boolean }[] {
  return [...html.matchAll(/data-copy="#([^"]+)"/g)].map(([, target = ""]) => ({
    target,
    present: html.includes(`id="${target}"`),
  }));
}

describe("the Okta setup page", () => {
  it("walks through the custom SCIM app in Okta's words, not the catalogue app's", async () => {
    const { page } = await oktaPage({});
    for (const words of [
      "Create App Integration",
      "<strong>Provisioning</strong> to <strong>SCIM</strong>",
      "Provisioning → Integration → Edit",
      "Import New Users and Profile Updates",
      "Import Groups",
      "Test Connector Configuration",
      "To App: leave off.",
      "Provisioning → To Okta → Edit",
      "Import Safeguards",
      "Profile &amp; Lifecycle Sourcing",
      "Allow Acme BV to source Okta users",
      "Mappings → Acme BV to Okta User",
      "Import Now",
    ]) {
      expect(page).toContain(words);
    }
    for (const catalogueWords of [
      "Enable API integration",
      "Test API Credentials",
      "master Okta users",
      "Lifecycle Mastering",
      "generated above",
    ]) {
      expect(page).not.toContain(catalogueWords);
    }
  });

  it("says what the README's Okta setup says, in the same words", async () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    // Markdown emphasis and line wrapping apart, the words must be the same.
    const section = readme
      .slice(readme.indexOf("## Okta setup"), readme.indexOf("## Okta Profile Editor"))
      .replaceAll("*", "")
      .replace(/\s+/g, " ");
    const { page } = await oktaPage({});
    const text = page
      .replaceAll("&amp;", "&")
      .replace(/<[^>]+>/g, "")
      .replace(/\s+/g, " ");
    for (const words of [
      "Applications → Applications → Create App Integration",
      "SWA",
      "SAML 2.0",
      "App Integration Wizard",
      "Do not display application icon to users",
      "Provisioning → Integration → Edit",
      "Import New Users and Profile Updates",
      "Import Groups",
      "Push New Users",
      "Basic Auth",
      "HTTP Header",
      "Test Connector Configuration",
      "To App: leave off",
      "Provisioning → To Okta → Edit",
      "appuser.userName",
      "Import Safeguards",
      "User Creation & Matching",
      "Profile & Lifecycle Sourcing",
      "source Okta users",
      "Mappings →",
      "Import Now",
      "public_url",
      "reverse proxy",
    ]) {
      expect(section, `README: ${words}`).toContain(words);
      expect(text, `page: ${words}`).toContain(words);
    }
  });

  it("says where the password is instead of pointing at one that is not shown", async () => {
    const { page, client } = await oktaPage({});
    expect(page).toContain("No password exists yet.");
    expect(page).toContain('<a href="#credentials">Generate one under Connection values</a>');

    // config.toml connectors cannot rotate in the console; a console connector can.
    const created = await client.post("/connectors", {
      id: "beta",
      name: "Beta",
      kind: "nmbrs-soap",
      "nmbrs.username": "api@beta.nl",
      "nmbrs.token": "t0ken-beta",
      "nmbrs.domain": "beta",
      days_before: "14",
      days_after: "7",
      retention_days: "90",
      max_deactivation_percent: "10",
      schedule: "15 * * * *",
      timezone: "Europe/Amsterdam",
      "groups.kinds": ["department", "company"],
    });
    expect(created.status, created.text.slice(0, 2000)).toBe(303);
    const generated = await client.post("/connectors/beta/okta/credentials", {
      scheme: "basic",
      username: "okta-beta",
    });
    expect(generated.status).toBe(303); // POST-redirect-GET: the page that shows the new secret once
    expect((await client.get(generated.location!)).text).toContain("The new password is at the top of this page");
    const later = await client.get("/connectors/beta/okta");
    expect(later.text).toContain("A password was generated on");
    expect(later.text).toContain("generate a new one under Connection values");
  });

  it("lists only the attributes this connector serves, and says which setting would add the others", async () => {
    const first = await oktaPage({ managers: false, private_contact: false, groups: { kinds: ["department"] } });
    const lean = first.page;
    await first.gateway.close(); // croner names jobs per process: one gateway with connector "acme" at a time
    gateways.splice(gateways.indexOf(first.gateway), 1);
    for (const served of [
      "employeeNumber",
      "organization",
      "department",
      "hrStartDate",
      "hrEndDate",
      "hrCompanyNumber",
    ]) {
      expect(lean).toContain(`id="attr-${served}-external"`);
    }
    for (const notServed of ["costCenter", "managerId", "manager", "privateEmail", "privateMobile"]) {
      expect(lean).not.toContain(`id="attr-${notServed}-external"`);
    }
    expect(lean).toContain("<code>costCenter</code> (needs cost-center groups");
    expect(lean).toContain("<code>manager</code> (needs managers)");
    expect(lean).toContain("<code>privateEmail</code> (needs private contact data");

    const full = (
      await oktaPage({ managers: true, private_contact: true, groups: { kinds: ["department", "cost_center"] } })
    ).page;
    for (const served of ["costCenter", "managerId", "manager", "privateEmail", "privateMobile"]) {
      expect(full).toContain(`id="attr-${served}-external"`);
    }
    expect(full).not.toContain('id="attributes-not-served"');
  });

  it("has a Copy button for every value to paste, each naming an element on the page", async () => {
    const { page, gateway } = await oktaPage({ managers: true });
    const targets = copyTargets(page);
    expect(targets.filter(({ present }) => !present)).toEqual([]);
    const copied = new Set(targets.map(({ target }) => target));
    for (const id of [
      "base-url",
      "scim-user-name",
      "okta-app-name",
      "step-base-url",
      "step-unique-id",
      "step-username",
      "step-username-expression",
    ]) {
      expect(copied).toContain(id);
    }
    for (const attribute of ["employeeNumber", "manager"]) {
      for (const part of ["variable", "external", "namespace"]) expect(copied).toContain(`attr-${attribute}-${part}`);
    }
    expect(page).toContain(`id="base-url">${gateway.url}/scim/v2/acme</code>`);
  });

  it("warns that Okta cannot reach a Base URL on 127.0.0.1 and explains public_url and the reverse proxy", async () => {
    const { page } = await oktaPage({});
    expect(page).toContain("Okta cannot reach this Base URL");
    expect(page).toContain("it points at this machine itself (a loopback address)");
    expect(page).toContain("<code>public_url</code>");
    expect(page).toContain("reverse proxy");
  });
});
