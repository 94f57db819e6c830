import { afterEach, describe, expect, it } from "vitest";
import { createSourceFor } from "../../src/connectors/source-for.js";
import { listAudit } from "../../src/audit/audit-store.js";
import { silentLogger } from "../../src/logging/logger.js";
import { approveSuggestedLogin } from "../../src/sync/approve-login.js";
import { appliedRunAfter } from "../../src/sync/preview/applied-run.js";
import { compareWithRun } from "../../src/sync/preview/compare-with-run.js";
import { createPreview } from "../../src/sync/preview/create-preview.js";
import { readPreview } from "../../src/sync/preview/preview-store.js";
import { removeEmployee, setPersonalInfo, setWorkEmail } from "../../testkit/nmbrs-sim/dataset-mutations.js";
import { startHrToOkta, type HrToOkta } from "../support/hr-to-okta.js";
import { hire, scenarioDataset, simConnector } from "../support/nmbrs-scenario.js";
import { useTempDir } from "../support/temp-dir.js";

/**
 * Generated logins (identity.user_name_from = "generated", docs/mapping.md) the whole way: people without a work
 * e-mail in the Nmbrs simulator, the real SOAP source and sync, the SCIM API over HTTP and the Okta import simulator.
 */
const tempDir = useTempDir();
let chain: HrToOkta | undefined;
afterEach(async () => {
  await chain?.close();
  chain = undefined;
});

const GENERATED = {
  identity: { user_name_from: ["work", "generated"], generated_domain: "acme.nl" },
  days_after: 0,
  retention_days: 0,
  // One leaver of four is a mass deactivation to the brake; this test is about the login, not the brake.
  max_deactivation_percent: 100,
};

const zoe = (employeeNumber: number, workEmail: string | null = null) =>
  ({ firstName: "Zoë", prefix: "van der", lastName: "Berg", workEmail, employeeNumber }) as const;

function problemsOf(current: HrToOkta): { kind: string; detail: string }[] {
  return current.db.sqlite.prepare("SELECT kind, detail FROM problems WHERE connector_id = 'acme'").all() as never;
}

describe("generated logins, from HR to Okta", () => {
  it("are unique, kept across a rename in HR, and a leaver's login is never given to a newcomer", async () => {
    const nmbrs = scenarioDataset();
    hire(nmbrs, zoe(1, "zoe.vanderberg@acme.nl"));
    hire(nmbrs, zoe(10));
    const leaver = hire(nmbrs, zoe(9));
    const janWillem = hire(nmbrs, { firstName: "Jan-Willem", prefix: "van 't", lastName: "Hof", workEmail: null });
    chain = await startHrToOkta(tempDir(), nmbrs, GENERATED);

    expect((await chain.sync("2026-01-10")).status).toBe("succeeded");
    expect(await chain.okta.importUsers()).toMatchObject({ new: 4 });
    // The work address keeps its owner; the two newcomers take the numbered candidates in employee-number order.
    const employeeNumbers = () =>
      Object.fromEntries(
        [...chain!.okta.directory.users].map(([userName, user]) => [userName, user.profile.employeeNumber]),
      );
    expect(employeeNumbers()).toEqual({
      "zoe.vanderberg@acme.nl": "1",
      "zoe.vanderberg2@acme.nl": "9",
      "zoe.vanderberg3@acme.nl": "10",
      "janwillem.vanthof@acme.nl": expect.any(String),
    });

    setPersonalInfo(nmbrs, janWillem.employeeId, { lastName: "Hofstra" });
    const renamed = await chain.sync("2026-01-11");
    expect(renamed.message).toContain("0 generated logins given, 1 new logins suggested");
    await chain.okta.importUsers();
    expect(chain.okta.directory.users.get("janwillem.vanthof@acme.nl")?.profile.lastName).toBe("van 't Hofstra");
    expect(chain.okta.directory.users.has("janwillem.vanthofstra@acme.nl")).toBe(false);
    expect(problemsOf(chain)).toContainEqual({
      kind: "login_suggested",
      detail: expect.stringContaining(
        "keeps the generated login janwillem.vanthof@acme.nl; the name in HR now gives janwillem.vanthofstra@acme.nl",
      ),
    });

    // The leaver first got a work address (so no people row names the generated login any more), then left.
    setWorkEmail(nmbrs, leaver.employeeId, "zoe.b@acme.nl");
    await chain.sync("2026-01-12");
    expect(await chain.okta.findUserByUserName("zoe.b@acme.nl")).toMatchObject({ externalId: expect.any(String) });
    removeEmployee(nmbrs, leaver.employeeId);
    await chain.sync("2026-01-13");
    await chain.sync("2026-01-20");
    // Gone from what Okta is served (removed after the grace period), yet the login stays the leaver's.
    expect(await chain.okta.findUserByUserName("zoe.b@acme.nl")).toBeUndefined();
    hire(nmbrs, zoe(11));
    const newcomer = await chain.sync("2026-01-21");
    expect(newcomer.message).toContain("1 generated logins given");
    await chain.okta.importUsers();
    expect(employeeNumbers()["zoe.vanderberg4@acme.nl"]).toBe("11");
  });

  it("an approved suggestion is served at the next run and the old login is never given again", async () => {
    const nmbrs = scenarioDataset();
    const janWillem = hire(nmbrs, { firstName: "Jan-Willem", prefix: "van 't", lastName: "Hof", workEmail: null });
    chain = await startHrToOkta(tempDir(), nmbrs, GENERATED);
    await chain.sync("2026-01-10");
    await chain.okta.importUsers();
    const scimId = (await chain.okta.findUserByUserName("janwillem.vanthof@acme.nl"))!.id;
    const admin = { actor: "admin", address: "127.0.0.1", at: new Date("2026-01-11T09:00:00Z") };
    // Nothing suggested yet: nothing to approve.
    expect(() => approveSuggestedLogin(chain!.db.sqlite, { connectorId: "acme", scimId }, admin)).toThrow(
      /no new login is suggested/,
    );

    setPersonalInfo(nmbrs, janWillem.employeeId, { lastName: "Hofstra" });
    await chain.sync("2026-01-11");
    expect(approveSuggestedLogin(chain.db.sqlite, { connectorId: "acme", scimId }, admin)).toBe(
      "janwillem.vanthofstra@acme.nl",
    );
    expect(listAudit(chain.db.sqlite, { limit: 10 })).toContainEqual(
      expect.objectContaining({
        action: "login_approve",
        actor: "admin",
        detail: `${scimId}: janwillem.vanthofstra@acme.nl`,
      }),
    );

    const approved = await chain.sync("2026-01-12");
    expect(approved.status).toBe("succeeded");
    expect(problemsOf(chain).filter((problem) => problem.kind === "login_suggested")).toEqual([]);
    await chain.okta.importUsers();
    // Okta renames the same account (matched by its id), it does not make a second one.
    expect((await chain.okta.findUserByUserName("janwillem.vanthofstra@acme.nl"))?.id).toBe(scimId);
    expect(chain.okta.directory.users.has("janwillem.vanthof@acme.nl")).toBe(false);

    // The old login stays taken: a newcomer of the same name gets a numbered one, not the freed login.
    hire(nmbrs, { firstName: "Jan-Willem", prefix: "van 't", lastName: "Hof", workEmail: null, employeeNumber: 50 });
    await chain.sync("2026-01-13");
    await chain.okta.importUsers();
    expect(chain.okta.directory.users.has("janwillem.vanthof@acme.nl")).toBe(false);
    expect(chain.okta.directory.users.get("janwillem.vanthof2@acme.nl")?.profile.employeeNumber).toBe("50");
  });

  it("a Preview gives two clashing newcomers the logins the run then gives, and stores none itself", async () => {
    const nmbrs = scenarioDataset();
    hire(nmbrs, { lastName: "Vries" });
    chain = await startHrToOkta(tempDir(), nmbrs, GENERATED);
    await chain.sync("2026-01-10");
    // Listed by HR in the other order than their employee numbers: the order of the candidates must not depend on it.
    hire(nmbrs, zoe(10));
    hire(nmbrs, zoe(9));
    const current = chain;
    const deps = {
      sqlite: current.db.sqlite,
      clock: () => new Date("2026-01-10T09:00:00Z"),
      connector: () => simConnector(current.sim, GENERATED),
      sourceFor: (c: Parameters<typeof createSourceFor>[0]) => createSourceFor(c, { logger: silentLogger() }),
    };
    const { id, report } = await createPreview(deps, "acme", "admin");
    expect(report.summary).toMatchObject({ appears: 2 });
    const stored = () => current.db.sqlite.prepare("SELECT user_name FROM generated_logins").pluck().all();
    expect(stored()).toEqual([]);

    expect((await current.sync("2026-01-11")).status).toBe("succeeded");
    expect(stored()).toEqual(expect.arrayContaining(["zoe.vanderberg@acme.nl", "zoe.vanderberg2@acme.nl"]));
    const preview = readPreview(current.db.sqlite, "acme", id)!;
    expect(compareWithRun(report, appliedRunAfter(current.db.sqlite, preview.record)!)).toMatchObject({
      verdict: "matches",
      differences: [],
    });
  });
});
