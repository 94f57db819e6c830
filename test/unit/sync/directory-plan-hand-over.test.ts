import { describe, expect, it } from "vitest";
import { ENTERPRISE_USER } from "../../../src/directory/schema-urns.js";
import type { HrPerson } from "../../../src/sources/types.js";
import { planDirectory } from "../../../src/sync/directory-plan.js";
import type { PersonWrite } from "../../../src/sync/plan-types.js";
import { connectorSettings, employment, firstPlanInput, hrPerson } from "../../support/hr-data.js";

describe("the plan's hand-over to the apply", () => {
  const planOf = (persons: HrPerson[]) => planDirectory(firstPlanInput(connectorSettings({ managers: true }), persons));
  const people = () => [
    hrPerson({ sourceKey: "a", lastName: "Boss" }),
    hrPerson({ sourceKey: "b", manager: { name: null, email: "jan.boss@acme.nl", employeeNumber: null } }),
    hrPerson({ sourceKey: "c", periods: [employment("2026-06-01")] }),
  ];

  /** The hand-over's resources and rows, in the order the apply meets them. */
  const handedOver = (plan: ReturnType<typeof planOf>) => {
    const steps: string[] = [];
    const rows: PersonWrite[] = [];
    const people = {
      write: (row: PersonWrite) => {
        steps.push(`row ${row.sourceKey}`);
        rows.push(row);
      },
    };
    const resources = [];
    for (const resource of plan.handOver(people)) {
      steps.push(`${resource.type} ${resource.externalId ?? resource.resource.displayName}`);
      resources.push(resource);
    }
    return { steps, rows, resources };
  };

  it("gives the resources desired() makes and the rows people() makes, each person's row right after their user", () => {
    const plan = planOf(people());
    const rows = [...plan.people()];
    const transitions = [...plan.transitions()];
    const desired = [...plan.desired()];
    const handed = handedOver(plan);
    // Users in list order, each followed by their row; people not served (c starts in June) after them; then groups.
    expect(handed.steps.slice(0, 5)).toEqual(["User a", "row a", "User b", "row b", "row c"]);
    const groups = handed.steps.slice(5);
    expect(groups.length).toBeGreaterThan(0);
    expect(groups.every((step) => step.startsWith("Group "))).toBe(true);
    expect(handed.rows).toEqual(rows);
    // b's manager reference and the groups' member entries are made after a's record was let go.
    expect(handed.resources).toEqual(desired);
    expect(handed.resources.find((user) => user.externalId === "b")?.resource[ENTERPRISE_USER]).toMatchObject({
      manager: { value: "id-1", displayName: expect.stringContaining("Boss") },
    });
    expect([...plan.transitions()]).toEqual(transitions);
    expect(plan.counts).toMatchObject({ listed: 3, served: 2 });
  });

  it("refuses to build resources or rows again once their records were handed over", () => {
    const plan = planOf(people());
    handedOver(plan);
    expect(() => [...plan.desired()]).toThrow(/handed to the apply/);
    expect(() => plan.people()).toThrow(/handed to the apply/);
    expect(() => handedOver(plan)).toThrow(/handed to the apply/);
  });
});
