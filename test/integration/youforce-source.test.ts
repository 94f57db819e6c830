import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SourceError, type HrPerson, type HrSource } from "../../src/sources/types.js";
import { generateYouforceDataset, personCodeOf } from "../../testkit/youforce-sim/generator.js";
import { changePerson, newPersonVersion } from "../../testkit/youforce-sim/mutations.js";
import { SIM_CLIENT_SECRET, type YouforceSimulator } from "../../testkit/youforce-sim/youforce-simulator.js";
import { simSource, startSim } from "../support/youforce-sim.js";

const TODAY = "2026-01-10";
const FETCH = { today: TODAY, managers: true, costCenters: true };

let sim: YouforceSimulator;
const dataset = generateYouforceDataset({ companies: 3, personsPerCompany: 20, today: TODAY });

beforeAll(async () => {
  sim = await startSim(dataset, { pageSize: 15 });
});
afterAll(() => sim.close());
afterEach(() => {
  sim.faults.clear();
  sim.afterPage = null;
  sim.personLayer = true;
  sim.nextLinkBase = null;
});

async function readAll(source: HrSource, fetch = FETCH): Promise<HrPerson[]> {
  const persons: HrPerson[] = [];
  for (const company of await source.listCompanies()) persons.push(...(await source.fetchCompany(company, fetch)));
  return persons;
}

async function failure(read: Promise<unknown>): Promise<SourceError> {
  const error = await read.then(
    () => expect.fail("the read should have failed"),
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(SourceError);
  expect(JSON.stringify({ message: (error as Error).message, ...(error as SourceError).details })).not.toContain(
    SIM_CLIENT_SECRET,
  );
  return error as SourceError;
}

const dataRequests = (from: number) => sim.requests.slice(from).filter((request) => request.method === "GET");

describe("reading Youforce through the IAM API", () => {
  it("lists every company the employments name, with the companies list's names", async () => {
    expect(await simSource(sim).listCompanies()).toEqual([
      { id: "RS01", number: "RS01", name: "Gemeente Rivierstad" },
      { id: "RS02", number: "RS02", name: "Zorgcentrum De Wilg" },
      { id: "RS03", number: "RS03", name: "Stichting Onderwijs ’t Veld" },
    ]);
  });

  it("serves only the configured companies, and a listed company never seen is no error", async () => {
    const companies = await simSource(sim, [], { companies: ["RS02", "XX99"] }).listCompanies();
    expect(companies.map((company) => company.id)).toEqual(["RS02"]);
  });

  it("reads each endpoint once per source, in the spec's order, cost centres only when asked", async () => {
    const before = sim.requests.length;
    const source = simSource(sim);
    await readAll(source, { ...FETCH, costCenters: false });
    const firsts = () =>
      dataRequests(before)
        .filter((request) => !request.query.has("bookmark"))
        .map((request) => request.path.replace("/iam/v1.0/", ""));
    expect(firsts()).toEqual(["companies", "organizationUnits", "jobProfiles", "persons", "employments"]);
    await source.fetchCompany({ id: "RS01", number: "RS01", name: "" }, FETCH);
    expect(firsts().at(-1)).toBe("valueList/costCenter");
    expect(dataRequests(before).every((request) => !request.query.has("take"))).toBe(true);
    // Token calls count too: one token for the whole read.
    expect(source.stats.calls).toBe(sim.requests.length - before);
  });

  it("returns every person with an employment exactly once, at the company of the primary employment", async () => {
    const persons = await readAll(simSource(sim));
    const codes = persons.map((person) => person.sourceKey);
    expect(new Set(codes).size).toBe(codes.length);
    const withEmployment = new Set(dataset.records.employments.map((record) => String(record.personCode)));
    const expected = [...new Set(dataset.records.persons.map((record) => String(record.personCode)))].filter((code) =>
      withEmployment.has(code),
    );
    expect(codes.sort()).toEqual(expected.sort());
    // The person without an employment (the last one generated) and the employment without a person are left out.
    expect(codes).not.toContain(personCodeOf(60));
    expect(codes).not.toContain("888888");
    expect(codes).toContain("000001");
  });

  it("follows only nextLink's query string, never its host or path", async () => {
    sim.nextLinkBase = "http://127.0.0.1:1/elsewhere/entirely";
    const before = sim.requests.length;
    const persons = await readAll(simSource(sim));
    expect(persons.length).toBeGreaterThan(50);
    const pages = dataRequests(before).filter((request) => request.query.has("bookmark"));
    expect(pages.length).toBeGreaterThan(5);
    expect(pages.every((request) => request.path.startsWith("/iam/v1.0/"))).toBe(true);
  });

  it("a record changed during the read comes again behind the bookmark and is kept once, the later version", async () => {
    const code = personCodeOf(3);
    sim.afterPage = (endpoint, page) => {
      if (endpoint === "persons" && page === 1) changePerson(dataset, code, { knownAs: "Gewijzigd" });
    };
    const before = sim.requests.length;
    const persons = await readAll(simSource(sim));
    const changed = persons.filter((person) => person.sourceKey === code);
    expect(changed).toHaveLength(1);
    expect(changed[0]?.nickname).toBe("Gewijzigd");
    const personPages = dataRequests(before).filter((request) => request.path === "/iam/v1.0/persons");
    expect(personPages.length).toBeGreaterThan(1);
  });

  it("a version ended during the read while a new one starts today: the read settles on the new one", async () => {
    // A dataset of its own: the edit stays out of the other tests.
    const edited = generateYouforceDataset({ companies: 1, personsPerCompany: 20, today: TODAY });
    const own = await startSim(edited, { pageSize: 15 });
    try {
      const code = personCodeOf(1);
      own.afterPage = (endpoint, page) => {
        if (endpoint === "persons" && page === 1) newPersonVersion(edited, code, TODAY, { knownAs: "Nieuw" });
      };
      const persons = await readAll(simSource(own));
      expect(persons.filter((person) => person.sourceKey === code).map((person) => person.nickname)).toEqual(["Nieuw"]);
    } finally {
      await own.close();
    }
  });

  it("a version that comes again ended, with nothing after it, fails the read as transient instead of guessing", async () => {
    const edited = generateYouforceDataset({ companies: 1, personsPerCompany: 20, today: TODAY });
    const own = await startSim(edited, { pageSize: 15 });
    try {
      own.afterPage = (endpoint, page) => {
        if (endpoint === "persons" && page === 1) changePerson(edited, personCodeOf(1), { validUntil: "2026-01-05" });
      };
      const error = await failure(simSource(own).listCompanies());
      expect(error.details).toMatchObject({ code: "changed_during_read", transient: true });
      expect(error.message).toMatch(/next run reads them again/);
    } finally {
      await own.close();
    }
  });

  it("paces its calls so Youforce's spike arrest never answers 429", async () => {
    // A wide margin between the source's spacing and the arrest: a call's start and its arrival differ on a busy
    // machine. The 600 ms rule itself is proven on an injected clock (unit/sources/youforce/youforce-client.test.ts).
    const paced = await startSim(dataset, { pageSize: 60, spikeArrestMs: 30 });
    try {
      await readAll(simSource(paced, [], { intervalMs: 150 }));
      expect(paced.spikeArrests).toBe(0);
      // Unpaced, the arrest answers 429; the source waits (2 s without Retry-After, recorded here), at most 5 times.
      const waits: number[] = [];
      const error = await failure(simSource(paced, waits, { intervalMs: 0, connectorId: "unpaced" }).listCompanies());
      expect(paced.spikeArrests).toBeGreaterThan(0);
      expect(error.details.code).toBe("429");
      expect(waits).toEqual([2_000, 2_000, 2_000, 2_000, 2_000]);
    } finally {
      await paced.close();
    }
  }, 20_000);

  it("persons empty while employments are not: the Person layer is off", async () => {
    sim.personLayer = false;
    const error = await failure(simSource(sim).listCompanies());
    expect(error.details).toMatchObject({ code: "youforce_person_layer", needsAttention: true });
    expect(error.message).toContain("Person layer");
  });

  it.each([
    ["a wrong client secret", { clientSecret: "wrong" }, "token_invalid_client"],
    ["a tenant that did not grant access", { tenantId: "other-tenant" }, "token_invalid_request"],
  ])("%s fails with %s, quoting Visma Connect, needing attention", async (_case, overrides, code) => {
    const error = await failure(simSource(sim, [], { connectorId: `bad-${code}`, ...overrides }).listCompanies());
    expect(error.details).toMatchObject({ code, needsAttention: true });
    expect(error.message).toMatch(/client_id, the client secret and tenant_id/);
  });

  it("the monthly token quota spent: token_quota, run less often", async () => {
    const spent = await startSim(dataset, { tokenQuota: 0 });
    try {
      const error = await failure(simSource(spent).listCompanies());
      expect(error.details).toMatchObject({ code: "token_quota", transient: true, needsAttention: true });
      expect(error.message).toContain("less often");
    } finally {
      await spent.close();
    }
  });

  it("shares one token among the reads of the process", async () => {
    const fresh = await startSim(dataset);
    try {
      await simSource(fresh, [], { connectorId: "shared" }).listCompanies();
      await simSource(fresh, [], { connectorId: "shared" }).listCompanies();
      expect(fresh.tokensIssued).toBe(1);
    } finally {
      await fresh.close();
    }
  });

  it("garbage on a later page fails naming the endpoint and page", async () => {
    sim.afterPage = (endpoint, page) => {
      if (endpoint === "employments" && page === 1)
        sim.faults.add({ target: "employments", fault: { kind: "garbage" }, times: 1 });
    };
    const error = await failure(simSource(sim).listCompanies());
    expect(error.details).toMatchObject({ code: "bad_response", operation: "GET iam/v1.0/employments page 2" });
  });

  it("a 403 names the scope the app lacks", async () => {
    sim.faults.add({ target: "companies", fault: { kind: 403 } });
    const error = await failure(simSource(sim).listCompanies());
    expect(error.details).toMatchObject({ code: "403", needsAttention: true });
    expect(error.message).toContain("Youforce-IAM:Get_Basic");
  });

  it("a 500 is retried twice, then fails as transient", async () => {
    const waits: number[] = [];
    sim.faults.add({ target: "jobProfiles", fault: { kind: 500 } });
    const error = await failure(simSource(sim, waits).listCompanies());
    expect(error.details).toMatchObject({ code: "500", transient: true });
    expect(waits).toEqual([2_000, 8_000]);
  });

  it("a closed port is a network error, retried twice", async () => {
    const waits: number[] = [];
    const error = await failure(
      simSource(sim, waits, {
        apiUrl: "http://127.0.0.1:1",
        tokenUrl: "http://127.0.0.1:1/connect/token",
        connectorId: "closed",
      }).listCompanies(),
    );
    expect(error.details).toMatchObject({ code: "network", transient: true });
    expect(waits).toEqual([2_000, 8_000]);
  });
});
