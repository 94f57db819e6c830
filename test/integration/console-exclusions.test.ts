import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listAudit } from "../../src/audit/audit-store.js";
import { listExclusions } from "../../src/sync/exclusions/exclusion-store.js";
import { startTestGateway, type TestGateway } from "../e2e/harness.js";
import { ConsoleClient } from "../support/console-client.js";
import { hire, scenarioDataset, simConnector, startScenarioSimulator } from "../support/nmbrs-scenario.js";
import type { NmbrsSimulator } from "../../testkit/nmbrs-sim/soap/simulator.js";
import { useTempDir } from "../support/temp-dir.js";

/** Exclusions in the console (docs/holds.md): the person page's Exclude and Include, and the list of exclusions. */
const tempDir = useTempDir("hrgw-exclusions-");
let gw: TestGateway;
let sim: NmbrsSimulator;
let client: ConsoleClient;
let scimId: string;

beforeEach(async () => {
  const nmbrs = scenarioDataset();
  hire(nmbrs, { lastName: "Vries", employeeNumber: 501 });
  sim = await startScenarioSimulator(nmbrs);
  gw = await startTestGateway({ dir: tempDir(), connectors: [simConnector(sim, {})] });
  expect((await gw.sync.runNow("acme", "cli")).status).toBe("succeeded");
  scimId = gw.db.sqlite.prepare("SELECT scim_id FROM people WHERE connector_id = 'acme'").pluck().get() as string;
  client = new ConsoleClient(gw.url);
  await client.setup();
});

afterEach(async () => {
  await gw.close();
  await sim.close();
});

describe("excluding a person in the console", () => {
  it("excludes with a reason from the person page, lists it, and includes again from the list; each audit-logged", async () => {
    const person = await client.get(`/hr/acme/${scimId}`);
    expect(person.text).toContain(`action="/hr/acme/${scimId}/exclude"`);

    const excluded = await client.post(`/hr/acme/${scimId}/exclude`, { reason: "Overgang naar dochterbedrijf" });
    expect({ status: excluded.status, location: excluded.location }).toEqual({
      status: 303,
      location: `/hr/acme/${scimId}`,
    });
    expect(listExclusions(gw.db.sqlite, "acme")).toMatchObject([
      { scimId, reason: "Overgang naar dochterbedrijf", excludedBy: "admin" },
    ]);
    expect((await client.get(`/hr/acme/${scimId}`)).text).toContain("Excluded from sync by admin");

    const list = await client.get("/hr/exclusions?connector=acme");
    expect(list.text).toContain("Overgang naar dochterbedrijf");
    expect(list.text).toContain(`action="/hr/acme/${scimId}/include"`);

    const included = await client.post(`/hr/acme/${scimId}/include`, { from: "list" });
    expect({ status: included.status, location: included.location }).toEqual({
      status: 303,
      location: "/hr/exclusions?connector=acme",
    });
    expect(listExclusions(gw.db.sqlite, "acme")).toEqual([]);
    expect((await client.get("/hr/exclusions")).text).toContain("Nobody is excluded.");
    const trail = listAudit(gw.db.sqlite, { connectorId: "acme", limit: 10 });
    expect(trail.map(({ action, actor, detail }) => ({ action, actor, detail }))).toEqual([
      { action: "person_include", actor: "admin", detail: expect.stringContaining("(501, Acme BV)") },
      { action: "person_exclude", actor: "admin", detail: expect.stringContaining(": Overgang naar dochterbedrijf") },
    ]);
  });

  it("refuses an exclusion without a reason, and one without the CSRF token, changing nothing", async () => {
    await client.get(`/hr/acme/${scimId}`);
    const blank = await client.post(`/hr/acme/${scimId}/exclude`, { reason: "   " });
    expect(blank.status).toBe(400);
    expect(blank.text).toContain("Give a reason for the exclusion.");
    const forged = await client.post(`/hr/acme/${scimId}/exclude`, { reason: "x" }, { csrf: null });
    expect(forged.status).toBe(403);
    expect(listExclusions(gw.db.sqlite)).toEqual([]);
  });
});
