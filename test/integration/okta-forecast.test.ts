import { afterEach, describe, expect, it } from "vitest";
import { startTestGateway } from "../e2e/harness.js";
import { ConsoleClient } from "../support/console-client.js";
import { OktaImportSimulator } from "../../testkit/okta-sim/import-simulator.js";
import { simConnector, startScenarioSimulator } from "../support/nmbrs-scenario.js";
import { forecastNextImport, type NextImportForecast } from "../../src/forecast/next-import.js";
import { FORECAST_CATEGORIES, type ForecastCategory, type ForecastPerson } from "../../src/forecast/okta-forecast.js";
import type { OktaDirectory } from "../../src/forecast/okta-model/okta-directory.js";
import { assignFunction, rehire, removeEmployee, setWorkEmail } from "../../testkit/nmbrs-sim/dataset-mutations.js";
import { startHrToOkta, type HrToOkta } from "../support/hr-to-okta.js";
import { hire, scenarioDataset } from "../support/nmbrs-scenario.js";
import { useTempDir } from "../support/temp-dir.js";

/**
 * The forecast against the thing it forecasts: HR data in the Nmbrs simulator, the real sync and SCIM API over
 * HTTP, the Okta import simulator importing. After HR changes and syncs, the forecast computed from the database
 * must be exactly what the Okta import simulator's next import then reports, in counts and in people.
 */
const tempDir = useTempDir("hrgw-forecast-");
let chain: HrToOkta | undefined;
const closers: (() => unknown)[] = [];
afterEach(async () => {
  await chain?.close();
  chain = undefined;
  for (const close of closers.splice(0).reverse()) await close();
});

type People = Record<ForecastCategory, string[]>;

/** What an Okta import did, read off the simulated Okta org before and after it (not off the import's own report). */
function changesInOkta(before: OktaDirectory["users"], after: OktaDirectory, servedIds: ReadonlySet<string>): People {
  const was = new Map(
    [...before.values()].filter((user) => user.appUserId !== null).map((user) => [user.appUserId!, user]),
  );
  const people: People = { new: [], updated: [], deactivated: [], reactivated: [], removed: [] };
  for (const user of after.users.values()) {
    if (user.appUserId === null) continue;
    const old = was.get(user.appUserId);
    const line = `${user.appUserId} ${user.profile.login} ${user.profile.displayName}`;
    if (!old) people.new.push(line);
    else if (old.status === "DEPROVISIONED" && user.status === "ACTIVE") people.reactivated.push(line);
    else if (old.status === "ACTIVE" && user.status === "DEPROVISIONED")
      people[servedIds.has(user.appUserId) ? "deactivated" : "removed"].push(line);
    else if (JSON.stringify(old.profile) !== JSON.stringify(user.profile)) people.updated.push(line);
  }
  return sorted(people);
}

function forecastPeople(people: Readonly<Record<ForecastCategory, readonly ForecastPerson[]>>): People {
  const lines = (list: readonly ForecastPerson[]) =>
    list.map((person) => `${person.scimId} ${person.userName} ${person.displayName}`);
  return sorted(
    Object.fromEntries(FORECAST_CATEGORIES.map((category) => [category, lines(people[category])])) as People,
  );
}

function sorted(people: People): People {
  return Object.fromEntries(Object.entries(people).map(([category, lines]) => [category, [...lines].sort()])) as People;
}

function ready(result: NextImportForecast) {
  if (result.kind !== "ready") throw new Error(`no forecast: ${result.kind}`);
  return result;
}

function servedUserIds(chain: HrToOkta): Set<string> {
  const ids = chain.db.sqlite
    .prepare(
      "SELECT scim_id FROM scim_resources WHERE connector_id = 'acme' AND resource_type = 'User' AND gen_to IS NULL",
    )
    .pluck()
    .all() as string[];
  return new Set(ids);
}

/** Computes the forecast, lets the Okta simulator import, and checks that both say the same. */
async function forecastThenImport(chain: HrToOkta) {
  const { forecast, lastImport } = ready(forecastNextImport(chain.db.sqlite, "acme"));
  const before = new Map(chain.okta.directory.users);
  const summary = await chain.okta.importUsers();
  expect(forecast.safeguardTrips).toBe(summary.paused);
  expect(forecast.counts).toEqual({
    new: summary.new + summary.matched,
    updated: summary.updated,
    deactivated: summary.deactivated,
    reactivated: summary.reactivated,
    removed: summary.removed,
  });
  expect(forecast.unchanged).toBe(summary.unchanged);
  if (!summary.paused)
    expect(forecastPeople(forecast.people)).toEqual(changesInOkta(before, chain.okta.directory, servedUserIds(chain)));
  return { forecast, lastImport, summary };
}

describe("the next Okta import, forecast", () => {
  it("equals what Okta's next import reports after hires, leavers, attribute changes and a re-hire", async () => {
    const nmbrs = scenarioDataset();
    const regulars = Array.from({ length: 12 }, (_, i) => hire(nmbrs, { lastName: `Vast${i}` }));
    const leaver = hire(nmbrs, { lastName: "Weg", start: "2019-05-01", end: "2026-01-15" });
    const returning = hire(nmbrs, { lastName: "Terug", start: "2018-01-01", end: "2025-12-31" });
    const gone = hire(nmbrs, { lastName: "Verdwenen" });
    chain = await startHrToOkta(tempDir(), nmbrs, { retention_days: 30, max_deactivation_percent: 100 });
    const { okta, db } = chain;

    await chain.sync("2026-01-10");
    expect(forecastNextImport(db.sqlite, "acme")).toEqual({ kind: "no-import" });
    expect(await okta.importUsers()).toMatchObject({ new: 14, skippedInactive: 1 });

    hire(nmbrs, { lastName: "Nieuw" });
    hire(nmbrs, { lastName: "Later", start: "2026-01-25" }); // visible from 11 January
    assignFunction(nmbrs, regulars[0]!.employeeId, { code: 2, description: "Teamleider" }, "2026-01-01");
    setWorkEmail(nmbrs, regulars[1]!.employeeId, "vast1@acme.nl");
    rehire(nmbrs, returning.employeeId, "2026-01-20"); // inactive when Okta imported: Okta never linked them
    removeEmployee(nmbrs, gone.employeeId); // grace: served inactive, so Okta deactivates rather than removes
    await chain.sync("2026-01-12");
    await chain.sync("2026-01-23"); // the leaver's 7 days after 15 January have passed: a second generation on top

    const first = await forecastThenImport(chain);
    expect(first.lastImport.generation).toBe(1);
    expect(first.forecast.counts).toEqual({ new: 3, updated: 2, deactivated: 2, reactivated: 0, removed: 0 });
    expect(first.forecast.people.deactivated.map((person) => person.userName).sort()).toEqual([
      "jan.verdwenen@acme.nl",
      "jan.weg@acme.nl",
    ]);

    // The pin moved to the import just made: the next forecast starts from there, and remembers whom Okta linked.
    rehire(nmbrs, leaver.employeeId, "2026-02-01"); // deactivated in Okta by that import: a reactivation
    assignFunction(nmbrs, regulars[2]!.employeeId, { code: 3, description: "Directeur" }, "2026-01-01");
    hire(nmbrs, { lastName: "Nogeen" });
    await chain.sync("2026-01-24");
    const second = await forecastThenImport(chain);
    expect(second.lastImport.generation).toBeGreaterThan(first.lastImport.generation);
    expect(second.forecast.counts).toEqual({ new: 1, updated: 1, deactivated: 0, reactivated: 1, removed: 0 });
    expect(second.forecast.people.reactivated.map((person) => person.userName)).toEqual(["jan.weg@acme.nl"]);
  });

  it("warns when the next import would trip Okta's 20% safeguard, and Okta then pauses it", async () => {
    const nmbrs = scenarioDataset();
    const everyone = Array.from({ length: 120 }, (_, i) => hire(nmbrs, { lastName: `Mens${i}` }));
    chain = await startHrToOkta(tempDir(), nmbrs, { max_deactivation_percent: 100 });
    await chain.sync("2026-01-10");
    expect(await chain.okta.importUsers()).toMatchObject({ new: 120 });

    for (const leaver of everyone.slice(0, 30)) removeEmployee(nmbrs, leaver.employeeId);
    expect((await chain.sync("2026-01-11")).status).toBe("succeeded");

    const { forecast, summary } = await forecastThenImport(chain);
    expect(forecast).toMatchObject({ safeguardTrips: true, assigned: 120, leaving: 30, counts: { deactivated: 30 } });
    expect(summary.paused).toBe(true);
    expect([...chain.okta.directory.users.values()].filter((user) => user.status === "ACTIVE")).toHaveLength(120);
  });
});

describe("the forecast in the console", () => {
  const SCRIPT = "<script>alert(1)</script>";
  const BEARER = "okta-forecast-test-token-5c1d";

  it("shows the numbers since Okta's last import with the people behind them, and warns about the safeguard", async () => {
    const nmbrs = scenarioDataset();
    const everyone = Array.from({ length: 110 }, (_, i) => hire(nmbrs, { lastName: `Mens${i}` }));
    const sim = await startScenarioSimulator(nmbrs);
    closers.push(() => sim.close());
    const connector = simConnector(sim, { max_deactivation_percent: 100 });
    const gw = await startTestGateway({
      dir: tempDir(),
      connectors: [{ ...connector, scim: { username: null, password: null, bearerToken: BEARER } }],
    });
    closers.push(() => gw.close());
    const client = new ConsoleClient(gw.url);
    await client.setup();
    const okta = new OktaImportSimulator({ baseUrl: `${gw.url}/scim/v2/acme`, authorization: `Bearer ${BEARER}` });
    closers.push(() => okta.close());

    expect((await gw.sync.runNow("acme", "manual")).status).toBe("succeeded");
    const before = await client.get("/connectors/acme/forecast");
    expect(before.status).toBe(200);
    expect(before.text).toContain("No complete Okta import seen yet");

    expect(await okta.importUsers()).toMatchObject({ new: 110 });
    hire(nmbrs, { lastName: SCRIPT, workEmail: "script@acme.nl" });
    for (const leaver of everyone.slice(0, 25)) removeEmployee(nmbrs, leaver.employeeId);
    expect((await gw.sync.runNow("acme", "manual")).status).toBe("succeeded");

    // Worked out after the run, so the dashboard shows the numbers without computing them itself.
    await expect
      .poll(async () => (await client.get("/")).text)
      .toContain("Next import: 1 new, 0 updated, 25 deactivated, 0 reactivated, 0 removed");
    const dashboard = await client.get("/");
    expect(dashboard.text).toContain('href="/connectors/acme/forecast"');
    expect(dashboard.text).toContain("Okta&#39;s import safeguard would trip");
    const page = await client.get("/connectors/acme/forecast");
    expect(page.status).toBe(200);
    expect(page.text).toContain("Since Okta&#39;s last import");
    for (const [category, count] of [
      ["new", 1],
      ["updated", 0],
      ["deactivated", 25],
      ["reactivated", 0],
      ["removed", 0],
    ] as const) {
      expect(page.text).toMatch(
        new RegExp(`<a href="#forecast-${category}" data-count="${category}">${count} ${category}</a>`),
      );
    }
    expect(page.text).toContain("Okta&#39;s import safeguard would stop the next import");
    expect(page.text).toContain("25 of the 110 users assigned in Okta (22.7%)");
    expect(page.text).toContain("jan.mens0@acme.nl");
    expect(page.text).not.toContain(SCRIPT);
    expect(page.text).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");

    const exported = await client.get("/connectors/acme/forecast.json");
    const json = JSON.parse(exported.text) as NextImportForecast;
    expect(ready(json).forecast.people.deactivated).toHaveLength(25);
    expect(await okta.importUsers()).toMatchObject({ paused: true });
    // After another complete scan the numbers shown are out of date: the card falls back to the link.
    expect((await client.get("/")).text).not.toContain("Next import: 1 new");
  });
});
