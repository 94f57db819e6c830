import { ENTERPRISE_USER as ENTERPRISE } from "../../src/directory/schema-urns.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { SimRecord, YouforceDataset } from "../../testkit/youforce-sim/dataset.js";
import type { YouforceFault } from "../../testkit/youforce-sim/faults.js";
import { generateYouforceDataset, ORG_TREE, personIdOf, youforceRole } from "../../testkit/youforce-sim/generator.js";
import { moveToCompany } from "../../testkit/youforce-sim/mutations.js";
import { startYouforceToOkta, type YouforceToOkta } from "../support/youforce-to-okta.js";
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

let dataset: YouforceDataset;
let chain: YouforceToOkta;

beforeAll(async () => {
  dataset = generateYouforceDataset({ companies: 3, personsPerCompany: 40, today: DAY_1 });
  chain = await startYouforceToOkta(tempDir(), dataset, {
    ...WINDOW_SETTINGS,
    managers: true,
    groups: { kinds: ["department", "company", "function"] },
  });
  await chain.firstImport(DAY_1);
}, 60_000);
afterAll(() => chain.close());
afterEach(() => {
  chain.sim.faults.clear();
  chain.sim.personLayer = true;
});

const isOpen = (value: unknown) => value === undefined || String(value) >= "9999";
const day = (value: unknown) => (isOpen(value) ? null : String(value).slice(0, 10));

/** The person's version valid on `today` (the cast has no overlapping versions). */
function personOn(personCode: string, today: string): SimRecord | undefined {
  return dataset.records.persons.find(
    (record) =>
      record.personCode === personCode &&
      record.validFrom <= today &&
      (isOpen(record.validUntil) || today <= String(record.validUntil)),
  );
}

/** userName as a connector from config.toml takes it: the Business address, else the private one. */
function userNameOf(personCode: string, today = DAY_1): string {
  const addresses = (personOn(personCode, today)?.emailAddresses ?? []) as { type: string; address: string }[];
  const of = (type: string) => addresses.find((entry) => entry.type.toLowerCase() === type)?.address;
  return String(of("business") ?? of("private"));
}

/** Persons the lifecycle makes active on `today`: an employment (today's version) whose window holds it. */
function activeOn(today: string): Set<string> {
  const persons = new Set(dataset.records.persons.map((record) => String(record.personCode)));
  const active = new Set<string>();
  for (const employment of dataset.records.employments) {
    if (!isOpen(employment.validUntil) || !persons.has(String(employment.personCode))) continue;
    const start = String(employment.hireDate).slice(0, 10);
    const end = day(employment.dischargeDate);
    if (activeInWindow(today, start, end)) active.add(String(employment.personCode));
  }
  return active;
}

describe("Visma Youforce to Okta", () => {
  it("the whole cast reaches Okta as the lifecycle says, as Nmbrs and AFAS people do", () => {
    const expected = [...activeOn(DAY_1)].map((code) => userNameOf(code)).sort();
    expect(chain.activeLogins()).toEqual(expected);
    // The cast has every kind of life, so the check covers pre-hires inside days_before and recent leavers.
    expect(expected.length).toBeGreaterThan(80);
    expect(expected.length).toBeLessThan(120);
  });

  it("names, the primary company, department and function arrive as generated, today's versions winning", async () => {
    const index = [...Array(120).keys()].find((i) => i >= 7 && youforceRole(i) === "renamed" && i % 9 !== 8) as number;
    const code = String(index + 1).padStart(6, "0");
    const user = await chain.okta.findUserByUserName(userNameOf(code));
    const today = personOn(code, DAY_1);
    const name = user?.name as { givenName?: string } | undefined;
    expect(name?.givenName).toBe(today?.knownAs);
    expect(String(name?.givenName)).not.toMatch(/-Oud$/);
    expect(user?.[ENTERPRISE]).toMatchObject({ employeeNumber: code });
  });

  it("org units, companies and job profiles arrive as Okta groups", () => {
    const groups = [...chain.okta.directory.groups.values()].map((group) => group.displayName);
    expect(groups).toEqual(
      expect.arrayContaining(["Team Jeugd", "Gemeente Rivierstad", "Zorgcentrum De Wilg", "Software-ontwikkelaar"]),
    );
  });

  it("a manager found up the org tree reaches Okta as the manager's SCIM id", async () => {
    // Team Jeugd has no manager of its own: its people report to the manager of Sociaal Domein, one level up.
    const jeugd = ORG_TREE.find((unit) => unit.code === "SD-JZ")?.id;
    const member = dataset.records.employments.find(
      (employment) =>
        employment.organizationUnit === jeugd &&
        isOpen(employment.dischargeDate) &&
        activeOn(DAY_1).has(String(employment.personCode)) &&
        (personOn(String(employment.personCode), DAY_1)?.emailAddresses as unknown[]).length > 0,
    );
    const sd = ORG_TREE.find((unit) => unit.code === "SD");
    const managerCode = dataset.records.persons.find(
      (record) => record.id === personIdOf(sd?.manager as number),
    )?.personCode;
    const user = await chain.okta.findUserByUserName(userNameOf(String(member?.personCode)));
    const manager = await chain.okta.findUserByUserName(userNameOf(String(managerCode)));
    expect(manager?.id).toMatch(/.+/);
    expect(user?.[ENTERPRISE]).toMatchObject({ department: "Team Jeugd", manager: { value: manager?.id } });
  });

  it.each([
    ["a 500", "employments", { kind: 500 }, /HTTP 500/],
    ["a 429 storm", "persons", { kind: 429 }, /429/],
    ["garbage instead of JSON", "organizationUnits", { kind: "garbage" }, /unreadable answer/],
    ["a revoked app (every token refused)", "persons", { kind: 401 }, /fresh token/],
    [
      "the tenant's access withdrawn at the token endpoint",
      "token",
      { kind: "token-error", error: "invalid_client" },
      /invalid_client/,
    ],
  ] as [string, string, YouforceFault, RegExp][])(
    "%s fails the run loudly and leaves the directory unchanged",
    async (_case, target, fault, message) => {
      const outcome = await expectFailedRunKeepsDirectory(chain, DAY_1, () => {
        chain.sim.faults.add({ target, fault });
        if (target === "token") chain.sim.revokeTokens();
      });
      expect(outcome.message).toMatch(/Youforce|Visma Connect/);
      expect(outcome.message).toMatch(message);
    },
    FAILED_RUN_TIMEOUT_MS,
  );

  it("an expired token is replaced once and the run succeeds", async () => {
    // Each run is a sync process with its own token cache, as in production: the run asks for one token, once.
    // Renewing a token refused in the middle of a read: unit/sources/youforce/http/youforce-client.test.ts.
    chain.sim.revokeTokens();
    const tokens = chain.sim.tokensIssued;
    const outcome = await chain.sync(DAY_1);
    expect(outcome.status, outcome.message).toBe("succeeded");
    expect(chain.sim.tokensIssued).toBe(tokens + 1);
  });

  it("the Person layer switched off fails the run naming it, directory unchanged", async () => {
    const outcome = await expectFailedRunKeepsDirectory(chain, DAY_1, () => {
      chain.sim.personLayer = false;
    });
    expect(outcome.message).toContain("Person layer");
  });

  it("a person moving to another company keeps the SCIM id and changes organisation", async () => {
    const index = [...Array(120).keys()].find(
      (i) =>
        i >= 7 && youforceRole(i) === "employee" && i % 9 !== 8 && activeOn(DAY_1).has(String(i + 1).padStart(6, "0")),
    ) as number;
    const code = String(index + 1).padStart(6, "0");
    await expectMoveKeepsScimId(
      chain,
      userNameOf(code),
      [
        { code: "RS01", name: "Gemeente Rivierstad" },
        { code: "RS02", name: "Zorgcentrum De Wilg" },
      ],
      (target) => moveToCompany(dataset, code, target.code, DAY_2),
    );
  });
});
