import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createConsoleApp } from "../../src/console/console-app.js";
import type { ConsoleDeps } from "../../src/console/deps.js";
import { openDatabase, type Db } from "../../src/db/open.js";
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
  /** Answers 303 (or HX-Redirect) after its effect; errors that changed nothing may answer a page directly. */
  | "redirects"
  /** Answers a fragment to an hx-post button (no form posts it), and changes nothing a reload could repeat. */
  | "htmx fragment";

interface Action {
  readonly kind: Kind;
  /** How the admin is asked before a credential is revoked or data is deleted; null where nothing of that kind happens. */
  readonly asks: string | null;
  readonly provenBy: string;
}

const ACTIONS: Record<string, Action> = {
  "/setup": { kind: "redirects", asks: null, provenBy: "console-auth.test.ts" },
  "/login": { kind: "redirects", asks: null, provenBy: "console-auth.test.ts" },
  "/logout": { kind: "redirects", asks: null, provenBy: "console-auth.test.ts" },
  "/connectors/test": { kind: "htmx fragment", asks: null, provenBy: "console-pages.test.ts (Test connection)" },
  "/connectors": { kind: "redirects", asks: null, provenBy: "console-pages.test.ts, nmbrs-rest-console.test.ts" },
  "/connectors/:id": { kind: "redirects", asks: null, provenBy: "console-pages.test.ts" },
  "/connectors/:id/delete": { kind: "redirects", asks: "the page GET /connectors/:id/delete", provenBy: "console-pages.test.ts" },
  "/connectors/:id/sync": { kind: "redirects", asks: null, provenBy: "audit-trail.test.ts (303), console-pages.test.ts (htmx progress)" },
  "/connectors/:id/nmbrs/connect": { kind: "redirects", asks: null, provenBy: "nmbrs-rest-console.test.ts" },
  "/connectors/:id/nmbrs/disconnect": { kind: "redirects", asks: "hx-confirm on the Disconnect button", provenBy: "nmbrs-rest-console.test.ts, nmbrs-rest.e2e.test.ts" },
  "/connectors/:id/migration/dry-run": { kind: "htmx fragment", asks: null, provenBy: "nmbrs-rest-console.test.ts" },
  "/connectors/:id/migration/switch": { kind: "redirects", asks: null, provenBy: "nmbrs-rest-console.test.ts" },
  "/connectors/:id/okta/credentials": { kind: "redirects", asks: "a confirmation page when a credential is live", provenBy: "console-pages.test.ts, console.e2e.test.ts" },
  "/connectors/:id/previews": { kind: "redirects", asks: null, provenBy: "sync-preview-entry-points.test.ts" },
  "/connectors/:id/holds": { kind: "redirects", asks: null, provenBy: "console-pages.test.ts" },
  "/runs/:id{[0-9]+}/approve": { kind: "redirects", asks: "the page GET /runs/:id/approve", provenBy: "none yet: read in run-routes.tsx" },
  "/runs/:id{[0-9]+}/reject": { kind: "redirects", asks: "the page GET /runs/:id/reject", provenBy: "none yet: read in run-routes.tsx" },
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
});
