import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import type { TestGateway } from "./harness.js";
import { useBrowserSessions } from "./session.js";

/**
 * Issue #19, the console in Dutch and English, in a browser whose language is Dutch: the console follows it until
 * the admin switches, and the switch is remembered for the admin. One session, steps in order.
 */
const PASSWORD = "fietsen langs de grachten";

const e2e = useBrowserSessions("hrgw-e2e-language-");
let gateway: TestGateway;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  ({ gateway, context, page, errors } = await e2e.open({
    context: { locale: "nl-NL", viewport: { width: 390, height: 844 } },
  }));
});

const htmlLang = () => page.getAttribute("html", "lang");

describe.sequential("the console's language in a Dutch browser", () => {
  it("sets up the first admin in Dutch", async () => {
    await page.goto(`${gateway.url}/setup`);
    expect(await htmlLang()).toBe("nl");
    await page.getByLabel("Gebruikersnaam").fill("beheer");
    await page.getByLabel("Wachtwoord", { exact: true }).fill(PASSWORD);
    await page.getByLabel("Wachtwoord herhalen").fill(PASSWORD);
    await page.getByRole("button", { name: "Beheerder aanmaken en inloggen" }).click();
    await page.getByRole("heading", { name: "Nog geen koppelingen" }).waitFor();
    expect(await page.getByRole("navigation", { name: "Hoofdmenu" }).textContent()).toContain("Koppelingen");
  });

  it("keeps the header within a phone's width with the switch in it", async () => {
    const overflow = (await page.evaluate(
      "document.documentElement.scrollWidth - document.documentElement.clientWidth",
    )) as number;
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it("switches to English with the button named in English, back on the same page", async () => {
    await page.goto(`${gateway.url}/connectors?from=switch`);
    await page.getByRole("button", { name: "English" }).click();
    await page.waitForURL(`${gateway.url}/connectors?from=switch`);
    expect(await htmlLang()).toBe("en");
    expect(await page.getByRole("navigation", { name: "Main" }).textContent()).toContain("Connectors");
    expect(await page.getByRole("button", { name: "Nederlands" }).isVisible()).toBe(true);
  });

  it("remembers the choice for the admin after logging out and in again", async () => {
    await page.getByRole("button", { name: "Log out" }).click();
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    await context.clearCookies();
    await page.goto(`${gateway.url}/login`);
    expect(await htmlLang()).toBe("nl");
    await page.getByLabel("Gebruikersnaam").fill("beheer");
    await page.getByLabel("Wachtwoord").fill(PASSWORD);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.getByRole("heading", { name: "No connectors yet" }).waitFor();
    expect(await htmlLang()).toBe("en");
    expect(errors).toEqual([]);
  });
});
