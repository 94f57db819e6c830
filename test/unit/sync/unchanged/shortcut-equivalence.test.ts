import { afterEach, describe, expect, it } from "vitest";
import type { HrCompany, HrPerson, HrPeriod } from "../../../../src/sources/types.js";
import { forgetStoredDigests } from "../../../../src/sync/unchanged/read-digest-store.js";
import { ACME, BETA, connectorConfig, contract, employment, hrPerson } from "../../../support/hr-data.js";
import { ScriptedSource } from "../../../support/scripted-source.js";
import { syncFixture, type SyncFixture } from "../../../support/sync-fixture.js";

/**
 * The shortcut's claim (sync/unchanged/): a run that reads what the last applied run read would, planned in full,
 * serve and record exactly what is served and recorded now. Generated HR histories (hires, leavers, people without
 * an address, userName conflicts, duplicates, managers, mass leavers that trip the brake, generated logins, a
 * scope), each run in two databases: one ends with a full plan (its digests dropped), the other with the shortcut.
 */
const fixtures: SyncFixture[] = [];
afterEach(() => {
  for (const fixture of fixtures.splice(0)) fixture.db.close();
});

/** mulberry32: a small seeded generator, so a failing seed can be run again. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SETTINGS: readonly Record<string, unknown>[] = [
  { max_deactivation_percent: 100 },
  { max_deactivation_percent: 10 },
  { max_deactivation_percent: 100, managers: true },
  {
    max_deactivation_percent: 100,
    identity: { user_name_from: ["work", "generated"], generated_domain: "acme.nl" },
  },
  { max_deactivation_percent: 30, scope: { include: 'person.employeeType != "Uitzendkracht"' } },
  { max_deactivation_percent: 100, hold_scope: "company", days_before: 3, days_after: 2, retention_days: 5 },
];

const NAMES = ["Jansen", "de Vries", "Bakker", "Visser", "Smit"];
const TYPES = ["Werknemer", "Stagiair", "Uitzendkracht"];

function day(offset: number): string {
  return new Date(Date.UTC(2026, 0, 10 + offset)).toISOString().slice(0, 10);
}

function periodsOf(pick: () => number): HrPeriod[] {
  const kind = Math.floor(pick() * 5);
  if (kind === 0) return [employment(day(Math.floor(pick() * 6)))]; // starts within days
  if (kind === 1) return [employment("2020-01-01", day(-Math.floor(pick() * 12)))]; // left recently
  if (kind === 2) return [contract(day(-30), day(Math.floor(pick() * 4)))]; // ends within days
  if (kind === 3) return [];
  return [employment("2019-03-01")];
}

function person(pick: () => number, company: HrCompany, index: number): HrPerson {
  const lastName = NAMES[Math.floor(pick() * NAMES.length)]!;
  const address = pick();
  return hrPerson({
    sourceKey: `${company.number}-${index}`,
    company,
    employeeNumber: String(index),
    lastName,
    // Some share an address (a conflict), some have none (held, or given a generated login).
    workEmail: address < 0.1 ? null : address < 0.2 ? "shared@acme.nl" : `p${company.number}.${index}@acme.nl`,
    employeeType: TYPES[Math.floor(pick() * TYPES.length)]!,
    department: { code: String(Math.floor(pick() * 3)), name: `Afdeling ${Math.floor(pick() * 3)}` },
    manager: pick() < 0.3 ? { email: `p${company.number}.0@acme.nl`, employeeNumber: "0", name: null } : null,
    periods: periodsOf(pick),
  });
}

/** Three HR states, each a run on the next day: the first, then some leave, change or join, then again. */
function history(seed: number): Map<HrCompany, HrPerson[]>[] {
  const pick = random(seed);
  const first = new Map(
    [ACME, BETA].map((company) => [company, Array.from({ length: 12 }, (_, i) => person(pick, company, i))]),
  );
  const next = (state: Map<HrCompany, HrPerson[]>, start: number) =>
    new Map(
      [...state].map(([company, persons]) => {
        const kept = persons.filter(() => pick() > 0.25);
        const changed = kept.map((p) => (pick() < 0.2 ? { ...p, function: { code: "F2", name: "Teamleider" } } : p));
        const joined = Array.from({ length: Math.floor(pick() * 3) }, (_, i) => person(pick, company, start + i));
        // Now and then the source lists someone twice.
        const twice = pick() < 0.2 && changed[0] ? [changed[0]] : [];
        return [company, [...changed, ...joined, ...twice]];
      }),
    );
  const second = next(first, 100);
  return [first, second, next(second, 200)];
}

interface Snapshot {
  readonly directory: unknown[];
  readonly people: unknown[];
  readonly holds: unknown[];
  readonly problems: unknown[];
  readonly logins: unknown[];
}

function snapshot(f: SyncFixture): Snapshot {
  const all = (sql: string) => f.db.sqlite.prepare(sql).all();
  return {
    directory: f.directoryRows(),
    people: all("SELECT * FROM people ORDER BY source_key"),
    // The run that last saw a hold or a problem is the run's own id: the shortcut does not touch them.
    holds: all("SELECT scim_id, kind, fingerprint, detail, status FROM person_holds ORDER BY id"),
    problems: all("SELECT kind, source_key, scim_id, detail FROM problems ORDER BY id"),
    logins: all("SELECT * FROM generated_logins ORDER BY user_name_fold"),
  };
}

async function replay(seed: number, settings: Record<string, unknown>, shortcut: boolean) {
  const source = new ScriptedSource([ACME, BETA]);
  const f = syncFixture({ connector: connectorConfig(settings), source: () => source });
  fixtures.push(f);
  const states = history(seed);
  for (const [index, state] of states.entries()) {
    f.clock.set(`${day(index)}T08:00:00Z`);
    for (const [company, persons] of state) source.set(company, persons);
    expect((await f.service.runNow("acme", "schedule")).status).toBe("succeeded");
  }
  f.clock.set(`${day(states.length - 1)}T15:00:00Z`);
  if (!shortcut) forgetStoredDigests(f.db.sqlite, "acme");
  const last = await f.service.runNow("acme", "schedule");
  return { last, snapshot: snapshot(f) };
}

describe("the shortcut and a full plan of an unchanged read", () => {
  // What the generated histories made the planner decide, so the comparison is known to cover those rules.
  const seen = new Set<string>();
  const cases = Array.from({ length: 24 }, (_, seed) => [seed, SETTINGS[seed % SETTINGS.length]!] as const);
  it.each(cases)("seed %i (%o): serve and record the same", async (seed, settings) => {
    const full = await replay(seed, settings, false);
    const skipped = await replay(seed, settings, true);
    expect(full.last.stats.unchangedSince).toBeUndefined();
    expect(skipped.last.stats.unchangedSince).toBeGreaterThan(0);
    // The full plan of the same read changes nothing, so the directory it leaves is the one the shortcut kept.
    expect(full.last.stats).toMatchObject({ created: 0, updated: 0, removed: 0 });
    expect(skipped.snapshot).toEqual(full.snapshot);
    const { served, active, inactive, groups, problems, held } = full.last.stats;
    expect(skipped.last.stats).toMatchObject({ served, active, inactive, groups, problems, held });
    for (const row of [...full.snapshot.holds, ...full.snapshot.problems] as { kind: string }[]) seen.add(row.kind);
    for (const row of full.snapshot.people as { state: string }[]) seen.add(row.state);
    if (full.snapshot.logins.length > 0) seen.add("generated login");
  });

  it("covered the rules that make an unchanged read interesting", () => {
    expect([...seen].sort()).toEqual(
      expect.arrayContaining([
        "active",
        "brake",
        "conflict",
        "duplicate",
        "generated login",
        "inactive",
        "manager",
        "no_email",
        "removed",
      ]),
    );
  });
});
