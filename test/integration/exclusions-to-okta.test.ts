import { afterEach, describe, expect, it } from "vitest";
import { currentById } from "../../src/directory/read-generation.js";
import { excludePerson, includePerson } from "../../src/sync/exclusions/exclude-person.js";
import { assignDepartment, assignFunction } from "../../testkit/nmbrs-sim/dataset-mutations.js";
import { startHrToOkta, type HrToOkta } from "../support/hr-to-okta.js";
import { hire, scenarioDataset } from "../support/nmbrs-scenario.js";
import { useTempDir } from "../support/temp-dir.js";

/**
 * Exclusions (docs/holds.md) the whole way: HR changes in the Nmbrs simulator, the real SOAP source and sync, the
 * SCIM API over HTTP, and the Okta import simulator reading it as Okta would.
 */
const tempDir = useTempDir();
let chain: HrToOkta | undefined;
afterEach(async () => {
  await chain?.close();
  chain = undefined;
});

const admin = (at: string) => ({ actor: "beheerder", address: null, at: new Date(at) });

describe("an excluded person, from HR to Okta", () => {
  it("stays exactly as Okta sees them while a colleague's change goes through; once included, the change catches up", async () => {
    const nmbrs = scenarioDataset();
    const jan = hire(nmbrs, { lastName: "Vries", employeeNumber: 501 });
    const piet = hire(nmbrs, { lastName: "Smit", employeeNumber: 502 });
    chain = await startHrToOkta(tempDir(), nmbrs, { groups: { kinds: ["department"] } });
    await chain.sync("2026-01-10");
    expect(await chain.okta.importUsers()).toMatchObject({ new: 2 });
    await chain.okta.importGroups();
    const { sqlite } = chain.db;
    const { exclusion } = excludePerson(
      sqlite,
      { connectorId: "acme", ref: "501", reason: "Overgang naar dochterbedrijf" },
      admin("2026-01-10T09:00:00Z"),
    );
    const servedBefore = currentById(sqlite, "acme", "User", exclusion.scimId)!.body;

    const director = { code: 9, description: "Directeur" };
    assignFunction(nmbrs, jan.employeeId, director, "2026-01-01");
    assignDepartment(nmbrs, jan.employeeId, { code: 20, description: "Finance" }, "2026-01-01");
    assignFunction(nmbrs, piet.employeeId, director, "2026-01-01");
    expect((await chain.sync("2026-01-11")).status).toBe("succeeded");
    expect(currentById(sqlite, "acme", "User", exclusion.scimId)!.body).toBe(servedBefore);
    expect(await chain.okta.importUsers()).toMatchObject({ updated: 1, unchanged: 1 });
    expect(chain.okta.directory.users.get("jan.vries@acme.nl")?.profile.title).toBe("Accountmanager");
    expect(chain.okta.directory.users.get("jan.smit@acme.nl")?.profile.title).toBe("Directeur");
    await chain.okta.importGroups();
    expect(groupsOf(chain)).toEqual([["Sales", ["jan.smit@acme.nl", "jan.vries@acme.nl"]]]);

    includePerson(sqlite, { connectorId: "acme", ref: exclusion.scimId }, admin("2026-01-11T09:00:00Z"));
    expect((await chain.sync("2026-01-12")).status).toBe("succeeded");
    expect(await chain.okta.importUsers()).toMatchObject({ updated: 1, unchanged: 1 });
    expect(chain.okta.directory.users.get("jan.vries@acme.nl")?.profile.title).toBe("Directeur");
    await chain.okta.importGroups();
    expect(groupsOf(chain)).toEqual([
      ["Finance", ["jan.vries@acme.nl"]],
      ["Sales", ["jan.smit@acme.nl"]],
    ]);
  });
});

function groupsOf(chain: HrToOkta): [string, string[]][] {
  return [...chain.okta.directory.groups.values()]
    .map((group): [string, string[]] => [group.displayName, [...group.members].sort()])
    .sort((a, b) => a[0].localeCompare(b[0]));
}
