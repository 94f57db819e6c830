import { afterEach, describe, expect, it } from "vitest";
import { HR_GATEWAY_USER } from "../../src/directory/schema-urns.js";
import { readHolds } from "../../src/sync/holds/person-holds.js";
import { assignFunction } from "../../testkit/nmbrs-sim/dataset-mutations.js";
import { startHrToOkta, type HrToOkta } from "../support/hr-to-okta.js";
import { hire, scenarioDataset } from "../support/nmbrs-scenario.js";
import { useTempDir } from "../support/temp-dir.js";

/**
 * The admin's expressions (docs/mapping.md) the whole way: HR data in the Nmbrs simulator, the real SOAP source and
 * sync with [connectors.mapping], [connectors.scope] and group rules, the SCIM API over HTTP, and the Okta import
 * simulator reading it as Okta would.
 */
const tempDir = useTempDir();
let chain: HrToOkta | undefined;
afterEach(async () => {
  await chain?.close();
  chain = undefined;
});

// Employee type ids of the simulator (testkit/nmbrs-sim/dutch-names.ts): 2 Nieuwe medewerker, 3 Extern.
const NEW_HIRE = 2;
const EXTERNAL = 3;

describe("the admin's mapping, from HR to Okta", () => {
  it("serves the mapped and custom attributes, keeps temps out of Okta, and fills a rule group", async () => {
    const nmbrs = scenarioDataset();
    hire(nmbrs, { nickname: "Zoë", prefix: "van der", lastName: "Berg", workEmail: "zoe.vanderberg@acme.nl" });
    hire(nmbrs, { lastName: "Nieuw", workEmail: "jan.nieuw@acme.nl", employeeTypeId: NEW_HIRE });
    hire(nmbrs, { lastName: "Extern", workEmail: "jan.extern@acme.nl", employeeTypeId: EXTERNAL });
    chain = await startHrToOkta(tempDir(), nmbrs, {
      groups: {
        kinds: [],
        rules: [{ name: "Nieuwe medewerkers", when: 'person.employeeType == "Nieuwe medewerker"' }],
      },
      mapping: {
        title: 'person.function.name + " (" + company.name + ")"',
        loginHint: 'lower(ascii(coalesce(person.nickname, person.firstName))) + "." + familyName(person)',
      },
      scope: { include: 'person.employeeType != "Extern"' },
    });

    const outcome = await chain.sync("2026-01-10");
    expect(outcome.status).toBe("succeeded");
    expect(await chain.okta.importUsers()).toMatchObject({ new: 2 });
    expect([...chain.okta.directory.users.keys()].sort()).toEqual(["jan.nieuw@acme.nl", "zoe.vanderberg@acme.nl"]);
    expect(chain.okta.directory.users.get("zoe.vanderberg@acme.nl")?.profile.title).toBe("Accountmanager (Acme BV)");
    const zoe = await chain.okta.findUserByUserName("zoe.vanderberg@acme.nl");
    expect(zoe?.[HR_GATEWAY_USER]).toMatchObject({ loginHint: "zoe.van der Berg" });

    expect(await chain.okta.importGroups()).toMatchObject({ new: 1, unresolvedMembers: 0 });
    expect([...chain.okta.directory.groups.values()].map((group) => [group.displayName, [...group.members]])).toEqual([
      ["Nieuwe medewerkers", ["jan.nieuw@acme.nl"]],
    ]);
  });

  it("holds the one person an expression fails for; the run succeeds and a colleague's change goes through", async () => {
    const nmbrs = scenarioDataset();
    const jan = hire(nmbrs, { lastName: "Vries", workEmail: "jan.vries@acme.nl" });
    const piet = hire(nmbrs, { lastName: "Smit", workEmail: "jan.smit@acme.nl" });
    chain = await startHrToOkta(tempDir(), nmbrs, {
      mapping: { title: 'person.function.code == "9" ? dyn(9) : person.function.name' },
    });
    await chain.sync("2026-01-10");
    expect(await chain.okta.importUsers()).toMatchObject({ new: 2 });

    assignFunction(nmbrs, jan.employeeId, { code: 9, description: "Teamleider" }, "2026-01-01");
    assignFunction(nmbrs, piet.employeeId, { code: 2, description: "Adviseur" }, "2026-01-01");
    const outcome = await chain.sync("2026-01-11");
    expect(outcome.status).toBe("succeeded");
    expect(await chain.okta.importUsers()).toMatchObject({ updated: 1, unchanged: 1 });
    expect(chain.okta.directory.users.get("jan.vries@acme.nl")?.profile.title).toBe("Accountmanager");
    expect(chain.okta.directory.users.get("jan.smit@acme.nl")?.profile.title).toBe("Adviseur");
    expect(readHolds(chain.db.sqlite, "acme")).toEqual([
      expect.objectContaining({ kind: "mapping", detail: expect.stringContaining("must give a text") }),
    ]);
  });
});
