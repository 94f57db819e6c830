import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load.js";
import { DEMO_NMBRS_USER, startDemoNmbrs, type DemoNmbrs } from "./demo-nmbrs.js";
import type { TestGateway } from "./harness.js";
import { createFirstAdmin, useBrowserSessions } from "./session.js";

/**
 * The production path in a real browser: a connector declared in config.toml, its token in an environment variable.
 * Its page is read-only, yet "Test connection" works (with the file's token) and each secret says where it comes from.
 */
const PASSWORD = "tulpen fiets regen zeventien";
const NMBRS_TOKEN = "e2e-file-nmbrs-token-3d9f";

const e2e = useBrowserSessions("hrgw-e2e-file-");
let gateway: TestGateway;
let page: Page;
let errors: string[];
let nmbrs: DemoNmbrs;

beforeAll(async () => {
  nmbrs = await startDemoNmbrs({ employeesPerCompany: 8, token: NMBRS_TOKEN });
  e2e.closeAfter(nmbrs.sim);
  const dir = e2e.dir();
  writeFileSync(
    join(dir, "config.toml"),
    `[[connectors]]
id = "acme"
name = "Acme Groep"
kind = "nmbrs-soap"
[connectors.nmbrs]
endpoint = "${nmbrs.sim.url}"
username = "${DEMO_NMBRS_USER.username}"
domain = "${DEMO_NMBRS_USER.domain}"
token_env = "NMBRS_TOKEN"
`,
  );
  const config = loadConfig({ path: join(dir, "config.toml"), env: { NMBRS_TOKEN } });
  ({ gateway, page, errors } = await e2e.open({ connectors: config.connectors }));
});

describe.sequential("a config.toml connector in a browser", () => {
  it("shows where its secrets come from, and Test connection lists the companies with the file's token", async () => {
    await createFirstAdmin(page, gateway.url, PASSWORD);

    await page.goto(`${gateway.url}/connectors/acme/edit`);
    await page.getByText("Declared in config.toml").waitFor();
    expect(await page.getByLabel("API token").isDisabled()).toBe(true);
    expect(await page.locator("main").textContent()).toContain("config.toml: from env NMBRS_TOKEN");
    expect(await page.locator("main").textContent()).not.toContain("stored");

    // Enabled at once: a disabled button would make this click wait until the test's timeout.
    expect(await page.getByRole("button", { name: "Test connection" }).isEnabled()).toBe(true);
    await page.getByRole("button", { name: "Test connection" }).click();
    await page.getByText("Connected: 3 companies found").waitFor();
    const first = page.getByLabel(`1 · ${nmbrs.dataset.companies[0]!.name}`);
    expect(await first.isDisabled()).toBe(true);
    expect(await page.content()).not.toContain(NMBRS_TOKEN);
    expect(errors).toEqual([]);
  });
});
