import { afterEach, describe, expect, it } from "vitest";
import { saveTokens, storedTokensOf } from "../../src/connectors/nmbrs-tokens.js";
import { setManager } from "../../testkit/nmbrs-sim/dataset-mutations.js";
import { SIM_REST_CLIENT } from "../../testkit/nmbrs-sim/rest/rest-simulator.js";
import type { NmbrsSimulator } from "../../testkit/nmbrs-sim/soap/simulator.js";
import { NmbrsFault } from "../../src/sources/nmbrs/nmbrs-fault.js";
import { NMBRS_SCOPES } from "../../src/sources/nmbrs/rest/oauth-client.js";
import { createNmbrsRestSource } from "../../src/sources/nmbrs/rest/rest-source.js";
import type { HrSource } from "../../src/sources/types.js";
import { startTestGateway, type TestGateway } from "../e2e/harness.js";
import {
  bothApisConnector,
  connectToSimulator,
  staticTokens,
  TEST_REDIRECT_URI,
  tokensFromSimulator,
} from "../support/nmbrs-rest.js";
import { FETCH_ALL, SIM_TODAY, startSimulatedNmbrs, type SimulatedNmbrs } from "../support/nmbrs-sim.js";
import { TestClock } from "../support/sync-fixture.js";
import { useTempDir } from "../support/temp-dir.js";

/**
 * The REST source against the simulator answering as the live API does according to independent public clients
 * (issue #26, docs/nmbrs-rest-api.md): several debtors, scopes per endpoint, the list item's
 * shape, debtor-level managers, and paging links that carry only the page number.
 */
const tempDir = useTempDir();
let nmbrs: SimulatedNmbrs | undefined;
let gateway: TestGateway | undefined;
afterEach(async () => {
  await gateway?.close();
  await nmbrs?.sim.close();
  gateway = nmbrs = undefined;
});

const noWait = { now: () => 0, sleep: async () => {} };

async function restSourceFor(sim: NmbrsSimulator): Promise<HrSource> {
  const { accessToken } = await tokensFromSimulator(sim);
  return createNmbrsRestSource({
    apiUrl: sim.rest.apiUrl,
    subscriptionKey: sim.rest.subscriptionKey,
    tokens: staticTokens(accessToken),
    timer: noWait,
    retryBaseDelayMs: 1,
  });
}

/** What the gateway asked for before employee.orgstructure.read. */
const OLD_SCOPES = ["company.info.read", "employee.info.read", "employee.employment.read", "offline_access"];

async function failure(read: Promise<unknown>): Promise<NmbrsFault> {
  const error = await read.then(
    () => expect.fail("the read should have failed"),
    (failed: unknown) => failed,
  );
  expect(error).toBeInstanceOf(NmbrsFault);
  return error as NmbrsFault;
}

describe("the Nmbrs REST API as it answers in the wild", () => {
  it("syncs every company of every debtor when Nmbrs answers /api/companies with 403 ForbiddenMultiDebtor.", async () => {
    nmbrs = await startSimulatedNmbrs({ companies: 7, employeesPerCompany: 4 }); // 5 + 2 companies: two debtors
    const rest = await restSourceFor(nmbrs.sim);
    const companies = await rest.listCompanies();
    const soapCompanies = await nmbrs.source().listCompanies();
    expect(companies.map((company) => company.number).sort()).toEqual(
      soapCompanies.map((company) => company.number).sort(),
    );
    expect(nmbrs.sim.rest.stats.callsTo("debtors")).toBe(1);
    expect(nmbrs.sim.rest.stats.callsTo("debtor-companies")).toBe(2);
    const secondDebtors = companies.find((company) => company.number === "7")!;
    expect(await rest.fetchCompany(secondDebtors, FETCH_ALL)).toHaveLength(4);
  });

  it("asks for employee.orgstructure.read, and names that scope when a connection lacks it", async () => {
    expect(NMBRS_SCOPES).toContain("employee.orgstructure.read");
    nmbrs = await startSimulatedNmbrs({ companies: 1, employeesPerCompany: 3 });
    const { accessToken } = await tokensFromSimulator(nmbrs.sim, TEST_REDIRECT_URI, OLD_SCOPES);
    const rest = createNmbrsRestSource({
      apiUrl: nmbrs.sim.rest.apiUrl,
      subscriptionKey: nmbrs.sim.rest.subscriptionKey,
      tokens: staticTokens(accessToken),
      timer: noWait,
    });
    const [company] = await rest.listCompanies();
    const fault = await failure(rest.fetchCompany(company!, FETCH_ALL));
    expect(fault.message).toContain("employee.orgstructure.read");
    expect(fault.details.needsAttention).toBe(true);
  });

  it("fails a run on a connection made without employee.orgstructure.read once, naming the scope, before calling Nmbrs", async () => {
    const clock = new TestClock(new Date(`${SIM_TODAY}T08:00:00Z`));
    nmbrs = await startSimulatedNmbrs({ companies: 3, employeesPerCompany: 3 });
    const { sim } = nmbrs;
    gateway = await startTestGateway({
      dir: tempDir(),
      clock: clock.now,
      connectors: [bothApisConnector(sim, "nmbrs-rest")],
    });
    const tokens = await tokensFromSimulator(sim, TEST_REDIRECT_URI, OLD_SCOPES);
    saveTokens(
      gateway.registry,
      "acme",
      storedTokensOf(tokens, {
        clientId: SIM_REST_CLIENT.clientId,
        identityUrl: sim.rest.identityUrl,
        now: clock.now(),
        connectedBy: "beheer",
      }),
    );
    const outcome = await gateway.sync.runNow("acme", "manual");
    expect(outcome.status).toBe("failed");
    expect(outcome.message.match(/employee\.orgstructure\.read/g)).toHaveLength(1);
    expect(outcome.message).toContain('"Connect to Nmbrs"');
    expect(sim.rest.stats.callsTo("companies")).toBe(0);
  });

  it("keeps a manager without e-mail linked by the manager's number", async () => {
    nmbrs = await startSimulatedNmbrs({ companies: 1, employeesPerCompany: 6 });
    const [subordinate, boss] = nmbrs.dataset.employees;
    setManager(nmbrs.dataset, subordinate!.employeeId, {
      number: boss!.employeeNumber,
      firstName: "Ria",
      name: "Bos",
      email: null,
      department: null,
      function: null,
    });
    const rest = await restSourceFor(nmbrs.sim);
    const [company] = await rest.listCompanies();
    const persons = await rest.fetchCompany(company!, { ...FETCH_ALL, managers: true });
    const person = persons.find((candidate) => candidate.employeeNumber === String(subordinate!.employeeNumber))!;
    expect(person.manager).toEqual({ email: null, employeeNumber: String(boss!.employeeNumber), name: "Ria Bos" });
  });

  it("keeps someone listed but missing from personal info, from the list's employeeBasicInfo, instead of failing the company", async () => {
    nmbrs = await startSimulatedNmbrs({ companies: 1, employeesPerCompany: 5 });
    const listedOnly = nmbrs.dataset.employees[2]!;
    listedOnly.personalInfo = [];
    const rest = await restSourceFor(nmbrs.sim);
    const [company] = await rest.listCompanies();
    const persons = await rest.fetchCompany(company!, FETCH_ALL);
    expect(persons).toHaveLength(5);
    const person = persons.find((candidate) => candidate.employeeNumber === String(listedOnly.employeeNumber))!;
    // No e-mail: the sync holds this person and Okta keeps what it saw (docs/holds.md).
    expect(person).toMatchObject({
      workEmail: null,
      privateEmail: null,
      birthDate: null,
      periods: expect.arrayContaining([expect.objectContaining({ kind: "employment" })]),
    });
    expect(person.employeeType).not.toBeNull();
  });

  it("holds a served person whose personal info goes missing, and Okta keeps seeing them as before", async () => {
    const clock = new TestClock(new Date(`${SIM_TODAY}T08:00:00Z`));
    nmbrs = await startSimulatedNmbrs({ companies: 1, employeesPerCompany: 8 });
    gateway = await startTestGateway({
      dir: tempDir(),
      clock: clock.now,
      connectors: [bothApisConnector(nmbrs.sim, "nmbrs-rest")],
    });
    await connectToSimulator(gateway.registry, "acme", nmbrs.sim, clock.now);
    expect((await gateway.sync.runNow("acme", "manual")).status).toBe("succeeded");
    const served = (db: TestGateway["db"]) =>
      db.sqlite
        .prepare("SELECT body FROM scim_resources WHERE resource_type = 'User' AND gen_to IS NULL ORDER BY scim_id")
        .pluck()
        .all() as string[];
    const before = served(gateway.db);
    const listedOnly = nmbrs.dataset.employees.find((employee) => {
      const email = employee.personalInfo.at(-1)?.emailWork;
      return email && before.some((body) => body.includes(email));
    })!;
    listedOnly.personalInfo = [];
    expect((await gateway.sync.runNow("acme", "manual")).status).toBe("succeeded");
    expect(served(gateway.db)).toEqual(before);
    expect(
      gateway.db.sqlite.prepare("SELECT kind FROM person_holds WHERE connector_id = 'acme'").pluck().all(),
    ).toEqual(["no_email"]);
  });

  it("keeps its page size on every page although Nmbrs' nextPage links carry only ?pageNumber=N", async () => {
    nmbrs = await startSimulatedNmbrs({ companies: 1, employeesPerCompany: 250 });
    const rest = await restSourceFor(nmbrs.sim);
    const [company] = await rest.listCompanies();
    const persons = await rest.fetchCompany(company!, FETCH_ALL);
    expect(new Set(persons.map((person) => person.sourceKey)).size).toBe(250);
    for (const endpoint of ["employees", "personalinfo", "functions"])
      expect({ endpoint, calls: nmbrs.sim.rest.stats.callsTo(endpoint) }).toEqual({ endpoint, calls: 3 });
  });
});
