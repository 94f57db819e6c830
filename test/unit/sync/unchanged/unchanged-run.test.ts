import { afterEach, describe, expect, it } from "vitest";
import { SourceError } from "../../../../src/sources/types.js";
import { addExclusion } from "../../../../src/sync/exclusions/exclusion-store.js";
import type { RunOutcome } from "../../../../src/sync/run-sync.js";
import { readStoredDigests } from "../../../../src/sync/unchanged/read-digest-store.js";
import { ACME, BETA, connectorConfig, employment, hrPerson } from "../../../support/hr-data.js";
import { ScriptedSource } from "../../../support/scripted-source.js";
import { syncFixture, type SyncFixture } from "../../../support/sync-fixture.js";

/** The unchanged-run shortcut (sync/unchanged/, issue #24) through the sync service, on a real SQLite database. */
let fixture: SyncFixture | undefined;
afterEach(() => fixture?.db.close());

function setUp(raw: Record<string, unknown> = {}, source = new ScriptedSource([ACME, BETA])) {
  fixture = syncFixture({ connector: connectorConfig(raw), source: () => source });
  return { f: fixture, source, run: () => fixture!.service.runNow("acme", "schedule") };
}

const skipped = (outcome: RunOutcome) => outcome.stats.unchangedSince ?? null;

/** Served users by source key: whether active, and their title (the mapping case changes it). */
function servedUsers(f: SyncFixture): Record<string, { active: boolean; title?: string }> {
  const rows = f.db.sqlite
    .prepare(
      "SELECT external_id AS key, body FROM scim_resources WHERE resource_type = 'User' AND gen_to IS NULL ORDER BY seq",
    )
    .all() as { key: string; body: string }[];
  return Object.fromEntries(
    rows.map((row) => {
      const { active, title } = JSON.parse(row.body) as { active: boolean; title?: string };
      return [row.key, { active, title }];
    }),
  );
}

const DEFAULT_TITLE = "Accountmanager";

const currentGen = (f: SyncFixture) =>
  f.db.sqlite.prepare("SELECT current_gen FROM connectors WHERE id = 'acme'").pluck().get() as number;

describe("a run that reads what the last applied run read", () => {
  it("plans and writes nothing, reports the last plan's counters, and Okta keeps the same generation", async () => {
    const { f, source, run } = setUp();
    source.set(ACME, [hrPerson({ sourceKey: "a1" }), hrPerson({ sourceKey: "a2" })]);
    source.set(BETA, [hrPerson({ sourceKey: "b1" })]);
    const first = await run();
    expect(first.status).toBe("succeeded");
    expect(skipped(first)).toBeNull();
    const rows = f.directoryRows();
    const gen = currentGen(f);

    const again = await run();
    expect(again.status).toBe("succeeded");
    expect(skipped(again)).toBe(first.runId);
    expect(again.stats).toMatchObject({ served: 3, active: 3, created: 0, updated: 0, removed: 0, employees: 3 });
    expect(again.message).toContain(`nothing changed since run ${first.runId}`);
    expect(f.directoryRows()).toEqual(rows);
    expect(currentGen(f)).toBe(gen);
    // The next run compares with the run that planned, not with the one that skipped.
    expect(skipped(await run())).toBe(first.runId);
  });

  it("plans the whole run when one company changed, and serves the change", async () => {
    const { f, source, run } = setUp();
    source.set(ACME, [hrPerson({ sourceKey: "a1", lastName: "Ansen" })]);
    source.set(BETA, [hrPerson({ sourceKey: "b1", lastName: "Bos" })]);
    await run();
    source.set(BETA, [hrPerson({ sourceKey: "b1", lastName: "Bos", function: { code: "F9", name: "Directeur" } })]);
    const changed = await run();
    expect(skipped(changed)).toBeNull();
    expect(changed.stats).toMatchObject({ created: 0, updated: 1, removed: 0 });
    expect(servedUsers(f).b1?.title).toBe("Directeur");
    // Planned again in full, the changed run stores its own digests: the next unchanged run skips from it.
    expect(skipped(await run())).toBe(changed.runId);
  });

  it("plans again when a company appears or disappears", async () => {
    const source = new ScriptedSource([ACME]);
    const { f, run } = setUp({ max_deactivation_percent: 100 }, source);
    source.set(ACME, [hrPerson({ sourceKey: "a1" })]).set(BETA, [hrPerson({ sourceKey: "b1" })]);
    await run();
    source.companies.push(BETA);
    const grown = await run();
    expect(skipped(grown)).toBeNull();
    expect(servedUsers(f).b1?.active).toBe(true);
    source.companies.pop();
    const shrunk = await run();
    expect(skipped(shrunk)).toBeNull();
    expect(servedUsers(f).b1?.active).toBe(false); // no longer listed: served inactive
  });
});

describe("across midnight", () => {
  it("evaluates the dates again: who starts is activated and who left is deactivated, though HR answers the same", async () => {
    // Amsterdam: the run at 08:00 UTC is on 10 January; 23:30 UTC is 00:30 on 11 January.
    const { f, source, run } = setUp({ days_before: 0, days_after: 0, max_deactivation_percent: 100 });
    source.set(ACME, [
      hrPerson({ sourceKey: "starter", periods: [employment("2026-01-11")] }),
      hrPerson({ sourceKey: "leaver", periods: [employment("2020-01-01", "2026-01-10")] }),
      hrPerson({ sourceKey: "stayer" }),
    ]);
    const evening = await run();
    const on = (active: boolean) => ({ active, title: DEFAULT_TITLE });
    expect(servedUsers(f)).toEqual({ leaver: on(true), stayer: on(true) });

    f.clock.set("2026-01-10T22:59:00Z"); // 23:59 in Amsterdam, still the same day
    expect(skipped(await run())).toBe(evening.runId);

    f.clock.set("2026-01-10T23:30:00Z");
    const night = await run();
    expect(skipped(night)).toBeNull();
    expect(servedUsers(f)).toEqual({ starter: on(true), leaver: on(false), stayer: on(true) });
    expect(night.stats).toMatchObject({ created: 1, removed: 0 });

    f.clock.set("2026-01-11T07:00:00Z");
    expect(skipped(await run())).toBe(night.runId);
  });
});

describe("a change of what shapes the plan", () => {
  const base = [
    hrPerson({ sourceKey: "soon", periods: [employment("2026-01-15")] }),
    hrPerson({ sourceKey: "temp", employeeType: "Uitzendkracht" }),
    hrPerson({ sourceKey: "staff" }),
  ];
  const on = (active: boolean, title = DEFAULT_TITLE) => ({ active, title });
  // The brake stays out of the way (one of three deactivated would trip it): the rule under test decides alone.
  const settings = { days_before: 0, max_deactivation_percent: 100 };
  it.each([
    ["lifecycle days", { days_before: 7 }, { soon: on(true), temp: on(true), staff: on(true) }],
    [
      "mapping",
      { mapping: { title: '"Medewerker " + person.lastName' } },
      { temp: on(true, "Medewerker Persontemp"), staff: on(true, "Medewerker Personstaff") },
    ],
    ["scope", { scope: { include: 'person.employeeType != "Uitzendkracht"' } }, { temp: on(false), staff: on(true) }],
  ])("%s: the next run plans in full and serves the new settings", async (_, raw, served) => {
    const { f, source, run } = setUp(settings);
    source.set(
      ACME,
      base.map((person) => ({ ...person, lastName: `Person${person.sourceKey}` })),
    );
    await run();
    expect(skipped(await run())).not.toBeNull();
    f.registry.declareFromConfig([connectorConfig({ ...settings, ...raw })]);
    const changed = await run();
    expect(skipped(changed)).toBeNull();
    expect(servedUsers(f)).toEqual(served);
    expect(skipped(await run())).toBe(changed.runId);
  });

  it("a name or a schedule does not shape the plan: the shortcut stays", async () => {
    const { f, source, run } = setUp();
    source.set(ACME, [hrPerson({ sourceKey: "a1" })]);
    const first = await run();
    f.registry.declareFromConfig([connectorConfig({ name: "Acme (renamed)", schedule: "0 3 * * *" })]);
    expect(skipped(await run())).toBe(first.runId);
  });

  it("an admin's exclusion plans again", async () => {
    const { f, source, run } = setUp();
    source.set(ACME, [hrPerson({ sourceKey: "a1" }), hrPerson({ sourceKey: "a2" })]);
    await run();
    const scimId = f.db.sqlite.prepare("SELECT scim_id FROM people WHERE source_key = 'a1'").pluck().get() as string;
    addExclusion(f.db.sqlite, {
      connectorId: "acme",
      scimId,
      label: "a1",
      reason: "test",
      excludedBy: "admin",
      since: "2026-01-10T08:00:00.000Z",
    });
    expect(skipped(await run())).toBeNull();
  });
});

describe("a failed run", () => {
  it("never stores digests, and leaves those of the last applied run as they were", async () => {
    const { f, source, run } = setUp();
    source.set(ACME, [hrPerson({ sourceKey: "a1" })]).set(BETA, [hrPerson({ sourceKey: "b1" })]);
    source.failures.set("2", new SourceError("Nmbrs answered 500", { transient: true }));
    expect((await run()).status).toBe("failed");
    expect(readStoredDigests(f.db.sqlite, "acme")).toBeNull();

    source.failures.clear();
    const applied = await run();
    expect(skipped(applied)).toBeNull();
    const stored = readStoredDigests(f.db.sqlite, "acme");
    expect(stored).toMatchObject({ runId: applied.runId });
    expect([...stored!.byCompany.keys()].sort()).toEqual(["1", "2"]);

    // A change in company 1 read before company 2 fails: nothing of it is stored or applied.
    source.set(ACME, [hrPerson({ sourceKey: "a1", lastName: "Changed" })]);
    source.failures.set("2", new SourceError("Nmbrs answered 500", { transient: true }));
    expect((await run()).status).toBe("failed");
    expect(readStoredDigests(f.db.sqlite, "acme")).toEqual(stored);
    source.failures.clear();
    expect(skipped(await run())).toBeNull();
  });
});
