import { afterEach, describe, expect, it } from "vitest";
import { rehire, removeEmployee, setWorkEmail } from "../../testkit/nmbrs-sim/dataset-mutations.js";
import { readProblems } from "../../src/sync/problems.js";
import { SIMULATED_DAYS_TIMEOUT_MS, startHrToOkta, type HrToOkta } from "../support/hr-to-okta.js";
import { BETA_NMBRS, hire, keyOf, scenarioDataset } from "../support/nmbrs-scenario.js";
import { useTempDir } from "../support/temp-dir.js";

/**
 * Weeks in the life of one connector, one run per simulated day (days_before 14, days_after 7, retention 30):
 * every lifecycle rule meets the others in the same data, the way they do at a customer. HR's changes are made in
 * the Nmbrs simulator, each day's sync runs in a process of its own as in production and reads them over SOAP with
 * the real source, and after each day the Okta import simulator imports what the SCIM API serves, so the test
 * asserts both what is served and what Okta ends up with.
 */
const tempDir = useTempDir();
let chain: HrToOkta | undefined;
afterEach(async () => {
  await chain?.close();
  chain = undefined;
});

describe("a connector over several simulated days", { timeout: SIMULATED_DAYS_TIMEOUT_MS }, () => {
  it("applies every lifecycle rule on the right day", async () => {
    const nmbrs = scenarioDataset();
    const regulars = Array.from({ length: 20 }, (_, i) => hire(nmbrs, { lastName: `Vast${i}` }));
    const piet = hire(nmbrs, { lastName: "Nieuw", start: "2026-02-01" });
    const kees = hire(nmbrs, { lastName: "Weg", start: "2019-05-01", end: "2026-01-20" });
    const terug = hire(nmbrs, { lastName: "Terug", start: "2018-01-01", end: "2025-12-31" });
    const twin1 = hire(nmbrs, { lastName: "Tweeling", workEmail: "j.tweeling@acme.nl" });
    chain = await startHrToOkta(tempDir(), nmbrs, { retention_days: 30, groups: { kinds: ["department"] } });
    const { db, okta, service, sim } = chain;
    const day = chain.sync;
    const served = () =>
      new Map(
        (
          db.sqlite
            .prepare(
              "SELECT external_id, scim_id, active FROM scim_resources WHERE resource_type = 'User' AND gen_to IS NULL",
            )
            .all() as {
            external_id: string;
            scim_id: string;
            active: number;
          }[]
        ).map((row) => [row.external_id, { id: row.scim_id, active: row.active === 1 }]),
      );
    const inOkta = (login: string) => okta.directory.users.get(login)?.status;
    const activeInOkta = () => [...okta.directory.users.values()].filter((user) => user.status === "ACTIVE").length;

    expect((await day("2026-01-10")).status).toBe("succeeded");
    const first = served();
    expect(first.has(keyOf(piet))).toBe(false);
    expect(first.get(keyOf(kees))?.active).toBe(true);
    expect(first.get(keyOf(terug))?.active).toBe(false); // ended 2025-12-31: inactive for 30 days after 2026-01-07
    expect(await okta.importUsers()).toMatchObject({ new: 22, skippedInactive: 1 }); // Okta does not create inactive users
    expect([inOkta("jan.nieuw@acme.nl"), inOkta("jan.weg@acme.nl"), inOkta("jan.terug@acme.nl")]).toEqual([
      undefined,
      "ACTIVE",
      undefined,
    ]);

    await day("2026-01-17");
    expect(served().has(keyOf(piet))).toBe(false);
    await day("2026-01-18"); // 1 February − 14 days
    expect(served().get(keyOf(piet))?.active).toBe(true);
    expect(await okta.importUsers()).toMatchObject({ new: 1 });
    expect(inOkta("jan.nieuw@acme.nl")).toBe("ACTIVE");

    const twin2 = hire(nmbrs, { company: BETA_NMBRS, lastName: "Tweeling", workEmail: "J.Tweeling@acme.nl" });
    await day("2026-01-19");
    expect(served().get(keyOf(twin1))).toEqual(first.get(keyOf(twin1)));
    expect(served().has(keyOf(twin2))).toBe(false);
    expect(readProblems(db.sqlite, "acme").map((problem) => `${problem.kind} ${problem.sourceKey}`)).toEqual([
      `conflict ${keyOf(twin1)}`,
      `conflict ${keyOf(twin2)}`,
    ]);
    expect(await okta.importUsers()).toMatchObject({ new: 0, updated: 0, removed: 0 }); // neither twin is merged into the other
    expect(inOkta("j.tweeling@acme.nl")).toBe("ACTIVE");

    await day("2026-01-27"); // 20 January + 7 days: still active
    expect(served().get(keyOf(kees))?.active).toBe(true);
    await day("2026-01-28");
    expect(served().get(keyOf(kees))?.active).toBe(false);
    expect(await okta.importUsers()).toMatchObject({ deactivated: 1 });
    expect(inOkta("jan.weg@acme.nl")).toBe("DEPROVISIONED");

    rehire(nmbrs, terug.employeeId, "2026-02-15");
    setWorkEmail(nmbrs, twin2.employeeId, "jan.tweeling@beta.nl");
    await day("2026-02-01");
    expect(served().get(keyOf(terug))).toEqual({ id: first.get(keyOf(terug))?.id, active: true });
    expect(served().get(keyOf(twin2))?.active).toBe(true);
    expect(readProblems(db.sqlite, "acme")).toEqual([]);
    expect(await okta.importUsers()).toMatchObject({ new: 2 });
    expect([inOkta("jan.terug@acme.nl"), inOkta("jan.tweeling@beta.nl"), inOkta("j.tweeling@acme.nl")]).toEqual([
      "ACTIVE",
      "ACTIVE",
      "ACTIVE",
    ]);

    // A proxy in front of Nmbrs answers one of Beta's calls with an HTML error page (the source retries, then gives up).
    sim.faults.add({
      companyId: BETA_NMBRS.id,
      operation: "EmployeeService.PersonalInfoWithoutBSN_Get_GetAllEmployeesByCompany",
      fault: { kind: "http", status: 502 },
    });
    const before = chain.directoryRows();
    const failed = await day("2026-02-10");
    expect(failed).toMatchObject({
      status: "failed",
      message:
        "company 2 (Beta Services BV): Nmbrs answered EmployeeService.PersonalInfoWithoutBSN_Get_GetAllEmployeesByCompany (company 2) with HTTP 502 and no SOAP fault: Nmbrs or a proxy in between is having trouble.",
    });
    expect(chain.directoryRows()).toEqual(before);
    expect(await okta.importUsers()).toMatchObject({ new: 0, updated: 0, deactivated: 0, removed: 0 });
    sim.faults.clear();

    await day("2026-02-26"); // kees: 27 January + 30 days of retention
    expect(served().has(keyOf(kees))).toBe(true);
    await day("2026-02-27");
    expect(served().has(keyOf(kees))).toBe(false);
    await okta.importUsers();
    expect(inOkta("jan.weg@acme.nl")).toBe("DEPROVISIONED");

    const staying = new Set(regulars.slice(0, 4));
    for (const employee of [...nmbrs.employees]) if (!staying.has(employee)) removeEmployee(nmbrs, employee.employeeId);
    // Only the deactivations are held, and nothing else changed today: what Okta reads stays exactly the same.
    const current = () =>
      db.sqlite.prepare("SELECT scim_id, body FROM scim_resources WHERE gen_to IS NULL ORDER BY scim_id").all();
    const beforeHold = current();
    const held = await day("2026-03-02");
    expect(held).toMatchObject({ status: "succeeded", holds: { pending: 20, added: 20 } });
    expect(current()).toEqual(beforeHold);
    expect(await okta.importUsers()).toMatchObject({ deactivated: 0, removed: 0 });
    service.decideHolds("acme", { all: true }, "rejected", "admin@acme.nl");
    expect((await day("2026-03-03")).holds).toEqual({ pending: 0, added: 0 });
    expect([...served().values()].filter((user) => user.active)).toHaveLength(24);
    expect(activeInOkta()).toBe(24);

    await service.decideHolds("acme", { all: true }, "approved", "admin@acme.nl").applied;
    expect([...served().values()].filter((user) => user.active)).toHaveLength(4);
    expect(await okta.importUsers()).toMatchObject({ deactivated: 20, paused: false });
    expect(activeInOkta()).toBe(4);

    const history = db.sqlite
      .prepare(
        `SELECT c.at, c.old_value, c.new_value, c.reason FROM person_changes c JOIN people p ON p.scim_id = c.scim_id
         WHERE p.source_key = ? AND c.field = 'state' ORDER BY c.id`,
      )
      .all(keyOf(kees));
    expect(history).toEqual([
      {
        at: "2026-01-10T08:00:00.000Z",
        old_value: null,
        new_value: "active",
        reason: "active: employment 2019-05-01–2026-01-20; active until 2026-01-27 (7 days after end)",
      },
      {
        at: "2026-01-28T08:00:00.000Z",
        old_value: "active",
        new_value: "inactive",
        reason:
          "inactive: employment ended 2026-01-20, 7 days after end passed on 2026-01-27; removed after 2026-02-26",
      },
      {
        at: "2026-02-27T08:00:00.000Z",
        old_value: "inactive",
        new_value: "removed",
        reason: "removed: employment ended 2026-01-20; removed after 2026-02-26",
      },
    ]);
  });
});
