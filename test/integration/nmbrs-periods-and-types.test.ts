import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignCostCenters, assignDepartment } from "../../testkit/nmbrs-sim/dataset-mutations.js";
import {
  costCentersInForce,
  type SimCompany,
  type SimDataset,
  type SimEmployee,
} from "../../testkit/nmbrs-sim/dataset.js";
import { createLogger } from "../../src/logging/logger.js";
import type { NmbrsSimulator } from "../../testkit/nmbrs-sim/soap/simulator.js";
import { createNmbrsRestSource } from "../../src/sources/nmbrs/rest/rest-source.js";
import { createNmbrsSoapSource } from "../../src/sources/nmbrs/soap/soap-source.js";
import type { HrPerson, HrSource } from "../../src/sources/types.js";
import { staticTokens, tokensFromSimulator } from "../support/nmbrs-rest.js";
import { SALES, hire, scenarioDataset, startScenarioSimulator } from "../support/nmbrs-scenario.js";
import { SIM_CREDENTIALS } from "../support/nmbrs-sim.js";

/**
 * Nmbrs as the evidence describes it (docs/nmbrs-rest-api.md): payroll periods counted in the company's period type
 * (month, four weeks, ISO week), REST cost centers as a dated history, REST employee types as codes. Both APIs must
 * give the same people. 28 November 2026 is period 11 of a monthly company, 12 of a four-weekly one (weeks 45–48)
 * and 48 of a weekly one.
 */
const TODAY = "2026-11-28";
const MONTHLY: SimCompany = { id: 101, number: 1, name: "Maand BV", debtorId: 501, domain: "maand.nl" };
const FOUR_WEEKLY: SimCompany = {
  id: 202,
  number: 2,
  name: "Vierweken BV",
  debtorId: 501,
  domain: "vierweken.nl",
  periodType: "four-weeks",
};
const WEEKLY: SimCompany = {
  id: 303,
  number: 3,
  name: "Week BV",
  debtorId: 501,
  domain: "week.nl",
  periodType: "week",
};
const SUPPORT = { code: 7, description: "Support" };
const FINANCE = { code: 4100, description: "Financiën" };
const SALES_CENTER = { code: 4200, description: "Verkoop" };
const IT = { code: 4300, description: "ICT" };

let dataset: SimDataset;
let sim: NmbrsSimulator;
let accessToken: string;
const apis: Record<"SOAP" | "REST", () => HrSource> = {
  SOAP: () => createNmbrsSoapSource({ endpoint: sim.url, ...SIM_CREDENTIALS, retryBaseDelayMs: 1, timeoutMs: 5_000 }),
  REST: () =>
    createNmbrsRestSource({
      apiUrl: sim.rest.apiUrl,
      subscriptionKey: sim.rest.subscriptionKey,
      tokens: staticTokens(accessToken),
      retryBaseDelayMs: 1,
    }),
};

/** Someone in `company` whose department moves to Support from the period `from` falls in. */
function movedToSupport(company: SimCompany, from: string): SimEmployee {
  const employee = hire(dataset, { company, department: SALES, start: "2024-03-04" });
  assignDepartment(dataset, employee.employeeId, SUPPORT, from);
  return employee;
}

const cases = {} as Record<string, SimEmployee>;

beforeAll(async () => {
  dataset = scenarioDataset([MONTHLY, FOUR_WEEKLY, WEEKLY]);
  cases.monthlyNextMonth = movedToSupport(MONTHLY, "2026-12-01");
  cases.monthlyThisMonth = movedToSupport(MONTHLY, "2026-11-02");
  // Week 45 opens four-week period 12; 1 December is week 49, period 13.
  cases.fourWeeklyThisPeriod = movedToSupport(FOUR_WEEKLY, "2026-11-02");
  cases.fourWeeklyNextPeriod = movedToSupport(FOUR_WEEKLY, "2026-12-01");
  // Week 46; read as a month, period 46 would lie far in the future.
  cases.weeklyThisMonth = movedToSupport(WEEKLY, "2026-11-09");
  cases.weeklyNextWeek = movedToSupport(WEEKLY, "2026-11-30");
  // A late-December start is period 1 of the next year in a weekly company: not started yet either way.
  cases.weeklyFromJanuary = movedToSupport(WEEKLY, "2026-12-28");

  // Cost centers: a history, oldest first, so the split in force is never simply the first default row.
  cases.movedCostCenter = hire(dataset, { company: MONTHLY, start: "2022-01-03" });
  assignCostCenters(dataset, cases.movedCostCenter.employeeId, [{ ...FINANCE, percentage: 100 }], "2022-01-03");
  assignCostCenters(dataset, cases.movedCostCenter.employeeId, [{ ...SALES_CENTER, percentage: 100 }], "2026-06-01");
  assignCostCenters(dataset, cases.movedCostCenter.employeeId, [{ ...IT, percentage: 100 }], "2027-01-04");
  cases.correctedCostCenter = hire(dataset, { company: MONTHLY, start: "2022-01-03" });
  assignCostCenters(
    dataset,
    cases.correctedCostCenter.employeeId,
    [{ ...IT, percentage: 100 }],
    "2026-03-02",
    "2026-03-05T10:00:00",
  );
  assignCostCenters(
    dataset,
    cases.correctedCostCenter.employeeId,
    [{ ...FINANCE, percentage: 100 }],
    "2026-03-02",
    "2026-03-09T10:00:00",
  );
  cases.splitCostCenter = hire(dataset, { company: MONTHLY, start: "2022-01-03" });
  assignCostCenters(dataset, cases.splitCostCenter.employeeId, [{ ...FINANCE, percentage: 100 }], "2022-01-03");
  assignCostCenters(
    dataset,
    cases.splitCostCenter.employeeId,
    [
      { ...SALES_CENTER, percentage: 30 },
      { ...IT, percentage: 70 },
    ],
    "2025-01-06",
  );
  cases.weeklyCostCenter = hire(dataset, { company: WEEKLY, start: "2022-01-03" });
  assignCostCenters(dataset, cases.weeklyCostCenter.employeeId, [{ ...FINANCE, percentage: 100 }], "2026-01-05");
  // Week 32: asked for "period 11" (November read as a month), SOAP would answer with week 11's split.
  assignCostCenters(dataset, cases.weeklyCostCenter.employeeId, [{ ...SALES_CENTER, percentage: 100 }], "2026-08-03");

  cases.newHire = hire(dataset, {
    company: MONTHLY,
    employeeTypeId: dataset.employeeTypes.find((type) => type.code === "newHire")!.id,
  });

  sim = await startScenarioSimulator(dataset, { today: TODAY });
  accessToken = (await tokensFromSimulator(sim)).accessToken;
});
afterAll(() => sim.close());

async function everyone(
  api: keyof typeof apis,
  options: { costCenters?: boolean } = {},
): Promise<Map<string, HrPerson>> {
  const source = apis[api]();
  const people = new Map<string, HrPerson>();
  for (const company of await source.listCompanies()) {
    for (const person of await source.fetchCompany(company, {
      today: TODAY,
      managers: false,
      costCenters: options.costCenters ?? false,
    })) {
      people.set(`${company.number}/${person.employeeNumber}`, person);
    }
  }
  return people;
}

function personOf(people: Map<string, HrPerson>, employee: SimEmployee): HrPerson {
  const company = dataset.companies.find((candidate) => candidate.id === employee.companyId)!;
  return people.get(`${company.number}/${employee.employeeNumber}`)!;
}

describe.each(["SOAP", "REST"] as const)("Nmbrs %s", (api) => {
  it.each([
    ["a monthly company: a change dated next month is not in force yet", "monthlyNextMonth", "Sales"],
    ["a monthly company: a change dated this month is", "monthlyThisMonth", "Support"],
    [
      "a four-weekly company: a change in period 12 (week 45) is in force in week 48",
      "fourWeeklyThisPeriod",
      "Support",
    ],
    ["a four-weekly company: period 13 (week 49) has not started", "fourWeeklyNextPeriod", "Sales"],
    ["a weekly company: a change in week 46 is in force in week 48", "weeklyThisMonth", "Support"],
    ["a weekly company: next week's change is not", "weeklyNextWeek", "Sales"],
    ["a weekly company: 28 December is week 1 of next year", "weeklyFromJanuary", "Sales"],
  ])("dates a department by the company's period type: %s", async (_rule, name, department) => {
    const people = await everyone(api);
    expect(personOf(people, cases[name]!).department?.name).toBe(department);
  });

  it.each([
    ["the split of the newest started period, not the first row nor a planned one", "movedCostCenter", "Verkoop"],
    ["a correction within one period (newer createdAt) wins", "correctedCostCenter", "Financiën"],
    ["of the current split the default one, not an older split's", "splitCostCenter", "Verkoop"],
    ["a weekly company: the split of week 32, in force in week 48", "weeklyCostCenter", "Verkoop"],
  ])("reads the cost center in force: %s", async (_rule, name, costCenter) => {
    const people = await everyone(api, { costCenters: true });
    expect(personOf(people, cases[name]!).costCenter?.name).toBe(costCenter);
  });

  it("serves the employee type by the label SOAP gives, so a switch renames no userType or group", async () => {
    const people = await everyone(api);
    for (const employee of dataset.employees) {
      const label = dataset.employeeTypes.find((type) => type.id === employee.employeeTypeId)!.description;
      expect(personOf(people, employee).employeeType).toBe(label);
    }
    expect(personOf(people, cases.newHire!).employeeType).toBe("Nieuwe medewerker");
  });
});

describe("an API template without Company_GetCurrentPeriod", () => {
  it("still syncs, reading every company as monthly as before, and says which call to enable", async () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: "silent",
      also: { stream: { write: (line: string) => void lines.push(line) }, level: "warn" },
    });
    sim.settings.disabledOperations.add("CompanyService.Company_GetCurrentPeriod");
    try {
      const source = createNmbrsSoapSource({
        endpoint: sim.url,
        ...SIM_CREDENTIALS,
        retryBaseDelayMs: 1,
        timeoutMs: 5_000,
        logger,
      });
      const weekly = (await source.listCompanies()).find((company) => company.number === "3")!;
      const people = await source.fetchCompany(weekly, { today: TODAY, managers: false, costCenters: false });
      // Week 46 read as month 46: not started, the pre-fix reading, rather than no sync at all.
      expect(
        people.find((person) => person.employeeNumber === String(cases.weeklyThisMonth!.employeeNumber))!.department
          ?.name,
      ).toBe("Sales");
      const warnings = lines.map((line) => JSON.parse(line) as { msg: string; company: string });
      expect(warnings).toEqual([
        expect.objectContaining({ company: "3", msg: expect.stringContaining("enable the call") }),
      ]);
    } finally {
      sim.settings.disabledOperations.delete("CompanyService.Company_GetCurrentPeriod");
    }
  });
});

describe("the simulator serves Nmbrs' REST shapes", () => {
  it("cost centers as a dated history without year/period parameters, and employee types as codes", async () => {
    const company = (await apis.REST().listCompanies()).find((candidate) => candidate.number === "1")!;
    const headers = { authorization: `Bearer ${accessToken}`, "x-subscription-key": sim.rest.subscriptionKey };
    const get = async (path: string) =>
      (
        (await (
          await fetch(`${sim.rest.apiUrl}/api/companies/${company.id}/employees${path}?pageSize=100`, { headers })
        ).json()) as { data: Record<string, unknown>[] }
      ).data;
    const centers = (await get("/costcenters")).flatMap(
      (item) => item.employeeCostCenters as Record<string, unknown>[],
    );
    expect(centers.length).toBeGreaterThan(0);
    for (const row of centers)
      expect(row).toMatchObject({
        period: { year: expect.any(Number), period: expect.any(Number) },
        createdAt: expect.stringMatching(/Z$/),
      });
    const types = new Set(
      (await get("/personalinfo")).flatMap((item) =>
        (item.info as { basicInfo: { employeeType: string } }[]).map((record) => record.basicInfo.employeeType),
      ),
    );
    expect(
      [...types].every((type) =>
        [
          "applicant",
          "newHire",
          "payroll",
          "formerPayroll",
          "external",
          "formerExternal",
          "rejectedApplicant",
        ].includes(type),
      ),
    ).toBe(true);
    // The sim's own pick agrees with the history it serves (the test's expectations rest on it).
    expect(costCentersInForce(cases.movedCostCenter!.costCenters, 202611).map((row) => row.description)).toEqual([
      "Verkoop",
    ]);
  });
});
