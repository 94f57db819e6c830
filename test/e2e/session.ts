import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { afterAll } from "vitest";
import { launchChromium, watchErrors } from "./browser.js";
import { startTestGateway, type TestGateway, type TestGatewayOptions } from "./harness.js";

/** One browser test file's world: the real gateway, and one page in Chromium pointed at it. */
export interface BrowserSession {
  readonly gateway: TestGateway;
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  /** What the page reports as errors (browser.ts watchErrors): a CSP violation or a script error lands here. */
  readonly errors: string[];
}

export interface OpenOptions extends Omit<TestGatewayOptions, "dir"> {
  /** The browser context (its locale, its window); default a 1280 × 900 window. */
  readonly context?: BrowserContextOptions;
  /** Browser permissions granted to the gateway's origin (the clipboard, for Copy buttons). */
  readonly permissions?: readonly string[];
  /** Makes the first admin with this password and signs in (the setup page, in English) before the tests. */
  readonly admin?: string;
}

export interface BrowserSessions {
  /** The file's temporary folder (the gateway's database, a config.toml), made on first use. */
  dir(): string;
  /** Starts the gateway in the file's folder, then Chromium with one page; call it in beforeAll. */
  open(options?: OpenOptions): Promise<BrowserSession>;
  /** Closes `thing` (a simulator the gateway reads) after the file's tests, with the rest. */
  closeAfter<T extends { close(): unknown }>(thing: T): T;
}

/**
 * What every browser test file starts and stops: a temporary folder, the gateway, Chromium and its page, and the
 * simulators handed to `closeAfter`. After the file's last test they are closed, the last opened first, and the
 * folder removed (after the gateway, whose sync processes open the database by its path).
 */
export function useBrowserSessions(tempPrefix: string): BrowserSessions {
  let dir: string | null = null;
  const opened: { close(): unknown }[] = [];
  afterAll(async () => {
    for (const thing of opened.splice(0).reverse()) await thing.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  const folder = () => (dir ??= mkdtempSync(join(tmpdir(), tempPrefix)));
  const closeAfter = <T extends { close(): unknown }>(thing: T): T => {
    opened.push(thing);
    return thing;
  };
  return {
    dir: folder,
    closeAfter,
    async open(options = {}) {
      const { context: contextOptions, permissions, admin, ...gatewayOptions } = options;
      const gateway = closeAfter(await startTestGateway({ dir: folder(), ...gatewayOptions }));
      const browser = closeAfter(await launchChromium());
      const context = await browser.newContext(contextOptions ?? { viewport: { width: 1280, height: 900 } });
      if (permissions) await context.grantPermissions([...permissions], { origin: gateway.url });
      const page = await context.newPage();
      const errors = watchErrors(page);
      if (admin) await createFirstAdmin(page, gateway.url, admin);
      return { gateway, browser, context, page, errors };
    },
  };
}

/** The first admin, "beheer", made on the setup page (where the console sends a gateway without admins), signed in. */
export async function createFirstAdmin(page: Page, url: string, password: string): Promise<void> {
  await page.goto(`${url}/`);
  await page.getByLabel("User name").fill("beheer");
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Password again").fill(password);
  await page.getByRole("button", { name: "Create admin and sign in" }).click();
  await page.getByRole("heading", { name: "Dashboard" }).waitFor();
}
