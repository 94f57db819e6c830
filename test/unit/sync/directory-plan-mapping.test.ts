import { describe, expect, it } from "vitest";
import type { DesiredResource } from "../../../src/directory/resource.js";
import { HR_GATEWAY_USER } from "../../../src/directory/schema-urns.js";
import type { UserResource } from "../../../src/lifecycle/user-resource.js";
import type { HrPerson } from "../../../src/sources/types.js";
import { planDirectory } from "../../../src/sync/directory-plan.js";
import type { KnownGroup, KnownPerson } from "../../../src/sync/plan-types.js";
import { connectorSettings, hrPerson } from "../../support/hr-data.js";

/** Successive runs of the pure planner with the admin's expressions, carrying over what an applied run stores. */
function planner(raw: Record<string, unknown>) {
  const settings = connectorSettings(raw);
  const known = new Map<string, KnownPerson>();
  const knownGroups = new Map<string, KnownGroup>();
  const served = new Map<string, UserResource>();
  let sequences = { user: 0, group: 0 };
  let ids = 0;
  return (today: string, persons: HrPerson[]) => {
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
    });
    const people = [...plan.people()];
    for (const write of people) known.set(write.sourceKey, write);
    for (const group of plan.newGroups) knownGroups.set(group.key, group);
    sequences = plan.sequences;
    const desired = [...plan.desired()];
    const users = desired.filter((resource) => resource.type === "User");
    served.clear();
    for (const user of users) served.set(user.scimId, user.resource);
    return { ...plan, people, users, groups: desired.filter((resource) => resource.type === "Group") };
  };
}

const userOf = (users: DesiredResource[], sourceKey: string) => users.find((user) => user.externalId === sourceKey);

describe("planDirectory with the admin's mapping (docs/mapping.md)", () => {
  it("serves an override and a custom attribute computed from the person and the company", () => {
    const run = planner({
      mapping: { title: 'person.function.name + " (" + company.name + ")"', costCode: "person.department.code" },
    });
    const plan = run("2026-01-10", [hrPerson({ sourceKey: "a" })]);
    const user = userOf(plan.users, "a")!.resource;
    expect(user.title).toBe("Accountmanager (Acme BV)");
    expect(user[HR_GATEWAY_USER]).toMatchObject({ costCode: "10" });
  });

  it("never serves a person outside the scope, and sends one who leaves it down the leaver path", () => {
    const run = planner({ scope: { include: 'person.employeeType != "Uitzendkracht"' } });
    const temp = hrPerson({ sourceKey: "t", employeeType: "Uitzendkracht" });
    const first = run("2026-01-10", [hrPerson({ sourceKey: "a" }), temp]);
    expect(first.users.map((user) => user.externalId)).toEqual(["a"]);
    expect(first.people.map((write) => write.sourceKey)).toEqual(["a"]);

    const becomesTemp = run("2026-01-11", [hrPerson({ sourceKey: "a", employeeType: "Uitzendkracht" }), temp]);
    expect(userOf(becomesTemp.users, "a")?.active).toBe(false);
    expect(becomesTemp.affected.map((person) => [person.sourceKey, person.to])).toEqual([["a", "inactive"]]);
  });

  it("serves a rule group of the people its condition holds for, with a stable id", () => {
    const run = planner({
      groups: { kinds: [], rules: [{ name: "Stagiairs", when: 'person.employeeType == "Stagiair"' }] },
    });
    const people = [
      hrPerson({ sourceKey: "s1", employeeType: "Stagiair" }),
      hrPerson({ sourceKey: "w", employeeType: "Werknemer" }),
      hrPerson({ sourceKey: "s2", employeeType: "Stagiair" }),
    ];
    const first = run("2026-01-10", people);
    expect(first.groups.map((group) => group.displayName)).toEqual(["Stagiairs"]);
    const members = (first.groups[0]!.resource.members as { value: string }[]).map((member) => member.value);
    expect(members).toEqual(["s1", "s2"].map((key) => userOf(first.users, key)!.scimId));

    const second = run("2026-01-11", people);
    expect(second.groups[0]!.scimId).toBe(first.groups[0]!.scimId);
    expect(second.newGroups).toEqual([]);
  });

  it("holds only the person an expression fails for; everyone else is served and the run goes on", () => {
    const run = planner({ mapping: { department: "upper(person.department.name)" } });
    const plan = run("2026-01-10", [hrPerson({ sourceKey: "a" }), hrPerson({ sourceKey: "x", department: null })]);
    expect(plan.users.map((user) => user.externalId)).toEqual(["a"]);
    expect(plan.problems).toEqual([
      expect.objectContaining({
        kind: "mapping",
        sourceKey: "x",
        detail: expect.stringContaining("No such key: name"),
      }),
    ]);
  });

  it("keeps a served person as Okta saw them when the expression starts failing for them, with a mapping hold", () => {
    const run = planner({ mapping: { title: "upper(person.function.name)" } });
    const first = run("2026-01-10", [hrPerson({ sourceKey: "a" })]);
    const before = userOf(first.users, "a")!.resource;
    const second = run("2026-01-11", [hrPerson({ sourceKey: "a", function: null })]);
    expect(userOf(second.users, "a")!.resource).toEqual(before);
    expect(second.holds).toEqual([expect.objectContaining({ kind: "mapping", sourceKey: "a" })]);
  });

  it("holds a person whose givenName override gives nothing (Okta cannot import them)", () => {
    const run = planner({ mapping: { givenName: "person.nickname" } });
    const plan = run("2026-01-10", [hrPerson({ sourceKey: "a", nickname: null })]);
    expect(plan.users).toEqual([]);
    expect(plan.problems[0]).toMatchObject({ kind: "mapping", detail: expect.stringContaining("mapping.givenName") });
  });

  it("holds a person the scope cannot decide about instead of dropping or serving them", () => {
    const run = planner({ scope: { include: "person.department.code == '10'" } });
    const plan = run("2026-01-10", [hrPerson({ sourceKey: "a" }), hrPerson({ sourceKey: "x", department: null })]);
    expect(plan.users.map((user) => user.externalId)).toEqual(["a"]);
    expect(plan.problems[0]).toMatchObject({
      kind: "mapping",
      sourceKey: "x",
      detail: expect.stringContaining("scope"),
    });
  });
});
