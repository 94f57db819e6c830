import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createConsoleApp } from "../../src/console/console-app.js";
import type { ConsoleDeps } from "../../src/console/deps.js";
import { openDatabase, type Db } from "../../src/db/open.js";
import { storedParts } from "../../src/console/connectors/stored-parts.js";
import { generateDataset } from "../../testkit/nmbrs-sim/generator.js";
import { startNmbrsSimulator } from "../../testkit/nmbrs-sim/soap/simulator.js";
import { startTestGateway } from "../e2e/harness.js";
import { ConsoleClient } from "../support/console-client.js";
import { bothApisConnector, connectToSimulator } from "../support/nmbrs-rest.js";
import { SIM_CREDENTIALS, SIM_TODAY } from "../support/nmbrs-sim.js";
import { useTempDir } from "../support/temp-dir.js";

/**
 * The console's rule for actions (docs/decisions.md, "Console actions"): a POST that changes something ends in a
 * redirect to a page fetched with GET (POST-redirect-GET: 303, or HX-Redirect for htmx), so a browser reload shows
 * that page again instead of repeating the action; a POST that only answers an htmx fragment is sent by a button in a
 * page the reload fetches with GET, so a reload never resends it. Every revocation or deletion asks first.
 *
 * This table is the list of every POST route the console has, each with the way it keeps that rule and the test that
 * proves it. A new route fails the test below until it is classified here, which is the moment to follow the rule.
 */
type Kind =
  /** Answers 303 (or HX-Redirect) after its effect; an error that changed nothing may answer a page directly. */
  | "redirects"
  /** Answers a fragment to an hx-post button (no form posts it) and changes nothing a reload could repeat. */
  | "htmx fragment";

/** Each route with the test that proves its answer. */
const ACTIONS: Record<string, Kind> = {
  "/setup": "redirects", // console-auth.test.ts
  "/login": "redirects", // console-auth.test.ts
  "/logout": "redirects", // console-auth.test.ts
  "/language": "redirects", // console-language.test.ts: the header's language switch returns to the page it was on
  "/connectors/test": "htmx fragment", // console-pages.test.ts: Test connection reads the source, changes nothing
  "/connectors/:id/test": "htmx fragment", // console-config-connectors.test.ts: a config.toml connector's Test connection
  "/connectors": "redirects", // console-pages.test.ts, nmbrs-rest-console.test.ts
  "/connectors/:id": "redirects", // console-pages.test.ts
  "/connectors/:id/delete": "redirects", // console-pages.test.ts
  "/connectors/:id/sync": "redirects", // audit-trail.test.ts (303); htmx gets the progress fragment (console-pages.test.ts)
  "/connectors/:id/nmbrs/connect": "redirects", // nmbrs-rest-console.test.ts (HX-Redirect to Nmbrs)
  "/connectors/:id/nmbrs/disconnect": "redirects", // nmbrs-rest-console.test.ts, nmbrs-rest.e2e.test.ts
  "/connectors/:id/migration/dry-run": "htmx fragment", // nmbrs-rest-console.test.ts: reads, changes nothing
  "/connectors/:id/migration/switch": "redirects", // nmbrs-rest-console.test.ts
  "/connectors/:id/okta/credentials": "redirects", // console-pages.test.ts, console.e2e.test.ts
  "/connectors/:id/previews": "redirects", // sync-preview-entry-points.test.ts
  "/connectors/:id/holds": "redirects", // console-pages.test.ts
  "/connectors/:id/mapping": "redirects", // console-mapping-page.test.ts: saves, then 303 to the page with the Preview offer
  "/connectors/:id/mapping/check": "htmx fragment", // console-mapping-page.test.ts: compiles one expression, saves nothing
  "/connectors/:id/mapping/try": "htmx fragment", // console-mapping-page.test.ts: evaluates for one person, saves nothing
  "/hr/:connector/:scimId/exclude": "redirects", // console-exclusions.test.ts
  "/hr/:connector/:scimId/include": "redirects", // console-exclusions.test.ts
  "/hr/:connector/:scimId/approve-login": "redirects", // console-login-approval.test.ts
  "/runs/:id{[0-9]+}/approve": "redirects", // the same route as reject, nmbrs-rest-console.test.ts
  "/runs/:id{[0-9]+}/reject": "redirects", // nmbrs-rest-console.test.ts (a held switch)
};

/**
 * The actions that revoke a live credential or delete data, and how the admin is asked first: a browser confirm
 * (hx-confirm) on every button, or a confirmation page (GET on the action's own path) that holds the only form
 * posting it. The Okta credentials ask on the server when one is live (console-pages.test.ts).
 */
const ASKS: Record<string, "hx-confirm" | "confirmation page" | "server"> = {
  "/connectors/:id/delete": "confirmation page",
  "/connectors/:id/nmbrs/disconnect": "hx-confirm",
  "/connectors/:id/okta/credentials": "server",
  "/runs/:id{[0-9]+}/reject": "confirmation page",
};

const tempDir = useTempDir("hrgw-post-routes-");
let db: Db | undefined;

afterEach(() => db?.close());

/** The POST routes the console registers, as Hono lists them once the sub-apps are mounted. */
function consolePostRoutes(): string[] {
  db = openDatabase(join(tempDir(), "gateway.db"));
  // Registering routes only builds the session and sign-in stores on the database; no other dependency is called.
  const app = createConsoleApp({ db, clock: () => new Date("2026-12-07T09:00:00Z") } as unknown as ConsoleDeps);
  return [...new Set(app.routes.filter((route) => route.method === "POST").map((route) => route.path))].sort();
}

describe("console actions", () => {
  it("every POST route either redirects after its effect or answers an htmx fragment, and is listed with its proof", () => {
    expect(consolePostRoutes()).toEqual(Object.keys(ACTIONS).sort());
  });

  it("every page posts forms only to actions that redirect, and asks before each revocation or deletion", async () => {
    const sim = await startNmbrsSimulator({
      dataset: generateDataset({ seed: 4, companies: 1, employeesPerCompany: 8, today: SIM_TODAY }),
      credentials: SIM_CREDENTIALS,
      today: SIM_TODAY,
    });
    const gw = await startTestGateway({ dir: tempDir() });
    try {
      const { stored, secrets } = storedParts(bothApisConnector(sim, "nmbrs-soap", { id: "acme" }));
      gw.registry.saveConsoleConnector(stored, secrets);
      expect((await gw.sync.runNow("acme", "manual")).status).toBe("succeeded");
      await connectToSimulator(gw.registry, "acme", sim, () => new Date(`${SIM_TODAY}T08:00:00Z`));
      const client = new ConsoleClient(gw.url);
      await client.setup();
      const pages = [
        "/",
        "/connectors",
        "/connectors/new",
        "/connectors/acme",
        "/connectors/acme/edit",
        "/connectors/acme/okta",
        "/connectors/acme/delete",
        "/connectors/acme/previews",
        "/connectors/acme/holds",
        "/connectors/acme/mapping",
        "/runs",
        "/hr",
        "/log",
        "/audit",
      ];
      const posts: { page: string; action: string; by: "form" | "hx-post"; confirm: boolean }[] = [];
      for (const path of pages) {
        const page = await client.get(path);
        expect(page.status, path).toBe(200);
        posts.push(...postsOn(path, page.text));
      }
      // The pages hold every kind of action this test is about; a page that stopped rendering them would pass vacuously.
      expect(posts.map((post) => `${post.by} ${post.action}`)).toEqual(
        expect.arrayContaining([
          "form /logout",
          "form /connectors/acme/sync",
          "hx-post /connectors/acme/sync",
          "form /connectors/acme/previews",
          "form /connectors/acme/okta/credentials",
          "form /connectors/acme/delete",
          "hx-post /connectors/test",
          "hx-post /connectors/acme/nmbrs/connect",
          "hx-post /connectors/acme/nmbrs/disconnect",
          "hx-post /connectors/acme/migration/dry-run",
          "form /connectors/acme/migration/switch",
          "form /connectors/acme/mapping",
          "hx-post /connectors/acme/mapping/check",
          "hx-post /connectors/acme/mapping/try",
        ]),
      );
      const unrouted = posts.filter((post) => routeOf(post.action) === undefined);
      expect(unrouted).toEqual([]);
      const formsToFragments = posts.filter(
        (post) => post.by === "form" && ACTIONS[routeOf(post.action)!] !== "redirects",
      );
      expect(formsToFragments).toEqual([]);
      const unasked = posts.filter((post) => {
        const asks = ASKS[routeOf(post.action)!];
        if (asks === "hx-confirm") return !post.confirm;
        if (asks === "confirmation page") return post.page !== post.action;
        return false;
      });
      expect(unasked).toEqual([]);
    } finally {
      await gw.close();
      await sim.close();
    }
  });
});

/** The console route an address is posted to, as it is listed in ACTIONS. */
function routeOf(action: string): string | undefined {
  const path = new URL(action, "http://console.invalid").pathname;
  return Object.keys(ACTIONS).find((route) =>
    new RegExp(`^${route.replace(":id{[0-9]+}", "[0-9]+").replaceAll(":id", "[^/]+")}$`).test(path),
  );
}

/** Every form posting and every hx-post on a page, with whether the element asks first (hx-confirm). */
function postsOn(page: string, html: string) {
  const found: { page: string; action: string; by: "form" | "hx-post"; confirm: boolean }[] = [];
  for (const [tag = ""] of html.matchAll(/<(?:form|button|a|input|div)\s[^>]*>/g)) {
    const attribute = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
    const confirm = attribute("hx-confirm") !== undefined;
    const hxPost = attribute("hx-post");
    if (hxPost) found.push({ page, action: hxPost, by: "hx-post", confirm });
    if (tag.startsWith("<form") && attribute("method")?.toLowerCase() === "post")
      found.push({ page, action: attribute("action") ?? page, by: "form", confirm });
  }
  return found;
}
