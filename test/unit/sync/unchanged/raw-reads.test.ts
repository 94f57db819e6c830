import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as readers from "../../../../src/sources/nmbrs/soap/employee-readers.js";
import { addExclusion } from "../../../../src/sync/exclusions/exclusion-store.js";
import type { RunOutcome } from "../../../../src/sync/run-sync.js";
import { readStoredDigests } from "../../../../src/sync/unchanged/read-digest-store.js";
import { assignFunction, setWorkEmail } from "../../../../testkit/nmbrs-sim/dataset-mutations.js";
import type { SimDataset, SimEmployee } from "../../../../testkit/nmbrs-sim/dataset.js";
import type { NmbrsSimulator } from "../../../../testkit/nmbrs-sim/soap/simulator.js";
import {
  ACME_NMBRS,
  BETA_NMBRS,
  hire,
  scenarioDataset,
  simConnector,
  simulatedDay,
  startScenarioSimulator,
} from "../../../support/nmbrs-scenario.js";
import { syncFixture, type SyncFixture } from "../../../support/sync-fixture.js";
import { waitFor } from "../../../support/wait-for.js";

// The readers, still doing their work, counted: a company whose answers are parsed passes through readPersonalInfos.
vi.mock("../../../../src/sources/nmbrs/soap/employee-readers.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../../../src/sources/nmbrs/soap/employee-readers.js")>();
  return { ...original, readPersonalInfos: vi.fn(original.readPersonalInfos) };
});

/**
 * The raw side of the unchanged-run shortcut (sync/unchanged/raw-reads.ts, issue #24): the Nmbrs SOAP source hashes
 * each company's answers before parsing them, and a company the last applied run read byte for byte is not parsed.
 * The real source on the simulator over HTTP, a real SQLite file.
 */
let sim: NmbrsSimulator | undefined;
let fixture: SyncFixture | undefined;
afterEach(async () => {
  fixture?.db.close();
  await sim?.close();
  vi.mocked(readers.readPersonalInfos).mockClear();
});

const PERSONAL_INFO = "EmployeeService.PersonalInfoWithoutBSN_Get_GetAllEmployeesByCompany";
const DEPARTMENTS = "EmployeeService.Department_GetAll_AllEmployeesByCompany";

interface Scenario {
  readonly f: SyncFixture;
  readonly sim: NmbrsSimulator;
  readonly nmbrs: SimDataset;
  readonly beta: SimEmployee;
  run(): Promise<RunOutcome>;
  /** Companies whose bulk answers were parsed since the last call. */
  parsed(): number;
  /** Bulk personal-info calls made since the last call. */
  personalInfoCalls(): number;
}

async function scenario(raw: Record<string, unknown> = {}): Promise<Scenario> {
  const nmbrs = scenarioDataset();
  hire(nmbrs, { lastName: "Ansen" });
  hire(nmbrs, { lastName: "Aarts" });
  const beta = hire(nmbrs, { company: BETA_NMBRS, lastName: "Bos", workEmail: "jan.bos@beta.nl" });
  sim = await startScenarioSimulator(nmbrs, { today: "2026-01-10" });
  fixture = syncFixture({ connector: simConnector(sim, raw), birthDateKey: randomBytes(32) });
  const f = fixture;
  const counted = (count: () => number) => {
    let before = 0;
    return () => {
      const now = count();
      const since = now - before;
      before = now;
      return since;
    };
  };
  const simulator = sim;
  return {
    f,
    sim: simulator,
    nmbrs,
    beta,
    run: () => f.service.runNow("acme", "schedule"),
    parsed: counted(() => vi.mocked(readers.readPersonalInfos).mock.calls.length),
    personalInfoCalls: counted(() => simulator.stats.callsTo(PERSONAL_INFO)),
  };
}

const skipped = (outcome: RunOutcome) => outcome.stats.unchangedSince ?? null;
const currentGen = (f: SyncFixture) =>
  f.db.sqlite.prepare("SELECT current_gen FROM connectors WHERE id = 'acme'").pluck().get() as number;

describe("a run whose answers are those the last applied run read", () => {
  it.each([
    ["", {}],
    [" (managers on: the listings are read first, to ask for each one's manager)", { managers: true }],
  ])(
    "parses no company's bulk answers, and records itself unchanged with the same people and generation%s",
    async (_, raw) => {
      const s = await scenario(raw);
      const first = await s.run();
      expect(first.status).toBe("succeeded");
      expect(s.parsed()).toBe(2);
      const rows = s.f.directoryRows();
      const gen = currentGen(s.f);
      const stored = readStoredDigests(s.f.db.sqlite, "acme");
      expect([...stored!.rawByCompany.values()].every((digest) => digest !== null)).toBe(true);

      const again = await s.run();
      expect(skipped(again)).toBe(first.runId);
      expect(s.parsed()).toBe(0);
      expect(s.personalInfoCalls()).toBe(4); // both companies read (twice each, over both runs), neither read again
      expect(again.stats).toMatchObject({ served: 3, created: 0, updated: 0, removed: 0, employees: 3, companies: 2 });
      expect(s.f.directoryRows()).toEqual(rows);
      expect(currentGen(s.f)).toBe(gen);
      expect(readStoredDigests(s.f.db.sqlite, "acme")).toEqual(stored);
    },
  );
});

describe("a run in which one company changed", () => {
  it("reads the companies skipped before it again, parsed, and plans everyone", async () => {
    const s = await scenario();
    await s.run();
    s.parsed();
    s.personalInfoCalls();
    assignFunction(s.nmbrs, s.beta.employeeId, { code: 9, description: "Directeur" }, "2026-01-01");
    const changed = await s.run();
    expect(skipped(changed)).toBeNull();
    expect(changed.stats).toMatchObject({ served: 3, created: 0, updated: 1, removed: 0, employees: 3 });
    // Acme (first) was skipped, Beta changed, Acme was read again: three bulk calls, two parses.
    expect(s.personalInfoCalls()).toBe(3);
    expect(s.parsed()).toBe(2);
    const titles = s.f.db.sqlite
      .prepare("SELECT body FROM scim_resources WHERE resource_type = 'User' AND gen_to IS NULL")
      .pluck()
      .all()
      .map((body) => (JSON.parse(body as string) as { title?: string }).title);
    expect(titles.sort()).toEqual(["Accountmanager", "Accountmanager", "Directeur"]);
    // The full run stores its own digests: the next run skips from it, parsing nothing.
    expect(skipped(await s.run())).toBe(changed.runId);
    expect(s.parsed()).toBe(0);
  });

  it("does not skip the companies after the first that changed", async () => {
    const s = await scenario();
    const acme = s.nmbrs.employees.find((employee) => employee.companyId === ACME_NMBRS.id)!;
    await s.run();
    s.parsed();
    s.personalInfoCalls();
    setWorkEmail(s.nmbrs, acme.employeeId, "jan.ansen@acme.example");
    expect(skipped(await s.run())).toBeNull();
    expect(s.personalInfoCalls()).toBe(2);
    expect(s.parsed()).toBe(2);
  });

  it("fails, changing nothing, when a skipped company cannot be read again", async () => {
    const s = await scenario();
    await s.run();
    const rows = s.f.directoryRows();
    const stored = readStoredDigests(s.f.db.sqlite, "acme");
    setWorkEmail(s.nmbrs, s.beta.employeeId, "jan.bos@beta.example");
    // Acme's first answer is as before (so it is skipped); the answer to reading it again is not XML.
    s.sim.faults
      .add({ operation: PERSONAL_INFO, companyId: ACME_NMBRS.id, fault: { kind: "delay", ms: 0 }, times: 1 })
      .add({ operation: PERSONAL_INFO, companyId: ACME_NMBRS.id, fault: { kind: "garbage" } });
    s.personalInfoCalls();
    const failed = await s.run();
    expect(failed.status).toBe("failed");
    expect(failed.message).toContain("company 1");
    expect(s.personalInfoCalls()).toBe(3);
    expect(s.f.directoryRows()).toEqual(rows);
    expect(readStoredDigests(s.f.db.sqlite, "acme")).toEqual(stored);
  });
});

describe("a change of what shapes the plan misses the raw digest", () => {
  it.each([
    ["the day", (s: Scenario) => simulatedDay(s.f.clock, s.sim, "2026-01-11")],
    ["a setting", (s: Scenario) => s.f.registry.declareFromConfig([simConnector(s.sim, { days_before: 7 })])],
    [
      "an admin's decision",
      (s: Scenario) => {
        const scimId = s.f.db.sqlite.prepare("SELECT scim_id FROM people LIMIT 1").pluck().get() as string;
        addExclusion(s.f.db.sqlite, {
          connectorId: "acme",
          scimId,
          label: "someone",
          reason: "test",
          excludedBy: "admin",
          since: "2026-01-10T08:00:00.000Z",
        });
      },
    ],
  ])("%s: every company is parsed and the run plans in full", async (_, change) => {
    const s = await scenario();
    await s.run();
    s.parsed();
    change(s);
    const planned = await s.run();
    expect(planned.status).toBe("succeeded");
    expect(skipped(planned)).toBeNull();
    expect(s.parsed()).toBe(2);
    expect(skipped(await s.run())).toBe(planned.runId);
    expect(s.parsed()).toBe(0);
  });

  it("a decision taken while the source is read: the run reads everything again and plans in full", async () => {
    const s = await scenario();
    await s.run();
    s.parsed();
    s.personalInfoCalls();
    let release = () => {};
    const until = new Promise<void>((resolve) => {
      release = resolve;
    });
    s.sim.faults.add({ operation: DEPARTMENTS, companyId: BETA_NMBRS.id, fault: { kind: "hold", until }, times: 1 });
    const departmentsBefore = s.sim.stats.callsTo(DEPARTMENTS);
    const running = s.run();
    // Beta's last answer is held: Acme has been compared (and skipped) with the decisions as they were.
    await waitFor(() => s.sim.stats.callsTo(DEPARTMENTS) === departmentsBefore + 2, "Beta's departments call");
    const scimId = s.f.db.sqlite.prepare("SELECT scim_id FROM people LIMIT 1").pluck().get() as string;
    addExclusion(s.f.db.sqlite, {
      connectorId: "acme",
      scimId,
      label: "someone",
      reason: "test",
      excludedBy: "admin",
      since: "2026-01-10T08:00:00.000Z",
    });
    release();
    const planned = await running;
    expect(planned.status).toBe("succeeded");
    expect(skipped(planned)).toBeNull();
    // Both skipped unparsed, then both read again in full once the record found the decisions changed.
    expect(s.personalInfoCalls()).toBe(4);
    expect(s.parsed()).toBe(2);
  });
});

describe("without a birth-date key", () => {
  it("stores no raw digest and compares the run by its records", async () => {
    const nmbrs = scenarioDataset();
    hire(nmbrs, { lastName: "Ansen" });
    sim = await startScenarioSimulator(nmbrs, { today: "2026-01-10" });
    fixture = syncFixture({ connector: simConnector(sim) });
    const first = await fixture.service.runNow("acme", "schedule");
    expect([...readStoredDigests(fixture.db.sqlite, "acme")!.rawByCompany.values()]).toEqual([null, null]);
    const again = await fixture.service.runNow("acme", "schedule");
    expect(skipped(again)).toBe(first.runId);
    expect(vi.mocked(readers.readPersonalInfos)).toHaveBeenCalledTimes(4);
  });
});
