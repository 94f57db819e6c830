import { ENTERPRISE_USER as ENTERPRISE } from "../../src/directory/schema-urns.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { allEmployees, employmentsOf, type LoketDataset, type WireRecord } from "../../testkit/loket-sim/dataset.js";
import type { LoketFault } from "../../testkit/loket-sim/faults.js";
import { generateLoketDataset, loketRole } from "../../testkit/loket-sim/generator.js";
import { startLoketToOkta, type LoketToOkta } from "../support/loket-to-okta.js";
import {
  activeInWindow,
  DAY_1,
  expectFailedRunKeepsDirectory,
  FAILED_RUN_TIMEOUT_MS,
  WINDOW_SETTINGS,
} from "../support/source-to-okta.js";
import { useFileTempDir } from "../support/temp-dir.js";

const tempDir = useFileTempDir();

let dataset: LoketDataset;
let chain: LoketToOkta;

beforeAll(async () => {
  dataset = generateLoketDataset({ employers: 3, employeesPerEmployer: 40, today: DAY_1 });
  chain = await startLoketToOkta(tempDir(), dataset, {
    ...WINDOW_SETTINGS,
    groups: { kinds: ["department", "company", "function", "cost_center"] },
  });
  await chain.firstImport(DAY_1);
});
afterAll(() => chain.close());
afterEach(() => chain.sim.faults.clear());

type Contact = { emailAddress: string | null; businessEmailAddress: string | null };

/** userName as the default identity rules take it: the business address, else the private one. */
function userNameOf(employee: WireRecord): string {
  const contact = employee.contactInformation as Contact;
  return String(contact.businessEmailAddress ?? contact.emailAddress);
}

/** Employees the lifecycle makes active on `today`: an employment whose window (start − before, end + after) holds it. */
function activeOn(today: string): Set<string> {
  const active = new Set<string>();
  for (const { employer, employee } of allEmployees(dataset)) {
    for (const employment of employmentsOf(employer, employee.id)) {
      const start = String(employment.startDate);
      const end = employment.endDate === null ? null : String(employment.endDate);
      if (activeInWindow(today, start, end)) active.add(userNameOf(employee));
    }
  }
  return active;
}

describe("Loket to Okta", () => {
  it("the whole cast reaches Okta as the lifecycle says", () => {
    const expected = [...activeOn(DAY_1)].sort();
    expect(chain.activeLogins()).toEqual(expected);
    // Every kind of life is in the cast, so this covers pre-hires inside days_before, recent leavers and rehires.
    expect(expected.length).toBeGreaterThan(80);
  });

  it("a Loket person is served as any HR source's person: names in Dutch order, addresses, organisation", async () => {
    const employer = dataset.employers[0]!;
    const index = employer.employees.findIndex(
      (employee, i) =>
        ["employee", "promoted"].includes(loketRole(i)) &&
        (employee.personalDetails as { howToFormatLastName: { key: number } }).howToFormatLastName.key === 2 &&
        (employee.personalDetails as { lastNamePartner: string | null }).lastNamePartner !== null &&
        (employee.contactInformation as Contact).businessEmailAddress !== null,
    );
    const employee = employer.employees[index]!;
    const personal = employee.personalDetails as Record<string, string | null>;
    const contact = employee.contactInformation as Contact;
    const line = dataset.orgEntities.get(employmentsOf(employer, employee.id)[0]!.id)![0]!;
    const own = [personal.prefix || null, personal.lastName].filter(Boolean).join(" ");
    const partner = [personal.prefixPartner, personal.lastNamePartner].filter(Boolean).join(" ");
    const user = await chain.okta.findUserByUserName(userNameOf(employee));
    expect(user).toMatchObject({
      userName: contact.businessEmailAddress,
      active: true,
      name: { givenName: personal.firstName, familyName: `${own}-${partner}` },
      emails: expect.arrayContaining([expect.objectContaining({ value: contact.businessEmailAddress, type: "work" })]),
      [ENTERPRISE]: {
        employeeNumber: String(employee.employeeNumber),
        organization: employer.record.companyName,
        department: (line.department as { description: string }).description,
      },
    });
  });

  it("someone with only a private address signs in with it, served as type home", async () => {
    const employer = dataset.employers[0]!;
    const employee = employer.employees[5]!;
    expect((employee.contactInformation as Contact).businessEmailAddress).toBeNull();
    const user = await chain.okta.findUserByUserName(userNameOf(employee));
    expect(user?.emails).toEqual([expect.objectContaining({ value: userNameOf(employee), type: "home" })]);
  });

  it("departments, employers, functions and cost centres arrive as Okta groups", () => {
    const groups = [...chain.okta.directory.groups.values()].map((group) => group.displayName);
    expect(groups).toEqual(
      expect.arrayContaining(["Verkoop", "Bakker & Zonen B.V.", "Café ’t Hoekje V.O.F.", "Algemeen"]),
    );
  });

  it.each([
    ["a 500", "employments", { kind: 500 }, /Loket is unavailable: HTTP 500/],
    ["a 429 storm", "organizationalentities", { kind: 429, retryAfterSeconds: 1 }, /Loket is unavailable: HTTP 429/],
    ["garbage instead of JSON", "employees", { kind: "garbage" }, /unreadable answer.*not a JSON object/],
  ] as [string, "employments", LoketFault, RegExp][])(
    "%s fails the run loudly and leaves the directory unchanged",
    async (_case, target, fault, message) => {
      const outcome = await expectFailedRunKeepsDirectory(chain, DAY_1, () => chain.sim.faults.add({ target, fault }));
      expect(outcome.message).toMatch(message);
    },
    FAILED_RUN_TIMEOUT_MS,
  );

  it("a revoked token (401 after the renewal) fails the run asking to connect again, directory unchanged", async () => {
    try {
      const outcome = await expectFailedRunKeepsDirectory(chain, DAY_1, () => chain.sim.tokens.revokeAll());
      expect(outcome.message).toContain("Connect to Loket");
      expect(outcome.message).not.toMatch(/loket-sim-/);
    } finally {
      chain.connect();
    }
    const again = await chain.sync(DAY_1);
    expect(again.status, again.message).toBe("succeeded");
  });

  it("without a consent the run fails with not connected, directory unchanged", async () => {
    try {
      const outcome = await expectFailedRunKeepsDirectory(chain, DAY_1, () =>
        chain.registry.changeSecrets("acme", ({ loketTokens: _gone, ...rest }) => rest),
      );
      expect(outcome.message).toContain("Not connected to Loket yet");
    } finally {
      chain.connect();
    }
  });
});
