import { ENTERPRISE_USER as ENTERPRISE } from "../../src/directory/schema-urns.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { AfasDataset } from "../../testkit/afas-sim/dataset.js";
import type { AfasFault } from "../../testkit/afas-sim/faults.js";
import { castRole, generateAfasDataset } from "../../testkit/afas-sim/generator.js";
import { moveToEmployer, removeMedewerker } from "../../testkit/afas-sim/mutations.js";
import { startAfasToOkta, type AfasToOkta } from "../support/afas-to-okta.js";
import {
  activeInWindow,
  DAY_1,
  DAY_2,
  expectFailedRunKeepsDirectory,
  expectMoveKeepsScimId,
  FAILED_RUN_TIMEOUT_MS,
  WINDOW_SETTINGS,
} from "../support/source-to-okta.js";
import { useFileTempDir } from "../support/temp-dir.js";

const tempDir = useFileTempDir();

let dataset: AfasDataset;
let chain: AfasToOkta;

beforeAll(async () => {
  dataset = generateAfasDataset({ employers: 3, employeesPerEmployer: 40, today: DAY_1 });
  chain = await startAfasToOkta(tempDir(), dataset, {
    ...WINDOW_SETTINGS,
    managers: true,
    groups: { kinds: ["department", "company", "function"] },
  });
  await chain.firstImport(DAY_1);
});
afterAll(() => chain.close());
afterEach(() => chain.sim.faults.clear());

/** userName as a connector from config.toml takes it: the work address, else the private one. */
function userNameOf(medewerker: string): string {
  const row = dataset.employees.find((candidate) => candidate.Medewerker === medewerker);
  return String(row?.Email_werk ?? row?.Email_prive);
}

/** Medewerkers the lifecycle makes active on `today`: a contract whose window (start − before, end + after) holds it. */
function activeOn(today: string): Set<string> {
  const employees = new Set(dataset.employees.map((row) => row.Medewerker));
  const active = new Set<string>();
  for (const row of dataset.employments) {
    const start = String(row.Begindatum_contract).slice(0, 10);
    const end = row.Einddatum_contract === null ? null : String(row.Einddatum_contract).slice(0, 10);
    if (activeInWindow(today, start, end) && employees.has(row.Medewerker)) active.add(String(row.Medewerker));
  }
  return active;
}

describe("AFAS Profit to Okta", () => {
  it("the whole cast reaches Okta as the lifecycle says", () => {
    const expected = [...activeOn(DAY_1)].map(userNameOf).sort();
    const active = chain.activeLogins();
    expect(active).toEqual(expected);
    // The cast has every kind of life, so the check above covers pre-hires inside days_before and recent leavers.
    expect(expected.length).toBeGreaterThan(60);
    expect(active).not.toContain(userNameOf("999999"));
  });

  it("org units, employers and functions arrive as Okta groups", () => {
    const groups = [...chain.okta.directory.groups.values()].map((group) => group.displayName);
    expect(groups).toEqual(
      expect.arrayContaining(["Wijkteam Zuid", "Zorggroep De Linde B.V.", "Thuiszorg ’t Anker B.V."]),
    );
  });

  it("a manager found up the org tree reaches Okta as the manager's SCIM id", async () => {
    // Wijkteam Zuid has no manager of its own: its people report to the manager of Zorg, one level up.
    const index = dataset.employees.findIndex(
      (row, i) => i >= 7 && i % 6 === 1 && i % 7 !== 0 && castRole(i) === "employee" && row.Email_werk !== null,
    );
    const member = await chain.okta.findUserByUserName(userNameOf(String(dataset.employees[index]?.Medewerker)));
    const zorgManager = dataset.orgUnits.find((unit) => unit.Organisatorische_eenheid === "ZORG")?.OE_leidinggevende;
    const manager = await chain.okta.findUserByUserName(userNameOf(String(zorgManager)));
    expect(manager?.id).toMatch(/.+/);
    expect(member?.[ENTERPRISE]).toMatchObject({ department: "Wijkteam Zuid", manager: { value: manager?.id } });
  });

  it.each([
    ["a 500", { kind: 500 }],
    ["garbage instead of JSON", { kind: "garbage" }],
    ["a 503 for a long maintenance", { kind: 503, retryAfterSeconds: 7200 }],
  ] as [string, AfasFault][])(
    "%s fails the run loudly and leaves the directory unchanged",
    async (_case, fault) => {
      const outcome = await expectFailedRunKeepsDirectory(chain, DAY_1, () =>
        chain.sim.faults.add({ target: "HRGateway_Employees", fault }),
      );
      expect(outcome.message).toMatch(/AFAS/);
    },
    FAILED_RUN_TIMEOUT_MS,
  );

  it("a field missing from a GetConnector fails the run naming it, directory unchanged", async () => {
    try {
      const outcome = await expectFailedRunKeepsDirectory(chain, DAY_1, () =>
        chain.sim.removedFields.set("HRGateway_OrgUnits", new Set(["OE_leidinggevende"])),
      );
      expect(outcome.message).toContain("HRGateway_OrgUnits lacks OE_leidinggevende (needed because managers = true)");
    } finally {
      chain.sim.removedFields.clear();
    }
  });

  it("a deletion in Profit while the gateway pages loses nobody else", async () => {
    const victim = String(dataset.employees[20]?.Medewerker);
    const others = [...activeOn(DAY_1)].filter((code) => code !== victim).map(userNameOf);
    chain.sim.afterPage = (connector, skip) => {
      if (connector === "HRGateway_Employees" && skip === 49) removeMedewerker(dataset, victim);
    };
    try {
      const outcome = await chain.sync(DAY_1);
      expect(outcome.status, outcome.message).toBe("succeeded");
    } finally {
      chain.sim.afterPage = null;
    }
    await chain.okta.importUsers();
    const active = new Set(chain.activeLogins());
    expect(others.filter((login) => !active.has(login))).toEqual([]);
    expect(
      chain.sim.requests.filter(
        (request) => request.path === "connectors/HRGateway_Employees" && request.query.get("skip") === "0",
      ).length,
    ).toBeGreaterThan(1);
  });

  it("a person moving to another employer keeps the SCIM id and changes organisation", async () => {
    const index = dataset.employees.findIndex(
      (row, i) =>
        i >= 7 && castRole(i) === "employee" && row.Email_werk !== null && activeOn(DAY_1).has(String(row.Medewerker)),
    );
    const medewerker = String(dataset.employees[index]?.Medewerker);
    const login = userNameOf(medewerker);
    const before = await expectMoveKeepsScimId(
      chain,
      login,
      [
        { code: "01", name: "Zorggroep De Linde B.V." },
        { code: "02", name: "Thuiszorg ’t Anker B.V." },
      ],
      (target) => moveToEmployer(dataset, medewerker, target, DAY_2),
    );
    expect(chain.okta.directory.users.get(login)?.appUserId).toBe(before?.id);
  });
});
