import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as person from "../../../../src/sources/afas/rules/person.js";
import { addExclusion } from "../../../../src/sync/exclusions/exclusion-store.js";
import type { RunOutcome } from "../../../../src/sync/run-sync.js";
import { readStoredDigests } from "../../../../src/sync/unchanged/read-digest-store.js";
import type { AfasSimulator } from "../../../../testkit/afas-sim/afas-simulator.js";
import type { AfasDataset } from "../../../../testkit/afas-sim/dataset.js";
import { generateAfasDataset } from "../../../../testkit/afas-sim/generator.js";
import { setEmployeeField } from "../../../../testkit/afas-sim/mutations.js";
import { afasConnector, startSim } from "../../../support/afas-sim.js";
import { syncFixture, type SyncFixture } from "../../../support/sync-fixture.js";

// The rules, still doing their work, counted: every Medewerker placed passes through toHrPerson.
vi.mock("../../../../src/sources/afas/rules/person.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../../../src/sources/afas/rules/person.js")>();
  return { ...original, toHrPerson: vi.fn(original.toHrPerson) };
});

/**
 * The AFAS source's side of the unchanged-run shortcut (issue #24): one raw digest for the whole read (the three
 * GetConnectors' answers, every employer's), so a run whose answers are those the last applied run read places no one.
 * The real source on the simulator over HTTP, a real SQLite file.
 */
let sim: AfasSimulator | undefined;
let fixture: SyncFixture | undefined;
afterEach(async () => {
  fixture?.db.close();
  await sim?.close();
  vi.mocked(person.toHrPerson).mockClear();
});

interface Scenario {
  readonly f: SyncFixture;
  readonly dataset: AfasDataset;
  run(): Promise<RunOutcome>;
  /** Medewerkers placed since the last call. */
  placed(): number;
  /** Employees pages asked for since the last call. */
  employeePages(): number;
}

async function scenario(settings: Record<string, unknown> = {}): Promise<Scenario> {
  const dataset = generateAfasDataset({ employers: 3, employeesPerEmployer: 8, today: "2026-01-10" });
  const started = await startSim(dataset);
  sim = started;
  const f = syncFixture({ connector: afasConnector(started, settings, 10), birthDateKey: randomBytes(32) });
  fixture = f;
  const counted = (count: () => number) => {
    let before = 0;
    return () => {
      const now = count();
      const since = now - before;
      before = now;
      return since;
    };
  };
  return {
    f,
    dataset,
    run: () => f.service.runNow("acme", "schedule"),
    placed: counted(() => vi.mocked(person.toHrPerson).mock.calls.length),
    employeePages: counted(
      () => started.requests.filter((request) => request.path === "connectors/HRGateway_Employees").length,
    ),
  };
}

const skipped = (outcome: RunOutcome) => outcome.stats.unchangedSince ?? null;

describe("an AFAS run whose answers are those the last applied run read", () => {
  it("places no one, and records itself unchanged with the same people and directory", async () => {
    const s = await scenario();
    const first = await s.run();
    expect(first.status).toBe("succeeded");
    expect(s.placed()).toBe(s.dataset.employees.length);
    const stored = readStoredDigests(s.f.db.sqlite, "acme")!;
    expect(stored.rawByCompany.size).toBe(3);
    expect([...stored.rawByCompany.values()].every((digest) => digest !== null)).toBe(true);
    const rows = s.f.directoryRows();
    s.employeePages();

    const again = await s.run();
    expect(skipped(again)).toBe(first.runId);
    expect(s.placed()).toBe(0);
    // Profit is the source of truth: its answers are read again, to learn that nothing changed.
    expect(s.employeePages()).toBeGreaterThan(0);
    expect(again.stats).toMatchObject({ served: first.stats.served, created: 0, updated: 0, removed: 0 });
    expect(s.f.directoryRows()).toEqual(rows);
    expect(readStoredDigests(s.f.db.sqlite, "acme")).toEqual(stored);
  });
});

describe("an AFAS run in which something changed", () => {
  it("a changed Employees row: everyone is placed, the change is served, and the next run skips again", async () => {
    const s = await scenario();
    const first = await s.run();
    s.placed();
    const active = s.f.db.sqlite.prepare("SELECT source_key FROM people WHERE state = 'active' LIMIT 1").pluck().get();
    setEmployeeField(s.dataset, String(active), "Roepnaam", "Gerrit");
    const changed = await s.run();
    expect(skipped(changed)).toBeNull();
    expect(changed.stats).toMatchObject({ served: first.stats.served, created: 0, removed: 0 });
    expect(s.placed()).toBe(s.dataset.employees.length);
    const names = s.f.db.sqlite
      .prepare("SELECT body FROM scim_resources WHERE resource_type = 'User' AND gen_to IS NULL")
      .pluck()
      .all()
      .map((body) => (JSON.parse(body as string) as { name?: { givenName?: string } }).name?.givenName);
    expect(names).toContain("Gerrit");
    expect(skipped(await s.run())).toBe(changed.runId);
    expect(s.placed()).toBe(0);
  });

  it.each([
    ["the day", (s: Scenario) => s.f.clock.set("2026-01-11T08:00:00Z")],
    ["a setting", (s: Scenario) => s.f.registry.declareFromConfig([afasConnector(sim!, { days_before: 7 }, 10)])],
  ])("%s: everyone is placed and the run plans in full", async (_, change) => {
    const s = await scenario();
    await s.run();
    s.placed();
    change(s);
    const planned = await s.run();
    expect(planned.status).toBe("succeeded");
    expect(skipped(planned)).toBeNull();
    expect(s.placed()).toBe(s.dataset.employees.length);
  });

  it("a decision taken while Profit is read: the run places everyone from the rows it holds, asking Profit once", async () => {
    const s = await scenario();
    await s.run();
    const onePass = s.employeePages();
    s.placed();
    let decided = false;
    // Once the last GetConnector answers, the employers have been compared (equal) with the decisions as they were.
    sim!.afterPage = (connector) => {
      if (connector !== "HRGateway_OrgUnits" || decided) return;
      decided = true;
      const scimId = s.f.db.sqlite.prepare("SELECT scim_id FROM people LIMIT 1").pluck().get() as string;
      addExclusion(s.f.db.sqlite, {
        connectorId: "acme",
        scimId,
        label: "someone",
        reason: "test",
        excludedBy: "admin",
        since: "2026-01-10T08:00:00.000Z",
      });
    };
    const planned = await s.run();
    expect(decided).toBe(true);
    expect(planned.status).toBe("succeeded");
    expect(skipped(planned)).toBeNull();
    expect(s.placed()).toBe(s.dataset.employees.length);
    expect(s.employeePages()).toBe(onePass);
  });

  it("an employer left out of the selection (same answers): the employer kept is placed again and the run plans", async () => {
    // No brake: leaving two employers out takes their people out of Okta, which is what the admin asked for here.
    const settings = { max_deactivation_percent: 100 };
    const s = await scenario(settings);
    expect((await s.run()).status).toBe("succeeded");
    const employer = String(s.dataset.employments[0]!.Werkgever);
    const connector = afasConnector(sim!, settings, 10);
    s.f.registry.declareFromConfig([{ ...connector, afas: { ...connector.afas!, employers: [employer] } }]);
    s.placed();
    const narrowed = await s.run();
    expect(narrowed.status).toBe("succeeded");
    expect(skipped(narrowed)).toBeNull();
    // Its answers are those of the last run, so it was skipped at first, then placed once the run knew it plans.
    expect(s.placed()).toBe(s.dataset.employees.length);
    const companies = s.f.db.sqlite
      .prepare("SELECT DISTINCT company_number FROM people WHERE connector_id = 'acme' AND missing_since IS NULL")
      .pluck()
      .all();
    expect(companies).toEqual([employer]);
  });
});
