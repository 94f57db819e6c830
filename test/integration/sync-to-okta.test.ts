import { afterEach, describe, expect, it } from "vitest";
import {
  assignFunction,
  rehire,
  removeEmployee,
  setManager,
  setWorkEmail,
} from "../../testkit/nmbrs-sim/dataset-mutations.js";
import type { SimDataset } from "../../testkit/nmbrs-sim/dataset.js";
import { readHolds } from "../../src/sync/holds/person-holds.js";
import { readProblems } from "../../src/sync/problems.js";
import { SIMULATED_DAYS_TIMEOUT_MS, startHrToOkta, type HrToOkta } from "../support/hr-to-okta.js";
import { BETA_NMBRS, hire, keyOf, scenarioDataset } from "../support/nmbrs-scenario.js";
import { useTempDir } from "../support/temp-dir.js";

/**
 * The whole way from HR data to what an Okta admin sees: HR's data sits in the Nmbrs simulator, each sync runs in a
 * process of its own as in production, reads it over SOAP with the real source and writes, the SCIM API serves over
 * HTTP, and the Okta import simulator pages through it and applies Okta's import rules. One sync per simulated day;
 * the day's instant is handed to the sync process (hr-to-okta.ts).
 */
const tempDir = useTempDir();
let chain: HrToOkta | undefined;
afterEach(async () => {
  await chain?.close();
  chain = undefined;
});

async function setUp(nmbrs: SimDataset, raw: Record<string, unknown>): Promise<HrToOkta> {
  chain = await startHrToOkta(tempDir(), nmbrs, raw);
  return chain;
}

describe("from HR to Okta", { timeout: SIMULATED_DAYS_TIMEOUT_MS }, () => {
  it("creates, updates, deactivates and reactivates Okta users on the right days, with groups and managers", async () => {
    const nmbrs = scenarioDataset();
    const boss = hire(nmbrs, {
      firstName: "Beatrix",
      nickname: "Bea",
      lastName: "Baas",
      workEmail: "bea.baas@acme.nl",
      department: { code: 1, description: "Directie" },
    });
    const jan = hire(nmbrs, {
      firstName: "Johannes",
      nickname: "Jan",
      prefix: "de",
      lastName: "Vries",
      workEmail: "jan.devries@acme.nl",
      employeeNumber: 42,
      end: "2026-01-31",
    });
    setManager(nmbrs, jan.employeeId, boss.employeeId);
    const { sync, okta } = await setUp(nmbrs, {
      managers: true,
      groups: { kinds: ["department"] },
      max_deactivation_percent: 50,
    });

    await sync("2026-01-10");
    expect(await okta.importUsers()).toMatchObject({ new: 2, paused: false });
    const bossId = okta.directory.users.get("bea.baas@acme.nl")?.appUserId;
    expect(okta.directory.users.get("jan.devries@acme.nl")).toMatchObject({
      status: "ACTIVE",
      // displayName is Nmbrs' own DisplayName ("Last, I. prefix (roepnaam)"), served as HR keeps it.
      profile: {
        firstName: "Jan",
        lastName: "de Vries",
        displayName: "Vries, J. de (Jan)",
        email: "jan.devries@acme.nl",
        department: "Sales",
        employeeNumber: "42",
        managerId: bossId,
      },
    });
    expect(await okta.importGroups()).toMatchObject({ new: 2, unresolvedMembers: 0 });
    expect([...okta.directory.groups.values()].map((group) => [group.displayName, [...group.members]])).toEqual(
      expect.arrayContaining([
        ["Sales", ["jan.devries@acme.nl"]],
        ["Directie", ["bea.baas@acme.nl"]],
      ]),
    );

    assignFunction(nmbrs, jan.employeeId, { code: 2, description: "Teamleider" }, "2026-01-01");
    await sync("2026-01-20");
    expect(await okta.importUsers()).toMatchObject({ updated: 1, unchanged: 1 });

    await sync("2026-02-07"); // 31 January + 7 days: last active day
    expect(await okta.importUsers()).toMatchObject({ deactivated: 0 });
    await sync("2026-02-08");
    expect(await okta.importUsers()).toMatchObject({ deactivated: 1 });
    expect(okta.directory.users.get("jan.devries@acme.nl")?.status).toBe("DEPROVISIONED");
    expect(await okta.importGroups()).toMatchObject({ removed: 1 }); // Sales is empty: inactive users are no members

    rehire(nmbrs, jan.employeeId, "2026-03-10");
    await sync("2026-03-01");
    expect(await okta.importUsers()).toMatchObject({ reactivated: 1, new: 0 });
    expect(okta.directory.users.get("jan.devries@acme.nl")).toMatchObject({
      status: "ACTIVE",
      appUserId: expect.any(String),
    });
  });

  it("shows Okta only people who can sign in, links the managers HR names, and makes a group of every kind", async () => {
    const nmbrs = scenarioDataset();
    const directeur = { code: 6, description: "Directeur" };
    const boss = hire(nmbrs, {
      nickname: "Bea",
      lastName: "Baas",
      workEmail: "bea.baas@acme.nl",
      department: { code: 1, description: "Directie" },
      function: directeur,
    });
    const jan = hire(nmbrs, { lastName: "Vries", workEmail: "jan.vries@acme.nl" });
    const interim = hire(nmbrs, { lastName: "Tijdelijk", workEmail: "jan.tijdelijk@acme.nl" });
    hire(nmbrs, { lastName: "Stage", workEmail: "jan.stage@acme.nl", employeeTypeId: 2 }); // Nieuwe medewerker
    hire(nmbrs, { lastName: "Thuis", workEmail: null, privateEmail: "jan.thuis@gmail.com" });
    const noMail = hire(nmbrs, { lastName: "Zonder", workEmail: null });
    hire(nmbrs, { company: BETA_NMBRS, lastName: "Smit", workEmail: "jan.smit@beta.nl" });
    setManager(nmbrs, jan.employeeId, boss.employeeId);
    setManager(nmbrs, interim.employeeId, {
      number: 0,
      firstName: "Extern",
      name: "Interim Bureau",
      email: "manager@interim-bureau.nl",
      department: null,
      function: "Interim manager",
    });
    const { sync, okta, db } = await setUp(nmbrs, {
      managers: true,
      groups: { kinds: ["department", "function", "company", "employee_type"] },
    });

    expect((await sync("2026-01-10")).status).toBe("succeeded");
    expect(await okta.importUsers()).toMatchObject({ new: 6 });
    expect([...okta.directory.users.keys()].sort()).toEqual([
      "bea.baas@acme.nl",
      "jan.smit@beta.nl",
      "jan.stage@acme.nl",
      "jan.thuis@gmail.com",
      "jan.tijdelijk@acme.nl",
      "jan.vries@acme.nl",
    ]);
    const user = (login: string) => okta.directory.users.get(login)!;
    expect(user("jan.vries@acme.nl").profile.managerId).toBe(user("bea.baas@acme.nl").appUserId);
    expect(user("jan.tijdelijk@acme.nl").profile.managerId).toBeNull();
    expect(readProblems(db.sqlite, "acme").map((problem) => `${problem.kind} ${problem.sourceKey}`)).toEqual([
      `manager ${keyOf(interim)}`,
      `no_email ${keyOf(noMail)}`,
    ]);

    expect(await okta.importGroups()).toMatchObject({ unresolvedMembers: 0 });
    const groups = new Map(
      [...okta.directory.groups.values()].map((group) => [group.displayName, [...group.members].sort()]),
    );
    expect(groups.get("Directie")).toEqual(["bea.baas@acme.nl"]);
    expect(groups.get("Directeur")).toEqual(["bea.baas@acme.nl"]);
    expect(groups.get("Sales")).toEqual([
      "jan.smit@beta.nl",
      "jan.stage@acme.nl",
      "jan.thuis@gmail.com",
      "jan.tijdelijk@acme.nl",
      "jan.vries@acme.nl",
    ]);
    expect(groups.get("Beta Services BV")).toEqual(["jan.smit@beta.nl"]);
    expect(groups.get("Acme BV")).toHaveLength(5);
    expect(groups.get("Nieuwe medewerker")).toEqual(["jan.stage@acme.nl"]);
    expect(groups.get("Loondienst")).toHaveLength(5);
  });
});

describe("brakes that hold only the bad slice, seen from Okta", { timeout: SIMULATED_DAYS_TIMEOUT_MS }, () => {
  it("holds the deactivations of a company that returns half its people, while hires and leavers elsewhere reach Okta", async () => {
    const nmbrs = scenarioDataset();
    const acme = Array.from({ length: 60 }, (_, i) => hire(nmbrs, { lastName: `Acme${i}` }));
    const beta = Array.from({ length: 20 }, (_, i) =>
      hire(nmbrs, { company: BETA_NMBRS, lastName: `Beta${i}`, workEmail: `jan.beta${i}@beta.nl` }),
    );
    const { sync, okta, service, db } = await setUp(nmbrs, { hold_scope: "company" });
    await sync("2026-01-10");
    expect(await okta.importUsers()).toMatchObject({ new: 80 });

    // Hired first: the simulator numbers a new employee after the highest id, which removing would free.
    hire(nmbrs, { lastName: "Nieuw", workEmail: "jan.nieuw@acme.nl" });
    for (const gone of beta.slice(10)) removeEmployee(nmbrs, gone.employeeId);
    removeEmployee(nmbrs, acme[0]!.employeeId);
    const run = await sync("2026-01-11");
    expect(run).toMatchObject({ status: "succeeded", holds: { pending: 10, added: 10 } });
    expect(run.message).toContain("held for the companies over 10% (company 2: 10 of 20)");
    expect(await okta.importUsers()).toMatchObject({ new: 1, deactivated: 1, paused: false });
    expect(okta.directory.users.get("jan.nieuw@acme.nl")?.status).toBe("ACTIVE");
    expect(beta.map((_, i) => okta.directory.users.get(`jan.beta${i}@beta.nl`)?.status)).toEqual(
      beta.map(() => "ACTIVE"),
    );
    const holds = readHolds(db.sqlite, "acme");
    expect(holds.map((hold) => [hold.kind, hold.companyNumber, hold.status])).toEqual(
      Array.from({ length: 10 }, () => ["brake", "2", "pending"]),
    );

    // The next day's run holds the same people again without asking twice.
    expect((await sync("2026-01-12")).holds).toEqual({ pending: 10, added: 0 });
    expect(await okta.importUsers()).toMatchObject({ deactivated: 0, paused: false });

    const { applied } = service.decideHolds(
      "acme",
      { all: true, kind: "brake", companyNumber: "2" },
      "approved",
      "admin@acme.nl",
    );
    expect(await applied).toMatchObject({ status: "succeeded", holds: { pending: 0, added: 0 } });
    expect(await okta.importUsers()).toMatchObject({ deactivated: 10, paused: false });
  });

  it("keeps the account of a person whose e-mail vanishes, lists why, and lets everyone else through", async () => {
    const nmbrs = scenarioDataset();
    const jan = hire(nmbrs, { lastName: "Vries", workEmail: "jan.vries@acme.nl" });
    const piet = hire(nmbrs, { lastName: "Pieters", workEmail: "jan.pieters@acme.nl" });
    const { sync, okta, db } = await setUp(nmbrs, {});
    await sync("2026-01-10");
    expect(await okta.importUsers()).toMatchObject({ new: 2 });
    const before = okta.directory.users.get("jan.vries@acme.nl")!;

    setWorkEmail(nmbrs, jan.employeeId, null);
    assignFunction(nmbrs, piet.employeeId, { code: 2, description: "Teamleider" }, "2026-01-01");
    const run = await sync("2026-01-11");
    expect(run.holds).toEqual({ pending: 1, added: 1 });
    expect(await okta.importUsers()).toMatchObject({ updated: 1, deactivated: 0, unchanged: 1 });
    expect(okta.directory.users.get("jan.vries@acme.nl")).toEqual(before);
    expect(readHolds(db.sqlite, "acme")).toMatchObject([
      { kind: "no_email", sourceKey: keyOf(jan), status: "pending", detail: "no usable e-mail address (none in HR)" },
    ]);

    setWorkEmail(nmbrs, jan.employeeId, "jan.vries@acme.nl");
    expect((await sync("2026-01-12")).holds).toEqual({ pending: 0, added: 0 });
    expect(readHolds(db.sqlite, "acme")).toEqual([]);
  });
});
