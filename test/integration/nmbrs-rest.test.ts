import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RestFault } from "../../testkit/nmbrs-sim/rest/rest-handler.js";
import { NmbrsFault } from "../../src/sources/nmbrs/nmbrs-fault.js";
import type { Timer } from "../../src/sources/nmbrs/http/rate-limiter.js";
import { createNmbrsRestSource, type NmbrsRestSourceOptions } from "../../src/sources/nmbrs/rest/rest-source.js";
import type { HrPerson, HrSource } from "../../src/sources/types.js";
import { staticTokens, tokensFromSimulator } from "../support/nmbrs-rest.js";
import { FETCH_ALL, SIM_TODAY, startSimulatedNmbrs, type SimulatedNmbrs } from "../support/nmbrs-sim.js";

/**
 * The REST source against the simulator's REST API: the same people as over SOAP, every page read, throttling and
 * Nmbrs' error answers handled. The access token comes from a real consent at the simulator.
 */
let nmbrs: SimulatedNmbrs;
let accessToken: string;

beforeAll(async () => {
  nmbrs = await startSimulatedNmbrs({ companies: 3, employeesPerCompany: 40 });
  accessToken = (await tokensFromSimulator(nmbrs.sim)).accessToken;
});
afterAll(() => nmbrs.sim.close());
afterEach(() => {
  nmbrs.sim.rest.faults.clear();
  nmbrs.sim.rest.stats.reset();
});

/** Waits are recorded, not slept; the timer moves by what was waited, so the rate limiter sees time pass. */
function recordingTimer(): Timer & { slept: number[] } {
  let now = 0;
  const slept: number[] = [];
  return { slept, now: () => now, sleep: async (ms) => void (slept.push(ms), (now += ms)) };
}

function restSource(overrides: Partial<NmbrsRestSourceOptions> = {}): HrSource {
  return createNmbrsRestSource({
    apiUrl: nmbrs.sim.rest.apiUrl,
    subscriptionKey: nmbrs.sim.rest.subscriptionKey,
    tokens: staticTokens(accessToken),
    timer: recordingTimer(),
    retryBaseDelayMs: 1,
    ...overrides,
  });
}

function withFault(fault: RestFault, rule: { operation?: string; times?: number } = {}): void {
  nmbrs.sim.rest.faults.add({ operation: "functions", ...rule, fault });
}

async function readFailure(read: Promise<unknown>): Promise<NmbrsFault> {
  const error = await read.then(
    () => expect.fail("the read should have failed"),
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(NmbrsFault);
  return error as NmbrsFault;
}

/** A person without what differs between the APIs by design: the source's own ids, and the display name REST lacks. */
function apiNeutral(person: HrPerson): unknown {
  return { ...person, sourceKey: undefined, displayName: undefined, company: { ...person.company, id: undefined } };
}

describe("reading Nmbrs over REST", () => {
  it("reads every company and person exactly as the SOAP source does, managers and cost centers included", async () => {
    const rest = restSource();
    const soap = nmbrs.source();
    const options = { ...FETCH_ALL, managers: true, costCenters: true };
    const restCompanies = await rest.listCompanies();
    const soapCompanies = await soap.listCompanies();
    expect(restCompanies.map((company) => [company.number, company.name])).toEqual(
      soapCompanies.map((company) => [company.number, company.name]),
    );
    expect(restCompanies.every((company) => /^[0-9a-f-]{36}$/.test(company.id))).toBe(true);
    for (const [index, company] of restCompanies.entries()) {
      const byNumber = (persons: HrPerson[]) =>
        persons.map(apiNeutral).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
      const overRest = await rest.fetchCompany(company, options);
      expect(overRest.every((person) => /^[0-9a-f-]{36}$/.test(person.sourceKey))).toBe(true);
      expect(byNumber(overRest)).toEqual(byNumber(await soap.fetchCompany(soapCompanies[index]!, options)));
    }
  });

  it("follows the pages to the end, so calls grow with pages and not with employees (1,000 employees, pages of 100)", async () => {
    const big = await startSimulatedNmbrs({ companies: 1, employeesPerCompany: 1000 });
    try {
      const token = (await tokensFromSimulator(big.sim)).accessToken;
      const source = createNmbrsRestSource({
        apiUrl: big.sim.rest.apiUrl,
        subscriptionKey: big.sim.rest.subscriptionKey,
        tokens: staticTokens(token),
        timer: recordingTimer(),
      });
      const [company] = await source.listCompanies();
      const persons = await source.fetchCompany(company!, { ...FETCH_ALL, managers: true });
      expect(new Set(persons.map((person) => person.sourceKey)).size).toBe(1000);
      for (const endpoint of [
        "employees",
        "personalinfo",
        "employments",
        "contracts",
        "functions",
        "departments",
        "managers",
      ]) {
        expect({ endpoint, calls: big.sim.rest.stats.callsTo(endpoint) }).toEqual({ endpoint, calls: 10 });
      }
      expect(source.stats.calls).toBe(1 + 7 * 10);
    } finally {
      await big.sim.close();
    }
  });

  it.each([
    ["seconds", "1", 1000],
    ["an HTTP date", () => new Date(Date.now() + 3000).toUTCString(), 1000],
  ] as const)("waits as long as a 429's Retry-After says (%s), then carries on", async (_form, retryAfter, atLeast) => {
    const timer = recordingTimer();
    withFault(
      {
        kind: "problem",
        status: 429,
        retryAfter: typeof retryAfter === "function" ? retryAfter() : retryAfter,
        detail: "Rate limit is exceeded.",
      },
      { times: 1 },
    );
    const source = restSource({ timer });
    const [company] = await source.listCompanies();
    expect((await source.fetchCompany(company!, FETCH_ALL)).length).toBe(40);
    expect(Math.max(...timer.slept)).toBeGreaterThanOrEqual(atLeast - 50);
    expect(Math.max(...timer.slept)).toBeLessThanOrEqual(3000);
  });

  it("retries a 503 with backoff when Nmbrs gives no Retry-After", async () => {
    withFault({ kind: "problem", status: 503 }, { times: 2 });
    const source = restSource();
    const [company] = await source.listCompanies();
    expect((await source.fetchCompany(company!, FETCH_ALL)).length).toBe(40);
    expect(nmbrs.sim.rest.stats.callsTo("functions")).toBe(3);
  });

  it("stops the run instead of sitting out a Retry-After of an hour", async () => {
    withFault({ kind: "problem", status: 429, retryAfter: "3600" });
    const source = restSource();
    const [company] = await source.listCompanies();
    const fault = await readFailure(source.fetchCompany(company!, FETCH_ALL));
    expect(fault.message).toMatch(/asked to wait 3600 s.*next scheduled run/);
    expect(nmbrs.sim.rest.stats.callsTo("functions")).toBe(1);
  });

  it("turns a problem+json answer into an error the admin can act on, naming call and company", async () => {
    withFault({
      kind: "problem",
      status: 403,
      title: "Forbidden",
      detail: "The user has no access to this company.",
      code: "CompanyAccessDenied",
    });
    const source = restSource();
    const [company] = await source.listCompanies();
    const fault = await readFailure(source.fetchCompany(company!, FETCH_ALL));
    expect(fault).toMatchObject({ code: "CompanyAccessDenied", company: "1", details: { needsAttention: true } });
    expect(fault.message).toContain("GET /api/companies/{companyId}/employees/functions (company 1)");
    expect(fault.message).toContain("The user has no access to this company. (code CompanyAccessDenied");
    expect(fault.message).toContain("lacks the scope employee.orgstructure.read");
  });

  it("tells a refused subscription key from a refused token, and never retries or renews for it", async () => {
    const tokens = staticTokens(accessToken);
    const fault = await readFailure(restSource({ subscriptionKey: "not-the-key", tokens }).listCompanies());
    expect(fault).toMatchObject({ code: "subscription-key", details: { needsAttention: true } });
    expect(fault.message).toContain("developer.payroll.nmbrs.com/profile");
    expect(fault.message).not.toContain("not-the-key");
    expect(tokens.renewals).toBe(0);
  });

  it("renews the access token once when Nmbrs refuses it, and fails if the new one is refused too", async () => {
    withFault({ kind: "invalid-token" }, { operation: "companies", times: 1 });
    const tokens = staticTokens(accessToken);
    expect(await restSource({ tokens }).listCompanies()).toHaveLength(3);
    expect(tokens.renewals).toBe(1);

    const revoked = staticTokens("a-token-nmbrs-never-issued");
    const fault = await readFailure(restSource({ tokens: revoked }).listCompanies());
    expect(fault).toMatchObject({ code: "invalid_token", details: { needsAttention: true } });
    expect(revoked.renewals).toBe(1);
  });

  it("fails a company whose answer is not JSON, without serving part of it", async () => {
    withFault({ kind: "garbage" });
    const source = restSource();
    const [company] = await source.listCompanies();
    const fault = await readFailure(source.fetchCompany(company!, FETCH_ALL));
    expect(fault.code).toBe("unreadable-json");
  });

  it("reads people as of the day asked, like SOAP (a function change next month is not current yet)", async () => {
    const source = restSource();
    const [company] = await source.listCompanies();
    const today = await source.fetchCompany(company!, { ...FETCH_ALL, today: SIM_TODAY });
    const later = await source.fetchCompany(company!, { ...FETCH_ALL, today: "2027-06-30" });
    const changed = today.filter(
      (person, index) => JSON.stringify(person.function) !== JSON.stringify(later[index]!.function),
    );
    expect(changed.length).toBeGreaterThan(0);
  });
});
