import { describe, expect, it } from "vitest";
import { ENTERPRISE_USER } from "../../../src/directory/schema-urns.js";
import type { HrPerson } from "../../../src/sources/types.js";
import { planDirectory } from "../../../src/sync/directory-plan.js";
import { connectorSettings, employment, firstPlanInput, hrPerson } from "../../support/hr-data.js";

describe("the plan's hand-over to the apply", () => {
  const planOf = (persons: HrPerson[]) => planDirectory(firstPlanInput(connectorSettings({ managers: true }), persons));
  const people = () => [
    hrPerson({ sourceKey: "a", lastName: "Boss" }),
    hrPerson({ sourceKey: "b", manager: { name: null, email: "jan.boss@acme.nl", employeeNumber: null } }),
    hrPerson({ sourceKey: "c", periods: [employment("2026-06-01")] }),
  ];

  it("hands the apply the rows people() makes, after which only the transitions and lists are read", () => {
    const plan = planOf(people());
    const rows = [...plan.people()];
    const transitions = [...plan.transitions()];
    const served = [...plan.desired()];
    expect(served.find((user) => user.externalId === "b")?.resource[ENTERPRISE_USER]).toMatchObject({
      manager: { value: "id-1" },
    });
    expect([...plan.peopleHandedOver()]).toEqual(rows);
    expect([...plan.transitions()]).toEqual(transitions);
    expect(plan.counts).toMatchObject({ listed: 3, served: 2 });
  });

  it("refuses to build resources or rows again once their records were handed over", () => {
    const plan = planOf(people());
    [...plan.desired()];
    [...plan.peopleHandedOver()];
    expect(() => [...plan.desired()]).toThrow(/handed to the apply/);
    expect(() => plan.people()).toThrow(/handed to the apply/);
    expect(() => [...plan.peopleHandedOver()]).toThrow(/handed to the apply/);
  });
});
