import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logging/logger.js";
import { SourceError, type HrCompany } from "../../src/sources/types.js";
import { generateLoketDataset, loketRole, NAME_FORMATS } from "../../testkit/loket-sim/generator.js";
import { removeEmployee } from "../../testkit/loket-sim/mutations.js";
import { startLoketSimulator, type LoketSimulator } from "../../testkit/loket-sim/loket-simulator.js";
import type { LoketFault } from "../../testkit/loket-sim/faults.js";
import { simSource, simTokens } from "../support/loket-sim.js";

const TODAY = "2026-01-10";
const OPTIONS = { today: TODAY, managers: false, costCenters: true } as const;
let sim: LoketSimulator;

beforeAll(async () => {
  sim = await startLoketSimulator({
    dataset: generateLoketDataset({ employers: 2, employeesPerEmployer: 30, today: TODAY }),
    maxPageSize: 5,
  });
});
afterAll(() => sim.close());
afterEach(() => {
  sim.faults.clear();
  sim.afterPage = null;
  sim.requests.length = 0;
});

/** Employees of the first employer with an employment: the people its read returns. */
function served(): number {
  const employer = sim.dataset.employers[0]!;
  const employed = new Set(employer.employments.map((employment) => (employment.employee as { id: string }).id));
  return employer.employees.filter((employee) => employed.has(employee.id)).length;
}

async function firstEmployer(source = simSource(sim)): Promise<HrCompany> {
  return (await source.listCompanies())[0] as HrCompany;
}

async function failure(promise: Promise<unknown>): Promise<SourceError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SourceError);
  return error as SourceError;
}

describe("the Loket source on the simulator", () => {
  it("reads employers, employees, employments and entities at the wire: pageNumber paging past the size cap, Accept without a version", async () => {
    const source = simSource(sim);
    const companies = await source.listCompanies();
    expect(companies.map((company) => company.number)).toEqual(["4000", "4007"]);
    const people = await source.fetchCompany(companies[0] as HrCompany, OPTIONS);
    // 30 with an employment; the one without is not returned, the ghost employment is skipped.
    expect(people).toHaveLength(30);
    const employees = sim.requests.filter((request) => request.endpoint === "employees");
    // 31 employees in pages the simulator cut to 5: the reader followed totalPages, not its own page size of 7.
    expect(employees.map((request) => request.pageNumber)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(new Set(sim.requests.map((request) => request.accept))).toEqual(new Set(["application/json"]));
    expect(sim.requests.filter((request) => request.endpoint === "organizationalentities")).toHaveLength(30);
    expect(source.stats.calls).toBe(sim.requests.length);
    expect(source.stats.bytesReceived).toBeGreaterThan(10_000);
  });

  it("maps the cast: name format keys, rehires as two periods, the second job, deviating functions, private-only e-mail", async () => {
    const company = await firstEmployer();
    const people = await simSource(sim).fetchCompany(company, OPTIONS);
    const employer = sim.dataset.employers[0]!;
    const byNumber = new Map(people.map((person) => [person.employeeNumber, person]));
    const rehired = byNumber.get(String(employer.employees.findIndex((_, i) => loketRole(i) === "rehired") + 1));
    expect(rehired?.periods).toHaveLength(2);
    const deviating = byNumber.get(String(employer.employees.findIndex((_, i) => loketRole(i) === "deviating") + 1));
    expect(deviating?.function?.code).toBeNull();
    expect(deviating?.function?.name).toMatch(/\(senior\)$/);
    const secondJob = byNumber.get(String(employer.employees.findIndex((_, i) => loketRole(i) === "second-job") + 1));
    // Two current employments: the later start is primary.
    expect(secondJob?.employeeType).toBe("Oproepkracht");
    const privateOnly = byNumber.get("6");
    expect(privateOnly?.workEmail).toBeNull();
    expect(privateOnly?.privateEmail).toMatch(/@ziggo\.nl$/);
    const key2 = people.find((person) => person.lastName?.includes("-"));
    expect(key2).toBeDefined();
    expect(new Set(NAME_FORMATS.map((format) => format.key)).size).toBe(4);
    expect(people.every((person) => person.manager === null && person.nickname === null)).toBe(true);
    expect(people.every((person) => person.costCenter !== null)).toBe(true);
  });

  it("organizational entities are read at most 4 at a time, everything else one request at a time", async () => {
    const slow = await startLoketSimulator({
      dataset: generateLoketDataset({ employers: 1, employeesPerEmployer: 20, today: TODAY }),
      latencyMs: 20,
    });
    try {
      const source = simSource(slow);
      const [company] = await source.listCompanies();
      expect(slow.maxInFlight).toBe(1);
      expect(await source.fetchCompany(company as HrCompany, OPTIONS)).toHaveLength(20);
      expect(slow.maxInFlight).toBe(4);
    } finally {
      await slow.close();
    }
  });

  it("logs once per run each name format seen and each endpoint's resource version, for the first real environment", async () => {
    const lines: { msg: string; endpoint?: string; resourceVersion?: string; howToFormatLastName?: unknown[] }[] = [];
    const logger = createLogger({
      level: "silent",
      also: { stream: { write: (line: string) => void lines.push(JSON.parse(line)) }, level: "info" },
    });
    const source = simSource(sim, [], { logger });
    for (const company of await source.listCompanies()) await source.fetchCompany(company, OPTIONS);
    const versions = lines.filter((line) => line.msg === "loket: resource version");
    expect(versions.map((line) => line.endpoint).sort()).toEqual([
      "providers/employers",
      "providers/employers/employees/employments/{employmentId}/organizationalentities",
      "providers/employers/{employerId}/employees",
      "providers/employers/{employerId}/employees/employments",
    ]);
    expect(versions.every((line) => line.resourceVersion === "2018-01-01")).toBe(true);
    const formats = lines
      .filter((line) => line.msg === "loket: name formats seen")
      .flatMap((line) => line.howToFormatLastName);
    expect(formats).toHaveLength(4);
    expect(formats).toContainEqual({ key: 2, value: "Achternaam + achternaam partner" });
  });

  it("a deletion between pages (totalSize changes) reads the collection again and loses nobody else", async () => {
    const company = await firstEmployer();
    const employer = sim.dataset.employers[0]!;
    const victim = employer.employees[2]!.id;
    sim.afterPage = (endpoint, _owner, pageNumber) => {
      if (endpoint === "employees" && pageNumber === 2) removeEmployee(sim.dataset, employer, victim);
    };
    const before = served();
    const people = await simSource(sim).fetchCompany(company, OPTIONS);
    expect(people.map((person) => person.sourceKey)).not.toContain(victim);
    expect(people).toHaveLength(before - 1);
    expect(sim.requests.filter((request) => request.endpoint === "employees" && request.pageNumber === 1)).toHaveLength(
      2,
    );
  });

  it("a 500 is retried after 2 s and 8 s, then fails the read with code 500 (transient)", async () => {
    const company = await firstEmployer();
    sim.faults.add({ target: "employments", fault: { kind: 500 } });
    const waits: number[] = [];
    const error = await failure(simSource(sim, waits).fetchCompany(company, OPTIONS));
    expect(error.details).toMatchObject({ code: "500", transient: true, company: "4000" });
    expect(error.message).toContain("GET providers/employers/{employerId}/employees/employments page=1");
    expect(error.message).toContain("An unexpected error occurred.");
    expect(waits).toEqual([2_000, 8_000]);
  });

  it("a 429 honours Retry-After and succeeds when Loket lets go; longer than a minute fails at once", async () => {
    const company = await firstEmployer();
    sim.faults.add({ target: "employees", fault: { kind: 429, retryAfterSeconds: 5 }, times: 2 });
    const waits: number[] = [];
    expect(await simSource(sim, waits).fetchCompany(company, OPTIONS)).toHaveLength(served());
    expect(waits).toEqual([5_000, 5_000]);
    sim.faults.add({ target: "employees", fault: { kind: 429, retryAfterSeconds: 120 } });
    const none: number[] = [];
    const error = await failure(simSource(sim, none).fetchCompany(company, OPTIONS));
    expect(error.details).toMatchObject({ code: "429", transient: true });
    expect(none).toEqual([]);
  });

  it.each([
    ["garbage instead of JSON", { kind: "garbage" }, "not a JSON object"],
    ["no _embedded array", { kind: "no-embedded" }, "no _embedded array"],
  ] as [string, LoketFault, string][])(
    "%s is a bad_response naming the path and page",
    async (_case, fault, problem) => {
      const company = await firstEmployer();
      sim.faults.add({ target: "organizationalentities", fault });
      const error = await failure(simSource(sim).fetchCompany(company, OPTIONS));
      expect(error.details).toMatchObject({ code: "bad_response", transient: true });
      expect(error.message).toContain(problem);
      expect(error.message).toMatch(
        /organizationalentities page=1 \(providers\/employers\/employees\/employments\/[0-9a-f-]+\/organizationalentities\)/,
      );
    },
  );

  it("a 401 gets one renewed token; refused again it fails with code 401 asking to connect again", async () => {
    const company = await firstEmployer();
    sim.faults.add({ target: "employees", fault: { kind: 401 }, times: 1 });
    const renewals = { count: 0 };
    expect(await simSource(sim, [], { tokens: simTokens(sim, renewals) }).fetchCompany(company, OPTIONS)).toHaveLength(
      served(),
    );
    expect(renewals.count).toBe(1);
    sim.faults.add({ target: "employees", fault: { kind: 401 } });
    const error = await failure(simSource(sim).fetchCompany(company, OPTIONS));
    expect(error.details).toMatchObject({ code: "401", needsAttention: true });
    expect(error.message).toContain("Connect to Loket");
  });

  it("a revoked token whose renewal is refused fails with the token store's error, never the token", async () => {
    const renewals = { count: 0, refuse: true };
    const tokens = simTokens(sim, renewals);
    sim.tokens.revokeAll();
    const error = await failure(simSource(sim, [], { tokens }).listCompanies());
    expect(error.details.code).toBe("401");
    expect(renewals.count).toBe(1);
    expect(error.message).not.toMatch(/loket-sim-/);
  });

  it.each([
    [403, "no rights on employer 4000"],
    [404, "employer 4000 no longer exists, or api_url is wrong"],
  ] as const)("a %i needs the admin: %s", async (status, words) => {
    const company = await firstEmployer();
    sim.faults.add({ target: "employees", fault: { kind: status } });
    const error = await failure(simSource(sim).fetchCompany(company, OPTIONS));
    expect(error.details).toMatchObject({ code: String(status), needsAttention: true });
    expect(error.message).toContain(words);
  });

  it("employers select by employerNumber or id; one the user cannot see is a run warning and a connection-test error", async () => {
    const id = sim.dataset.employers[1]!.record.id;
    const source = simSource(sim, [], { employers: ["4000", id, "9999"] });
    expect((await source.listCompanies()).map((company) => company.number)).toEqual(["4000", "4007"]);
    const error = await failure(source.testConnection());
    expect(error.message).toContain("cannot see employer 9999");
    const fine = simSource(sim, [], { employers: ["4007"] });
    sim.requests.length = 0;
    expect((await fine.testConnection()).map((company) => company.number)).toEqual(["4007"]);
    expect(sim.requests.filter((request) => request.endpoint === "employees")).toHaveLength(1);
  });
});
