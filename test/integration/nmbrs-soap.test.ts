import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { addEmployee, endEmployment, removeEmployee } from "../../testkit/nmbrs-sim/dataset-mutations.js";
import { costCentersInForce, currentPersonalInfo, employeesOfCompany } from "../../testkit/nmbrs-sim/dataset.js";
import type { SimFault } from "../../testkit/nmbrs-sim/soap/fault-controller.js";
import { NmbrsFault } from "../../src/sources/nmbrs/nmbrs-fault.js";
import type { HrCompany, HrPerson } from "../../src/sources/types.js";
import { expectedPerson } from "../support/nmbrs-expected.js";
import { waitFor } from "../support/wait-for.js";
import {
  FETCH_ALL,
  SIM_CREDENTIALS,
  SIM_TODAY,
  startSimulatedNmbrs,
  type SimulatedNmbrs,
} from "../support/nmbrs-sim.js";

let nmbrs: SimulatedNmbrs;
let companies: HrCompany[];

beforeAll(async () => {
  nmbrs = await startSimulatedNmbrs({ companies: 3, employeesPerCompany: 40 });
  companies = await nmbrs.source().listCompanies();
});
afterAll(() => nmbrs.sim.close());
afterEach(() => {
  nmbrs.sim.faults.clear();
  nmbrs.sim.settings.latencyMs = 0;
  nmbrs.sim.settings.disabledOperations.clear();
});

const CONTRACTS = "EmployeeService.Contract_GetAll_AllEmployeesByCompany";

function bySourceKey(persons: HrPerson[]): HrPerson[] {
  return [...persons].sort((a, b) => Number(a.sourceKey) - Number(b.sourceKey));
}

/** The read fails with an NmbrsFault of this code whose message never carries the token. */
async function expectFault(read: Promise<unknown>, code: string): Promise<NmbrsFault> {
  const error = await read.then(
    () => expect.fail("the read should have failed"),
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(NmbrsFault);
  const fault = error as NmbrsFault;
  expect(fault.code).toBe(code);
  expect(`${fault.message} ${JSON.stringify(fault.details)}`).not.toContain(SIM_CREDENTIALS.token);
  return fault;
}

function withFault(fault: SimFault, extra: { times?: number; operation?: string } = {}): void {
  nmbrs.sim.faults.add({ operation: CONTRACTS, ...extra, fault });
}

describe("reading companies and employees over SOAP", () => {
  it("lists every company with its id, number and name (XML escaping intact)", () => {
    expect(companies).toEqual(
      nmbrs.dataset.companies.map((company) => ({
        id: String(company.id),
        number: String(company.number),
        name: company.name,
      })),
    );
    expect(companies[0]!.name).toBe("Bakker & Zonen B.V.");
  });

  it("reads each company exactly as the dataset holds it", async () => {
    const source = nmbrs.source();
    for (const company of companies) {
      const persons = await source.fetchCompany(company, FETCH_ALL);
      const expected = employeesOfCompany(nmbrs.dataset, Number(company.id)).map((employee) =>
        expectedPerson(nmbrs.dataset, employee, company, SIM_TODAY),
      );
      expect(bySourceKey(persons)).toEqual(expected);
    }
  });

  it("keeps diacritics, tussenvoegsels and employee numbers that repeat across companies", async () => {
    const source = nmbrs.source();
    const [first, second] = await Promise.all([
      source.fetchCompany(companies[0]!, FETCH_ALL),
      source.fetchCompany(companies[1]!, FETCH_ALL),
    ]);
    const everyone = [...first, ...second];
    expect(everyone.some((person) => /[éëöçï]/i.test(`${person.firstName}${person.lastName}`))).toBe(true);
    expect(everyone.some((person) => person.prefix === "van der" || person.prefix === "’t")).toBe(true);
    expect(first.find((person) => person.employeeNumber === "1")!.sourceKey).not.toBe(
      second.find((person) => person.employeeNumber === "1")!.sourceKey,
    );
  });

  it("makes a fixed number of calls per company, whatever its size (managers off)", async () => {
    const source = nmbrs.source();
    await source.fetchCompany(companies[0]!, FETCH_ALL);
    const before = source.stats.calls;
    await source.fetchCompany(companies[1]!, { ...FETCH_ALL, costCenters: true });
    // 7 employee types + the period type, personal info, employments, contracts, functions, departments + cost centers.
    expect(source.stats.calls - before).toBe(nmbrs.dataset.employeeTypes.length + 7);
    expect(source.stats.calls - before).toBeLessThanOrEqual(14);
    expect(source.stats.bytesReceived).toBeGreaterThan(0);
  });

  it("asks for the employee types once per run (a run starts by listing companies)", async () => {
    const source = nmbrs.source();
    const typeCalls = (): number => nmbrs.sim.stats.callsTo("EmployeeService.EmployeeType_GetList");
    const before = typeCalls();
    await source.listCompanies();
    await source.fetchCompany(companies[0]!, FETCH_ALL);
    await source.fetchCompany(companies[1]!, FETCH_ALL);
    expect(typeCalls() - before).toBe(1);
    await source.listCompanies();
    await source.fetchCompany(companies[0]!, FETCH_ALL);
    expect(typeCalls() - before).toBe(2);
  });

  it("decodes every XML special in names exactly (& < > \" ')", async () => {
    const name = `O'Neill & "Zonen" <B.V.>`;
    const employee = addEmployee(nmbrs.dataset, {
      companyId: Number(companies[2]!.id),
      firstName: "Zoë",
      lastName: name,
      prefix: "’t",
      startDate: "2026-01-05",
    });
    try {
      const persons = await nmbrs.source().fetchCompany(companies[2]!, FETCH_ALL);
      expect(persons.find((person) => person.sourceKey === String(employee.employeeId))).toMatchObject({
        firstName: "Zoë",
        lastName: name,
        prefix: "’t",
      });
    } finally {
      removeEmployee(nmbrs.dataset, employee.employeeId);
    }
  });

  it("reads managers (one call per employee) and the main cost center when asked", async () => {
    const source = nmbrs.source();
    const persons = await source.fetchCompany(companies[0]!, { today: SIM_TODAY, managers: true, costCenters: true });
    for (const person of persons) {
      const employee = nmbrs.dataset.employees.find((candidate) => String(candidate.employeeId) === person.sourceKey)!;
      const manager = employee.manager;
      expect(person.manager?.email ?? null).toBe(manager?.email ?? null);
      // The split in force in November 2026 (the simulator's companies pay monthly); none before a future start.
      const split = costCentersInForce(employee.costCenters, 202611);
      const main = split.find((center) => center.default) ?? [...split].sort((a, b) => b.percentage - a.percentage)[0];
      expect(person.costCenter).toEqual(main ? { code: String(main.code), name: main.description } : null);
    }
    expect(persons.some((person) => person.manager?.employeeNumber)).toBe(true);
    expect(persons.some((person) => person.manager?.email?.endsWith("@interim-bureau.nl"))).toBe(true);
  });

  it("sees dataset edits on the next read (the simulator serves the live dataset)", async () => {
    const employee = employeesOfCompany(nmbrs.dataset, Number(companies[2]!.id))[0]!;
    endEmployment(nmbrs.dataset, employee.employeeId, "2026-12-31");
    const persons = await nmbrs.source().fetchCompany(companies[2]!, FETCH_ALL);
    const person = persons.find((candidate) => candidate.sourceKey === String(employee.employeeId))!;
    expect(person.periods.filter((period) => period.kind === "employment").at(-1)!.end).toBe("2026-12-31");
  });

  it("reads the newest personal-info record when the history has several", async () => {
    const employee = nmbrs.dataset.employees.find(
      (candidate) => candidate.companyId === Number(companies[0]!.id) && candidate.personalInfo.length > 1,
    )!;
    const persons = await nmbrs.source().fetchCompany(companies[0]!, FETCH_ALL);
    expect(persons.find((person) => person.sourceKey === String(employee.employeeId))!.lastName).toBe(
      currentPersonalInfo(employee)!.lastName,
    );
  });
});

describe("Nmbrs faults", () => {
  it("1001: wrong token names what to check and never the token", async () => {
    const fault = await expectFault(
      nmbrs.source({ token: "wrong-token" }).fetchCompany(companies[0]!, FETCH_ALL),
      "1001",
    );
    expect(fault.message).toContain("check username, token and domain");
    expect(fault.details.needsAttention).toBe(true);
  });

  it("1001: a wrong domain is refused too", async () => {
    await expectFault(nmbrs.source({ domain: "other" }).listCompanies(), "1001");
  });

  it("1001 after the token is revoked mid-run", async () => {
    const source = nmbrs.source();
    await source.fetchCompany(companies[0]!, FETCH_ALL);
    nmbrs.sim.faults.revokeAuth();
    await expectFault(source.fetchCompany(companies[0]!, FETCH_ALL), "1001");
  });

  it("1002: a call disabled in the API template says which call to enable", async () => {
    nmbrs.sim.settings.disabledOperations.add(CONTRACTS);
    const fault = await expectFault(nmbrs.source().fetchCompany(companies[0]!, FETCH_ALL), "1002");
    expect(fault.message).toContain("enable Contract_GetAll_AllEmployeesByCompany in the API user's template in Nmbrs");
    expect(fault.operation).toBe(CONTRACTS);
  });

  it("2004: an unknown company is named in the message", async () => {
    const fault = await expectFault(
      nmbrs.source().fetchCompany({ id: "999", number: "77", name: "Gone BV" }, FETCH_ALL),
      "2004",
    );
    expect(fault.message).toContain("no access to company 77");
    expect(fault.company).toBe("77");
  });

  it("2004 for a company outside the credentials' scope, which List_GetAll does not show", async () => {
    const scoped = await startSimulatedNmbrs(
      { companies: 2, employeesPerCompany: 5 },
      { credentials: { ...SIM_CREDENTIALS, companyIds: [1001] } },
    );
    try {
      const source = scoped.source();
      expect((await source.listCompanies()).map((company) => company.number)).toEqual(["1"]);
      await expectFault(source.fetchCompany({ id: "1002", number: "2", name: "Hidden" }, FETCH_ALL), "2004");
    } finally {
      await scoped.sim.close();
    }
  });

  it("1006 is retried and the read then succeeds", async () => {
    withFault({ kind: "nmbrs", code: 1006 }, { times: 2 });
    const before = nmbrs.sim.stats.callsTo(CONTRACTS);
    const persons = await nmbrs.source().fetchCompany(companies[0]!, FETCH_ALL);
    expect(persons.length).toBeGreaterThan(0);
    expect(nmbrs.sim.stats.callsTo(CONTRACTS) - before).toBe(3);
  });

  it("9999 is not retried and names operation and company", async () => {
    withFault({ kind: "nmbrs", code: 9999 });
    const before = nmbrs.sim.stats.callsTo(CONTRACTS);
    const fault = await expectFault(nmbrs.source().fetchCompany(companies[0]!, FETCH_ALL), "9999");
    expect(fault.message).toContain(`${CONTRACTS} (company 1)`);
    expect(nmbrs.sim.stats.callsTo(CONTRACTS) - before).toBe(1);
  });
});

describe("transport failures", () => {
  it("HTTP 500 without a SOAP body is retried", async () => {
    withFault({ kind: "http", status: 500 }, { times: 1 });
    expect((await nmbrs.source().fetchCompany(companies[0]!, FETCH_ALL)).length).toBeGreaterThan(0);
  });

  it("a lasting 503 fails as transient after the attempts run out", async () => {
    withFault({ kind: "http", status: 503 });
    const fault = await expectFault(nmbrs.source().fetchCompany(companies[0]!, FETCH_ALL), "http-503");
    expect(fault.details.transient).toBe(true);
    expect(fault.message).toContain("HTTP 503");
  });

  it("a call that does not answer in time is abandoned at the timeout", async () => {
    withFault({ kind: "delay", ms: 20_000 });
    const started = Date.now();
    const fault = await expectFault(
      nmbrs.source({ timeoutMs: 200, maxAttempts: 1 }).fetchCompany(companies[0]!, FETCH_ALL),
      "timeout",
    );
    expect(fault.message).toContain(CONTRACTS);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("a slow Nmbrs (latency on every call) is abandoned at the timeout, listing companies too", async () => {
    nmbrs.sim.settings.latencyMs = 20_000;
    const fault = await expectFault(nmbrs.source({ timeoutMs: 200, maxAttempts: 1 }).listCompanies(), "timeout");
    expect(fault.message).toContain("CompanyService.List_GetAll");
  });

  it("an abort by the caller ends the read with the abort, not a fault", async () => {
    withFault({ kind: "delay", ms: 20_000 });
    const controller = new AbortController();
    const read = nmbrs.source().fetchCompany(companies[0]!, { ...FETCH_ALL, signal: controller.signal });
    // Aborted while the delayed call is in flight: once the simulator has it.
    await waitFor(() => nmbrs.sim.stats.callsTo(CONTRACTS) > 0, "the delayed call to reach the simulator");
    controller.abort(new Error("run cancelled"));
    await expect(read).rejects.toThrow("run cancelled");
  });

  it("a connection reset is reported as a network failure", async () => {
    withFault({ kind: "reset" });
    const fault = await expectFault(nmbrs.source().fetchCompany(companies[0]!, FETCH_ALL), "network");
    expect(fault.details.transient).toBe(true);
  });

  it.each([
    ["truncated XML", { kind: "truncated" } as SimFault],
    ["garbage", { kind: "garbage" } as SimFault],
  ])("%s is reported as unreadable XML naming operation and company, without a retry", async (_name, fault) => {
    withFault(fault);
    const before = nmbrs.sim.stats.callsTo(CONTRACTS);
    const error = await expectFault(nmbrs.source().fetchCompany(companies[0]!, FETCH_ALL), "unreadable-xml");
    expect(error.message).toMatch(
      /^Nmbrs returned unreadable XML for EmployeeService\.Contract_GetAll_AllEmployeesByCompany \(company 1\): ./,
    );
    expect(nmbrs.sim.stats.callsTo(CONTRACTS) - before).toBe(1);
  });

  it("an entity-expansion payload is refused quickly with bounded memory", async () => {
    withFault({ kind: "entity-expansion" });
    const heapBefore = process.memoryUsage().heapUsed;
    const started = Date.now();
    const fault = await expectFault(
      nmbrs.source({ maxAttempts: 1 }).fetchCompany(companies[0]!, FETCH_ALL),
      "unreadable-xml",
    );
    expect(fault.message).toContain("DOCTYPE");
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(100 * 1024 * 1024);
  });

  it("an oversized response is aborted at the size cap", async () => {
    withFault({ kind: "huge", bytes: 200 * 1024 * 1024 });
    const bytesBefore = nmbrs.sim.stats.bytes;
    const fault = await expectFault(
      nmbrs.source({ maxResponseBytes: 2 * 1024 * 1024 }).fetchCompany(companies[0]!, FETCH_ALL),
      "too-large",
    );
    expect(fault.message).toContain("more than 2 MB");
    // The simulator records its bytes when its write loop stops, just after the client gave up.
    await waitFor(() => nmbrs.sim.stats.bytes > bytesBefore, "the simulator to record what it sent");
    expect(nmbrs.sim.stats.bytes - bytesBefore).toBeLessThan(100 * 1024 * 1024);
  });

  it("an employee listed without any personal info fails the company with a clear error", async () => {
    const employee = employeesOfCompany(nmbrs.dataset, Number(companies[1]!.id))[3]!;
    const saved = employee.personalInfo;
    employee.personalInfo = [];
    try {
      const fault = await expectFault(nmbrs.source().fetchCompany(companies[1]!, FETCH_ALL), "no-personal-info");
      expect(fault.message).toContain(`EmployeeId ${employee.employeeId}`);
    } finally {
      employee.personalInfo = saved;
    }
  });
});
