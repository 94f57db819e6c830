import { afterEach, describe, expect, it } from "vitest";
import { forecastNextImport } from "../../src/forecast/next-import.js";
import { OktaImportSimulator } from "../../testkit/okta-sim/import-simulator.js";
import { OKTA_HEADERS } from "../../testkit/okta-sim/okta-scim-client.js";
import { startTestGateway, type TestGateway } from "../e2e/harness.js";
import { ConsoleClient } from "../support/console-client.js";
import { connectorConfig } from "../support/hr-data.js";
import { commit, user, users } from "../support/scim-fixtures.js";
import { useTempDir } from "../support/temp-dir.js";

/**
 * Issue #20, finding 8: the forecast of Okta's next import parses every served user twice, and made on the serving
 * thread it held up /healthz and Okta's pages for seconds. It is now made on the console's reader thread (src/reader/).
 */
const tempDir = useTempDir();
const BEARER = "console-expensive-pages-token-9f2e";
const USERS = 30_000;
const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function gatewayOktaHasImported(): Promise<{ gw: TestGateway; client: ConsoleClient }> {
  const connector = connectorConfig({ id: "acme" });
  const gw = await startTestGateway({
    dir: tempDir(),
    connectors: [{ ...connector, scim: { username: null, password: null, bearerToken: BEARER } }],
  });
  closers.push(() => gw.close());
  commit(gw.db, "acme", users(USERS), new Date("2026-02-01T10:00:00Z"));
  const okta = new OktaImportSimulator({ baseUrl: `${gw.url}/scim/v2/acme`, authorization: `Bearer ${BEARER}` });
  closers.push(() => okta.close());
  expect(await okta.importUsers()).toMatchObject({ new: USERS });
  // What the next import will see: a title changed for a tenth of the users, and the last 500 gone.
  commit(
    gw.db,
    "acme",
    Array.from({ length: USERS - 500 }, (_, index) => user(index + 1, index % 10 === 0 ? { title: "Lead" } : {})),
    new Date("2026-02-02T10:00:00Z"),
  );
  const client = new ConsoleClient(gw.url);
  await client.setup();
  return { gw, client };
}

describe("no console page can stall the gateway", () => {
  it("/healthz, Okta's pages and lookups answer while the forecast of the next import is made, which then is right", async () => {
    const { gw, client } = await gatewayOktaHasImported();
    let finished = false;
    const exported = client.get("/connectors/acme/forecast.json").finally(() => {
      finished = true;
    });
    let rounds = 0;
    while (!finished && rounds < 20) {
      expect((await fetch(`${gw.url}/healthz`)).status).toBe(200);
      const headers = { ...OKTA_HEADERS, Authorization: `Bearer ${BEARER}` };
      expect(
        (await fetch(`${gw.url}/scim/v2/acme/Users?startIndex=${1 + 100 * rounds}&count=100`, { headers })).status,
      ).toBe(200);
      const lookup = await fetch(
        `${gw.url}/scim/v2/acme/Users?filter=${encodeURIComponent(`userName eq "Jan${rounds + 1}.de.Vries@acme.nl"`)}`,
        { headers },
      );
      expect(((await lookup.json()) as { totalResults: number }).totalResults).toBe(1);
      rounds += 1;
    }
    expect(rounds).toBeGreaterThanOrEqual(5);
    const page = await exported;
    expect(page.status).toBe(200);
    const forecast = JSON.parse(page.text) as ReturnType<typeof forecastNextImport>;
    expect(forecast).toMatchObject({
      kind: "ready",
      forecast: { counts: { new: 0, updated: (USERS - 500) / 10, deactivated: 0, removed: 500 } },
    });
    expect(forecast).toEqual(JSON.parse(JSON.stringify(forecastNextImport(gw.db.sqlite, "acme"))));
  });
});
