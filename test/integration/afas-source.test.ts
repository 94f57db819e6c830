import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SourceError, type HrPerson, type HrSource } from "../../src/sources/types.js";
import { SIM_AFAS_TOKEN, type AfasSimulator } from "../../testkit/afas-sim/afas-simulator.js";
import { castRole, generateAfasDataset } from "../../testkit/afas-sim/generator.js";
import { removeMedewerker } from "../../testkit/afas-sim/mutations.js";
import { simSource, startSim } from "../support/afas-sim.js";

const TODAY = "2026-01-10";
const FETCH = { today: TODAY, managers: true, costCenters: true };

let sim: AfasSimulator;
const dataset = generateAfasDataset({ employers: 3, employeesPerEmployer: 20, today: TODAY });

beforeAll(async () => {
  sim = await startSim(dataset);
});
afterAll(() => sim.close());
afterEach(() => {
  sim.faults.clear();
  sim.afterPage = null;
  sim.removedFields.clear();
  sim.appConnector.clear();
  for (const id of ["HRGateway_Employees", "HRGateway_Employments", "HRGateway_OrgUnits"]) sim.appConnector.add(id);
});

async function readAll(source: HrSource): Promise<HrPerson[]> {
  const persons: HrPerson[] = [];
  for (const company of await source.listCompanies()) persons.push(...(await source.fetchCompany(company, FETCH)));
  return persons;
}

async function failure(read: Promise<unknown>): Promise<SourceError> {
  const error = await read.then(
    () => expect.fail("the read should have failed"),
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(SourceError);
  expect(JSON.stringify({ message: (error as Error).message, ...(error as SourceError).details })).not.toContain(
    Buffer.from(SIM_AFAS_TOKEN).toString("base64"),
  );
  return error as SourceError;
}

const medewerkers = (rows: readonly Record<string, unknown>[]) => new Set(rows.map((row) => String(row.Medewerker)));

describe("reading AFAS Profit through its GetConnectors", () => {
  it("lists every employer with its code and name", async () => {
    expect(await simSource(sim).listCompanies()).toEqual([
      { id: "01", number: "01", name: "Zorggroep De Linde B.V." },
      { id: "02", number: "02", name: "Thuiszorg ’t Anker B.V." },
      { id: "03", number: "03", name: "Facilitair Bedrijf Linde & Zonen B.V." },
    ]);
  });

  it("serves only the configured employers, and a listed employer never seen is no error", async () => {
    const companies = await simSource(sim, [], { employers: ["02", "99"] }).listCompanies();
    expect(companies.map((company) => company.id)).toEqual(["02"]);
  });

  it("reads Employments itself when a company is fetched without listing first", async () => {
    const source = simSource(sim);
    const persons = await source.fetchCompany({ id: "01", number: "01", name: "Zorggroep De Linde B.V." }, FETCH);
    expect(persons.length).toBeGreaterThan(10);
    expect(persons.every((person) => person.company.id === "01")).toBe(true);
  });

  it("reads each GetConnector once per source, however many employers are fetched", async () => {
    const source = simSource(sim);
    const before = sim.requests.length;
    await readAll(source);
    const first = sim.requests.slice(before).filter((request) => request.query.get("skip") === "0");
    expect(first.map((request) => request.path).sort()).toEqual([
      "connectors/HRGateway_Employees",
      "connectors/HRGateway_Employments",
      "connectors/HRGateway_OrgUnits",
    ]);
  });

  it("returns every Medewerker with a contract exactly once, at the employer of its primary row", async () => {
    const persons = await readAll(simSource(sim));
    const withContract = [...medewerkers(dataset.employees)].filter((code) =>
      medewerkers(dataset.employments).has(code),
    );
    expect(persons.map((person) => person.sourceKey).sort()).toEqual(withContract.sort());
    expect(persons.map((person) => person.sourceKey)).not.toContain("999999"); // no contract
    expect(persons.map((person) => person.sourceKey)).not.toContain("888888"); // contract without a Medewerker
  });

  it("places a Medewerker who moved at the new employer, with the contracts at both as periods", async () => {
    const moved = dataset.employees.findIndex((_, index) => castRole(index) === "moved");
    const code = String(dataset.employees[moved]?.Medewerker);
    const person = (await readAll(simSource(sim))).find((candidate) => candidate.sourceKey === code);
    const contracts = dataset.employments.filter((row) => row.Medewerker === code);
    expect(person?.company.id).toBe(contracts.at(-1)?.Werkgever);
    expect(new Set(contracts.map((row) => row.Werkgever)).size).toBe(2);
    expect(person?.periods).toHaveLength(2);
    expect(person?.periods.every((period) => period.kind === "contract")).toBe(true);
  });

  it("writes the family name by the name-usage code and keeps employee codes as strings", async () => {
    const persons = new Map((await readAll(simSource(sim))).map((person) => [person.sourceKey, person]));
    for (const row of dataset.employees.slice(0, 40)) {
      const person = persons.get(String(row.Medewerker));
      if (!person || row.Geboortenaam !== null) continue;
      const own = [row.Voorvoegsel, row.Achternaam].filter(Boolean).join(" ");
      const partner = [row.Voorvoegsel_partner, row.Geboortenaam_partner].filter(Boolean).join(" ");
      const served = [person.prefix, person.lastName].filter(Boolean).join(" ");
      const expected = !row.Geboortenaam_partner
        ? own
        : { "0": own, "1": `${partner}-${own}`, "2": partner, "3": `${own}-${partner}` }[String(row.Naamgebruik_code)];
      expect(served).toBe(expected);
      expect(person.employeeNumber).toMatch(/^\d{6}$/);
    }
  });

  it("finds a manager up the org tree when the team has none, across employers by e-mail", async () => {
    const persons = await readAll(simSource(sim));
    const inTeamWithoutManager = persons.find(
      (person) =>
        person.department?.code === "ZORG-Z" &&
        dataset.employments.every((row) => row.Medewerker !== person.sourceKey || row.Leidinggevende === null),
    );
    const zorgManager = dataset.orgUnits.find((unit) => unit.Organisatorische_eenheid === "ZORG")?.OE_leidinggevende;
    const manager = dataset.employees.find((row) => row.Medewerker === zorgManager);
    expect(inTeamWithoutManager?.manager).toEqual({
      employeeNumber: zorgManager,
      email: manager?.Email_werk,
      name: expect.stringContaining(String(manager?.Roepnaam)),
    });
    expect(inTeamWithoutManager?.department).toEqual({ code: "ZORG-Z", name: "Wijkteam Zuid" });
  });

  it("sends the token as AfasToken, IntegrationId when configured, English messages, and never take=-1", async () => {
    sim.requests.length = 0;
    await readAll(simSource(sim, [], { integrationId: "12345_678900" }));
    expect(sim.requests.every((request) => request.integrationId === "12345_678900")).toBe(true);
    expect(sim.requests.every((request) => request.acceptLanguage === "en-us")).toBe(true);
    const pages = sim.requests.filter((request) => request.path.startsWith("connectors/"));
    expect(pages.every((request) => Number(request.query.get("take")) === 7)).toBe(true);
    expect(pages.every((request) => request.query.get("orderbyfieldids"))).toBe(true);
    expect(sim.requests.slice(0, 4).map((request) => request.path)).toEqual([
      "metainfo",
      "metainfo/get/HRGateway_Employees",
      "metainfo/get/HRGateway_Employments",
      "metainfo/get/HRGateway_OrgUnits",
    ]);
  });

  it("counts every call and byte", async () => {
    const source = simSource(sim);
    const before = { requests: sim.requests.length, bytes: sim.bytesSent };
    await readAll(source);
    expect(source.stats.calls).toBe(sim.requests.length - before.requests);
    expect(source.stats.bytesReceived).toBe(sim.bytesSent - before.bytes);
  });

  it("a deletion in Profit while paging loses nobody else", async () => {
    const copy = generateAfasDataset({ employers: 3, employeesPerEmployer: 20, today: TODAY });
    const other = await startSim(copy);
    try {
      const victim = String(copy.employees[2]?.Medewerker);
      other.afterPage = (connector, skip) => {
        if (connector === "HRGateway_Employees" && skip === 6) removeMedewerker(copy, victim);
      };
      const persons = await readAll(simSource(other));
      const expected = [...medewerkers(copy.employees)].filter((code) => medewerkers(copy.employments).has(code));
      expect(persons.map((person) => person.sourceKey).sort()).toEqual(expected.sort());
      expect(expected).not.toContain(victim);
    } finally {
      await other.close();
    }
  });
});

describe("AFAS errors at the boundary", () => {
  it("names every missing field of every GetConnector in one message, at the connection test", async () => {
    sim.removedFields.set("HRGateway_Employees", new Set(["Email_prive", "Roepnaam"]));
    sim.removedFields.set("HRGateway_OrgUnits", new Set(["OE_leidinggevende"]));
    const error = await failure(simSource(sim).listCompanies());
    expect(error.message).toBe(
      'AFAS GetConnector HRGateway_Employees lacks Roepnaam, Email_prive (needed because user_name_from has "private"); HRGateway_OrgUnits lacks OE_leidinggevende (needed because managers = true).',
    );
    expect(error.details).toMatchObject({ code: "afas_fields", needsAttention: true });
  });

  it("names a GetConnector missing from the App Connector", async () => {
    sim.appConnector.delete("HRGateway_OrgUnits");
    const error = await failure(simSource(sim).listCompanies());
    expect(error.message).toContain("GetConnector HRGateway_OrgUnits is not in the App Connector");
  });

  it.each([
    [401, "metainfo", "401", "AFAS rejected the token"],
    [401, "HRGateway_Employments", "401", "AFAS refused GetConnector HRGateway_Employments"],
    [403, "*", "403", "IP restriction"],
    [404, "*", "404", "check base_url"],
  ] as const)("%s on %s: no retry, needs attention", async (kind, target, code, text) => {
    sim.faults.add({ target, fault: { kind } });
    const waits: number[] = [];
    const error = await failure(simSource(sim, waits).listCompanies());
    expect(error.details).toMatchObject({ code, needsAttention: true });
    expect(error.message).toContain(text);
    expect(waits).toEqual([]);
  });

  it("a 500 passes on AFAS's message and logbook reference, after two retries (2 s, 8 s)", async () => {
    sim.faults.add({ target: "HRGateway_Employments", fault: { kind: 500, message: "Database timeout" } });
    const waits: number[] = [];
    const error = await failure(simSource(sim, waits).listCompanies());
    expect(error.message).toContain("Database timeout");
    expect(error.message).toContain("{4D8E0C6A-2B1F-4E55-9C3A-7F0E1D2B3C4A}");
    expect(error.details).toMatchObject({ code: "500", transient: true, needsAttention: false });
    expect(waits).toEqual([2000, 8000]);
  });

  it("a blocked GetConnector needs the admin and is not retried", async () => {
    sim.faults.add({
      target: "HRGateway_Employments",
      fault: { kind: 500, message: "This GetConnector (definition) is blocked" },
    });
    const waits: number[] = [];
    const error = await failure(simSource(sim, waits).listCompanies());
    expect(error.details).toMatchObject({ code: "500", needsAttention: true });
    expect(waits).toEqual([]);
  });

  it("a 500 that goes away on retry does not fail the read", async () => {
    sim.faults.add({ target: "HRGateway_Employments", fault: { kind: 500 }, times: 1 });
    const waits: number[] = [];
    expect(await simSource(sim, waits).listCompanies()).toHaveLength(3);
    expect(waits).toEqual([2000]);
  });

  it.each([
    ["garbage", "not a JSON object"],
    ["no-rows", "no rows array"],
    ["too-many-rows", "8 rows where at most 7 were asked"],
  ] as const)("an answer with %s is a bad_response naming the connector and skip", async (kind, text) => {
    sim.faults.add({ target: "HRGateway_Employments", fault: { kind }, skip: 6 });
    const error = await failure(simSource(sim).listCompanies());
    expect(error.message).toContain(`GET connectors/HRGateway_Employments skip=6: ${text}`);
    expect(error.details).toMatchObject({ code: "bad_response", transient: true });
  });

  it("a 503 with a short Retry-After is waited for once", async () => {
    sim.faults.add({ target: "HRGateway_Employments", fault: { kind: 503, retryAfterSeconds: 30 }, times: 1 });
    const waits: number[] = [];
    expect(await simSource(sim, waits).listCompanies()).toHaveLength(3);
    expect(waits).toEqual([30_000]);
  });

  it("a 503 for a long maintenance fails the run at once, transient", async () => {
    sim.faults.add({ target: "HRGateway_Employments", fault: { kind: 503, retryAfterSeconds: 7200 } });
    const waits: number[] = [];
    const error = await failure(simSource(sim, waits).listCompanies());
    expect(error.details).toMatchObject({ code: "503", transient: true });
    expect(error.message).toContain("maintenance");
    expect(waits).toEqual([]);
  });

  it("a request AFAS does not answer in time is a network error naming the host", async () => {
    sim.faults.add({ target: "metainfo", fault: { kind: "hang" } });
    const error = await failure(simSource(sim, [], { timeoutMs: 200 }).listCompanies());
    expect(error.details).toMatchObject({ code: "network", transient: true });
    expect(error.message).toContain(new URL(sim.baseUrl).host);
  });

  it("a closed port is unreachable", async () => {
    const error = await failure(
      simSource(sim, [], { baseUrl: "http://127.0.0.1:1/ProfitRestServices" }).listCompanies(),
    );
    expect(error.details).toMatchObject({ code: "network", transient: true });
  });
});
