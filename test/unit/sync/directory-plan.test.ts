import { describe, expect, it } from "vitest";
import { ENTERPRISE_USER } from "../../../src/directory/schema-urns.js";
import type { UserResource } from "../../../src/lifecycle/user-resource.js";
import type { HrPerson } from "../../../src/sources/types.js";
import { planDirectory } from "../../../src/sync/directory-plan.js";
import { holdKey } from "../../../src/sync/holds/person-hold-rules.js";
import type { DesiredResource } from "../../../src/directory/resource.js";
import { personRow } from "../../../src/sync/people-store.js";
import type {
  DirectoryPlan,
  KnownGroup,
  KnownPerson,
  PersonWrite,
  StateTransition,
} from "../../../src/sync/plan-types.js";

/** A plan with its desired resources unrolled, as a test reads them. */
type PlanView = Omit<DirectoryPlan, "people" | "transitions"> & {
  people: PersonWrite[];
  transitions: StateTransition[];
  users: DesiredResource[];
  groups: DesiredResource[];
};
import { connectorSettings, employment, hrPerson } from "../../support/hr-data.js";

/**
 * Drives the pure planner through successive runs, carrying over what an applied run would have stored (people,
 * group ids, sequences, served users), without a database.
 */
function planner(
  raw: Record<string, unknown> = {},
  holds: {
    approved?: Set<string>;
    frozen?: Set<string>;
    excluded?: Set<string>;
    lastPerson?: Map<string, HrPerson>;
  } = {},
) {
  const settings = connectorSettings(raw);
  const known = new Map<string, KnownPerson>();
  const knownGroups = new Map<string, KnownGroup>();
  const served = new Map<string, UserResource>();
  let sequences = { user: 0, group: 0 };
  let ids = 0;
  return (today: string, persons: HrPerson[]): PlanView => {
    const plan = planDirectory({
      settings,
      now: new Date(`${today}T08:00:00Z`),
      today,
      persons,
      known,
      knownGroups,
      sequences,
      servedUser: (scimId) => served.get(scimId),
      newId: () => `id-${++ids}`,
      ...(holds.approved ? { approved: holds.approved } : {}),
      ...(holds.frozen ? { frozen: holds.frozen } : {}),
      ...(holds.excluded ? { excluded: holds.excluded } : {}),
      ...(holds.lastPerson ? { lastPerson: (key: string) => holds.lastPerson!.get(key) } : {}),
    });
    const people = [...plan.people()];
    // The row as the apply writes it (a new person's hash is taken from the record it stores).
    for (const write of people) known.set(write.sourceKey, personRow(write));
    for (const group of plan.newGroups) knownGroups.set(group.key, group);
    sequences = plan.sequences;
    served.clear();
    const desired = [...plan.desired()];
    const users = desired.filter((resource) => resource.type === "User");
    for (const user of users) served.set(user.scimId, user.resource);
    const groups = desired.filter((resource) => resource.type === "Group");
    return { ...plan, people, transitions: [...plan.transitions()], users, groups };
  };
}

const userOf = (plan: PlanView, sourceKey: string) => plan.users.find((user) => user.externalId === sourceKey);
const stateOf = (plan: PlanView, sourceKey: string) =>
  plan.people.find((write) => write.sourceKey === sourceKey)?.state;

describe("planDirectory", () => {
  it("serves the active, leaves the pending out, and records every first state with its reason", () => {
    const run = planner();
    const plan = run("2026-01-10", [
      hrPerson({ sourceKey: "a" }),
      hrPerson({ sourceKey: "p", periods: [employment("2026-06-01")] }),
    ]);
    expect(plan.users.map((user) => user.externalId)).toEqual(["a"]);
    expect(plan.transitions).toEqual([
      { scimId: "id-1", from: null, to: "active", reason: "active: employment 2020-01-01–open" },
      {
        scimId: "id-2",
        from: null,
        to: "pending",
        reason: "pending: employment 2026-06-01–open; visible from 2026-05-18 (14 days before start)",
      },
    ]);
    expect(plan.counts).toMatchObject({ listed: 2, servedBefore: 0, served: 1, active: 1 });
  });

  it("counts the served users whose Okta login is their private address, also when they are kept as Okta saw them", () => {
    const run = planner();
    const privateLogin = hrPerson({
      sourceKey: "p",
      workEmail: null,
      privateEmail: "jan@gmail.com",
      lastName: "Prive",
    });
    const first = run("2026-01-10", [hrPerson({ sourceKey: "w", privateEmail: "piet@gmail.com" }), privateLogin]);
    expect(first.counts.privateLogins).toBe(1);
    // HR removes the private address: the person keeps what Okta saw (no_email), and still signs in privately.
    const kept = run("2026-01-11", [
      hrPerson({ sourceKey: "w", privateEmail: "piet@gmail.com" }),
      { ...privateLogin, privateEmail: null },
    ]);
    expect(kept.problems.map((problem) => problem.kind)).toContain("no_email");
    expect(kept.counts.privateLogins).toBe(1);
    expect(planner({ identity: { user_name_from: ["work"] } })("2026-01-10", [privateLogin]).counts.privateLogins).toBe(
      0,
    );
  });

  it("writes nothing the second time when nothing changed", () => {
    const run = planner({ groups: { kinds: ["department"] } });
    const persons = [hrPerson({ sourceKey: "a" }), hrPerson({ sourceKey: "b" })];
    run("2026-01-10", persons);
    const again = run("2026-01-11", persons);
    expect({ people: again.people, transitions: again.transitions, newGroups: again.newGroups }).toEqual({
      people: [],
      transitions: [],
      newGroups: [],
    });
  });

  it("never serves a person without a usable e-mail, and lists the problem", () => {
    const plan = planner()("2026-01-10", [
      hrPerson({ sourceKey: "x", workEmail: null, privateEmail: null, lastName: "Zonder" }),
    ]);
    expect(plan.users).toEqual([]);
    expect(stateOf(plan, "x")).toBe("problem");
    expect(plan.problems).toEqual([
      {
        kind: "no_email",
        sourceKey: "x",
        scimId: "id-1",
        detail: "x Jan Zonder (Acme BV): no usable e-mail address (none in HR)",
      },
    ]);
  });

  it("keeps serving what Okta saw when a served person loses their e-mail", () => {
    const run = planner();
    const first = run("2026-01-10", [hrPerson({ sourceKey: "x", workEmail: "jan@acme.nl" })]);
    const second = run("2026-01-11", [
      hrPerson({ sourceKey: "x", workEmail: null, department: { code: "20", name: "Finance" } }),
    ]);
    expect(userOf(second, "x")?.resource).toEqual(userOf(first, "x")?.resource);
    expect(second.problems.map((problem) => problem.kind)).toEqual(["no_email"]);
  });

  it("holds a served person whose e-mail vanishes, and deactivates the account when an admin approves", () => {
    const approved = new Set<string>();
    const run = planner({}, { approved });
    const first = run("2026-01-10", [hrPerson({ sourceKey: "x", workEmail: "jan@acme.nl" })]);
    const held = run("2026-01-11", [hrPerson({ sourceKey: "x", workEmail: null })]);
    expect(held.holds).toEqual([
      {
        scimId: "id-1",
        sourceKey: "x",
        companyNumber: "1",
        label: "x Jan Personx (Acme BV)",
        kind: "no_email",
        fingerprint: "",
        detail: "no usable e-mail address (none in HR)",
      },
    ]);
    expect(userOf(held, "x")?.resource).toEqual(userOf(first, "x")?.resource);
    approved.add(holdKey(held.holds[0]!));
    const decided = run("2026-01-12", [hrPerson({ sourceKey: "x", workEmail: null })]);
    expect(userOf(decided, "x")?.resource).toEqual({ ...userOf(first, "x")?.resource, active: false });
    expect(stateOf(decided, "x")).toBe("inactive");
    expect(decided.holds).toHaveLength(1);
  });

  it("holds an address that moves to another domain until approved; a new local part in the same domain goes through", () => {
    const approved = new Set<string>();
    const run = planner({}, { approved });
    run("2026-01-10", [hrPerson({ sourceKey: "x", workEmail: "jan@acme.nl" })]);
    const renamed = run("2026-01-11", [hrPerson({ sourceKey: "x", workEmail: "jan.jansen@acme.nl" })]);
    expect(renamed.holds).toEqual([]);
    expect(userOf(renamed, "x")?.resource.userName).toBe("jan.jansen@acme.nl");
    const moved = run("2026-01-12", [hrPerson({ sourceKey: "x", workEmail: "Jan.Jansen@Gmail.com" })]);
    expect(moved.holds).toMatchObject([
      {
        kind: "email_domain",
        fingerprint: "jan.jansen@gmail.com",
        detail: "e-mail address moved from domain acme.nl to gmail.com (Jan.Jansen@Gmail.com)",
      },
    ]);
    expect(userOf(moved, "x")?.resource.userName).toBe("jan.jansen@acme.nl");
    const again = run("2026-01-13", [hrPerson({ sourceKey: "x", workEmail: "Jan.Jansen@Gmail.com" })]);
    expect(again.holds).toHaveLength(1);
    approved.add(holdKey(again.holds[0]!));
    const applied = run("2026-01-14", [hrPerson({ sourceKey: "x", workEmail: "Jan.Jansen@Gmail.com" })]);
    expect(applied.holds).toEqual([]);
    expect(userOf(applied, "x")?.resource.userName).toBe("Jan.Jansen@Gmail.com");
  });

  it("holds a watched attribute that suddenly becomes empty, but not a change of value", () => {
    const run = planner({ hold_when_emptied: ["department", "title"] });
    run("2026-01-10", [hrPerson({ sourceKey: "x" })]);
    const moved = run("2026-01-11", [hrPerson({ sourceKey: "x", department: { code: "20", name: "Finance" } })]);
    expect(moved.holds).toEqual([]);
    expect((userOf(moved, "x")?.resource[ENTERPRISE_USER] as Record<string, unknown>).department).toBe("Finance");
    const emptied = run("2026-01-12", [hrPerson({ sourceKey: "x", department: null, function: null })]);
    expect(emptied.holds).toMatchObject([
      { kind: "emptied", fingerprint: "department,title", detail: "department, title became empty in HR" },
    ]);
    expect((userOf(emptied, "x")?.resource[ENTERPRISE_USER] as Record<string, unknown>).department).toBe("Finance");
    // The stored record stays the last good one, so the next run still sees the change and keeps holding.
    expect(run("2026-01-13", [hrPerson({ sourceKey: "x", department: null, function: null })]).holds).toHaveLength(1);
  });

  it("serves a frozen person exactly as before, in their groups, and writes nothing about them", () => {
    const frozen = new Set<string>();
    const lastPerson = new Map<string, HrPerson>();
    const run = planner({ groups: { kinds: ["department"] } }, { frozen, lastPerson });
    const leaver = hrPerson({ sourceKey: "l" });
    const first = run("2026-01-10", [hrPerson({ sourceKey: "a" }), leaver]);
    frozen.add("id-2");
    lastPerson.set("l", leaver);
    const second = run("2026-01-11", [hrPerson({ sourceKey: "a" })]);
    expect(userOf(second, "l")?.resource).toEqual(userOf(first, "l")?.resource);
    expect(second.groups.map((group) => group.resource)).toEqual(first.groups.map((group) => group.resource));
    expect(second.people.find((write) => write.sourceKey === "l")).toBeUndefined();
    expect(second.affected).toEqual([]);
    expect(second.holds).toMatchObject([
      { kind: "brake", scimId: "id-2", detail: expect.stringMatching(/^active → inactive: no longer listed/) },
    ]);
  });

  describe("an excluded person is frozen exactly as Okta sees them, whatever HR says", () => {
    const x = hrPerson({ sourceKey: "x", lastName: "Uitgesloten" });
    const colleague = hrPerson({ sourceKey: "a", lastName: "Collega" });
    const promoted = { ...colleague, function: { code: "F9", name: "Directeur" } };
    /** A run in which x is served, then x is excluded (SCIM id id-2) with the record stored at that moment. */
    function excludedAfterFirstRun(raw: Record<string, unknown> = { groups: { kinds: ["department"] } }) {
      const excluded = new Set<string>();
      const run = planner(raw, { excluded, lastPerson: new Map([["x", x]]) });
      const first = run("2026-01-10", [colleague, x]);
      excluded.add("id-2");
      return { run, first, excluded };
    }

    it.each<[string, HrPerson[]]>([
      ["moves to another department", [promoted, { ...x, department: { code: "20", name: "Finance" } }]],
      ["gets another e-mail address (a rename)", [promoted, { ...x, workEmail: "jan.nieuw@acme.nl" }]],
      ["leaves (employment ended long ago)", [promoted, { ...x, periods: [employment("2020-01-01", "2025-06-30")] }]],
      ["is no longer listed", [promoted]],
      ["loses the e-mail address (bad data)", [promoted, { ...x, workEmail: null }]],
    ])(
      "when HR says the person %s: no change, no deactivation, nothing written; a colleague's change goes through",
      (_, hr) => {
        const { run, first } = excludedAfterFirstRun();
        const second = run("2026-01-11", hr);
        expect(JSON.stringify(userOf(second, "x")?.resource)).toBe(JSON.stringify(userOf(first, "x")?.resource));
        expect(second.groups.map((group) => group.resource)).toEqual(first.groups.map((group) => group.resource));
        expect(second.people.map((write) => write.sourceKey)).toEqual(["a"]);
        expect({
          affected: second.affected,
          transitions: second.transitions,
          holds: second.holds,
          renamed: second.renamed,
          problems: second.problems,
        }).toEqual({ affected: [], transitions: [], holds: [], renamed: [], problems: [] });
        expect(userOf(second, "a")?.resource.title).toBe("Directeur");
      },
    );

    it("keeps a person not served now unserved, even when HR makes them active", () => {
      const excluded = new Set<string>();
      const run = planner({}, { excluded });
      const joiner = hrPerson({ sourceKey: "j", periods: [employment("2026-06-01")] });
      run("2026-01-10", [joiner]);
      excluded.add("id-1");
      const later = run("2026-06-01", [joiner]);
      expect(later.users).toEqual([]);
      expect(later.people).toEqual([]);
      expect(later.transitions).toEqual([]);
    });

    it("once included, the next run catches up: the change HR asked for applies, a leaver takes the leaver path", () => {
      const { run, excluded } = excludedAfterFirstRun();
      const moved = { ...x, department: { code: "20", name: "Finance" } };
      run("2026-01-11", [colleague, moved]);
      excluded.clear();
      const included = run("2026-01-12", [colleague, moved]);
      expect((userOf(included, "x")?.resource[ENTERPRISE_USER] as Record<string, unknown>).department).toBe("Finance");
      expect(included.people.map((write) => write.sourceKey)).toEqual(["x"]);
      excluded.add("id-2");
      run("2026-01-13", [colleague]);
      excluded.clear();
      const gone = run("2026-01-14", [colleague]);
      // In affected, so the brake weighs the deactivation like any other.
      expect(gone.affected).toMatchObject([{ scimId: "id-2", from: "active", to: "inactive" }]);
      expect(userOf(gone, "x")?.resource.active).toBe(false);
    });
  });

  it.each([
    ["no first name, roepnaam or initials", { nickname: null, firstName: null, initials: null }],
    ["no last name", { lastName: "" }],
  ])("never serves a person with %s: Okta cannot import them", (missing, fields) => {
    const plan = planner()("2026-01-10", [hrPerson({ sourceKey: "n", ...fields })]);
    expect(plan.users).toEqual([]);
    expect(plan.problems).toMatchObject([{ kind: "no_name", detail: expect.stringContaining(`${missing} in HR`) }]);
  });

  it("freezes both sides of a userName conflict: the served one keeps what Okta saw, the new one is not served", () => {
    const run = planner();
    const first = run("2026-01-10", [hrPerson({ sourceKey: "old", workEmail: "jan@acme.nl", lastName: "Oud" })]);
    const second = run("2026-01-11", [
      hrPerson({
        sourceKey: "old",
        workEmail: "jan@acme.nl",
        lastName: "Oud",
        function: { code: "F9", name: "Directeur" },
      }),
      hrPerson({ sourceKey: "new", workEmail: "JAN@acme.nl", lastName: "Nieuw" }),
    ]);
    expect(userOf(second, "old")?.resource).toEqual(userOf(first, "old")?.resource);
    expect(userOf(second, "new")).toBeUndefined();
    expect(stateOf(second, "new")).toBe("problem");
    expect(second.problems.map((problem) => problem.detail)).toEqual([
      "old Jan Oud (Acme BV): userName jan@acme.nl is also claimed by new Jan Nieuw (Acme BV)",
      "new Jan Nieuw (Acme BV): userName JAN@acme.nl is also claimed by old Jan Oud (Acme BV)",
    ]);
  });

  it("serves neither of two new people with the same userName", () => {
    const plan = planner()("2026-01-10", [
      hrPerson({ sourceKey: "a", workEmail: "x@acme.nl" }),
      hrPerson({ sourceKey: "b", workEmail: "x@acme.nl" }),
    ]);
    expect(plan.users).toEqual([]);
    expect(plan.problems.map((problem) => problem.kind)).toEqual(["conflict", "conflict"]);
  });

  it("keeps a person the source stops listing served inactive with their last data, then removes them after retention", () => {
    const run = planner({ retention_days: 30 });
    const first = run("2026-01-10", [hrPerson({ sourceKey: "a" }), hrPerson({ sourceKey: "gone" })]);
    const missing = run("2026-01-11", [hrPerson({ sourceKey: "a" })]);
    expect(userOf(missing, "gone")?.resource).toEqual({ ...userOf(first, "gone")?.resource, active: false });
    expect(missing.affected).toMatchObject([{ sourceKey: "gone", from: "active", to: "inactive" }]);
    expect(run("2026-02-10", [hrPerson({ sourceKey: "a" })]).users.map((user) => user.externalId)).toEqual([
      "a",
      "gone",
    ]);
    const removed = run("2026-02-11", [hrPerson({ sourceKey: "a" })]);
    expect(removed.users.map((user) => user.externalId)).toEqual(["a"]);
    expect(stateOf(removed, "gone")).toBe("removed");
  });

  it("gives a rehire the same SCIM id", () => {
    const run = planner({ retention_days: 10 });
    const first = run("2025-01-10", [hrPerson({ sourceKey: "r", periods: [employment("2020-01-01", "2025-01-31")] })]);
    for (const today of ["2025-02-10", "2025-03-01"])
      run(today, [hrPerson({ sourceKey: "r", periods: [employment("2020-01-01", "2025-01-31")] })]);
    const back = run("2026-03-01", [
      hrPerson({ sourceKey: "r", periods: [employment("2020-01-01", "2025-01-31"), employment("2026-03-01")] }),
    ]);
    expect(userOf(back, "r")?.scimId).toBe(userOf(first, "r")?.scimId);
    expect(back.transitions).toMatchObject([{ from: "removed", to: "active" }]);
  });

  it("puts only active users in groups, and serves no empty group", () => {
    const plan = planner({ groups: { kinds: ["department"] } })("2026-01-10", [
      hrPerson({ sourceKey: "a", department: { code: "10", name: "Sales" } }),
      hrPerson({
        sourceKey: "left",
        department: { code: "20", name: "Finance" },
        periods: [employment("2020-01-01", "2025-12-31")],
      }),
    ]);
    expect(userOf(plan, "left")?.active).toBe(false);
    expect(plan.groups.map((group) => [group.displayName, (group.resource.members as unknown[]).length])).toEqual([
      ["Sales", 1],
    ]);
  });

  it("keeps a group's SCIM id through an HR rename and while it is empty", () => {
    const run = planner({ groups: { kinds: ["department"] } });
    const first = run("2026-01-10", [hrPerson({ sourceKey: "a", department: { code: "10", name: "Sales" } })]);
    run("2026-01-11", [hrPerson({ sourceKey: "a", department: { code: "20", name: "Finance" } })]);
    const renamed = run("2026-01-12", [
      hrPerson({ sourceKey: "a", department: { code: "10", name: "Sales & Marketing" } }),
    ]);
    expect(renamed.groups.map((group) => [group.scimId, group.displayName])).toEqual([
      [first.groups[0]!.scimId, "Sales & Marketing"],
    ]);
  });

  it("reports a group code with two names instead of picking silently", () => {
    const plan = planner({ groups: { kinds: ["department"] } })("2026-01-10", [
      hrPerson({ sourceKey: "a", department: { code: "10", name: "Sales" } }),
      hrPerson({ sourceKey: "b", department: { code: "10", name: "Logistiek" } }),
    ]);
    expect(plan.groups.map((group) => group.displayName)).toEqual(["Sales"]);
    expect(plan.problems[0]?.detail).toContain('group department:10 is named both "Sales" and "Logistiek"');
  });

  it("links managers to their SCIM id when managers are on, and reports those it cannot find", () => {
    const plan = planner({ managers: true })("2026-01-10", [
      hrPerson({ sourceKey: "boss", workEmail: "boss@acme.nl", nickname: "Bea", lastName: "Baas" }),
      hrPerson({ sourceKey: "s", manager: { email: "BOSS@acme.nl", employeeNumber: null, name: "Bea Baas" } }),
      hrPerson({ sourceKey: "t", manager: { email: "nobody@acme.nl", employeeNumber: null, name: null } }),
    ]);
    expect(userOf(plan, "s")?.resource[ENTERPRISE_USER]).toMatchObject({
      manager: { value: userOf(plan, "boss")?.scimId, displayName: "Bea Baas" },
    });
    expect(userOf(plan, "t")?.resource[ENTERPRISE_USER]).not.toHaveProperty("manager");
    expect(plan.problems.map((problem) => problem.kind)).toEqual(["manager"]);
  });

  it("uses the first record of a person the source lists twice, and says so", () => {
    const plan = planner()("2026-01-10", [
      hrPerson({ sourceKey: "d", lastName: "Eerst" }),
      hrPerson({ sourceKey: "d", lastName: "Tweede" }),
    ]);
    expect(plan.users).toHaveLength(1);
    expect(plan.problems.map((problem) => problem.kind)).toEqual(["duplicate"]);
  });

  it("never stores the birth date", () => {
    const plan = planner()("2026-01-10", [hrPerson({ sourceKey: "a", birthDate: "1985-04-12" })]);
    expect(personRow(plan.people[0]!).lastPerson).not.toContain("1985-04-12");
  });
});
