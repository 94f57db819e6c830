import type { ConnectorConfig } from "../../src/config/types.js";
import { addEmployee, type CodedValue } from "../../testkit/nmbrs-sim/dataset-mutations.js";
import type { SimCompany, SimDataset, SimEmployee } from "../../testkit/nmbrs-sim/dataset.js";
import { EMPLOYEE_TYPES } from "../../testkit/nmbrs-sim/dutch-names.js";
import {
  startNmbrsSimulator,
  type NmbrsSimulator,
  type NmbrsSimulatorOptions,
} from "../../testkit/nmbrs-sim/soap/simulator.js";
import { connectorConfig } from "./hr-data.js";
import { SIM_CREDENTIALS } from "./nmbrs-sim.js";

/**
 * Scenario data for tests that run the whole chain: a hand-made Nmbrs environment served by the simulator over HTTP
 * and read by the real SOAP source. A test states its people with {@link hire} and changes them between simulated
 * days with the mutation helpers of testkit/nmbrs-sim/dataset-mutations.ts.
 */

/** ACME and BETA of hr-data.ts as Nmbrs holds them: the SOAP source reads them back as exactly those HrCompanies. */
export const ACME_NMBRS: SimCompany = { id: 101, number: 1, name: "Acme BV", debtorId: 501, domain: "acme.nl" };
export const BETA_NMBRS: SimCompany = {
  id: 202,
  number: 2,
  name: "Beta Services BV",
  debtorId: 501,
  domain: "beta.nl",
};

export const SALES: CodedValue = { code: 10, description: "Sales" };
export const ACCOUNT_MANAGER: CodedValue = { code: 1, description: "Accountmanager" };

/** An environment with these companies and Nmbrs' usual employee types, and nobody employed yet. */
export function scenarioDataset(companies: readonly SimCompany[] = [ACME_NMBRS, BETA_NMBRS]): SimDataset {
  const debtorIds = [...new Set(companies.map((company) => company.debtorId))];
  return {
    debtors: debtorIds.map((id, index) => ({
      id,
      number: String(index + 1),
      name: `Administratiekantoor ${index + 1}`,
    })),
    companies: [...companies],
    employeeTypes: EMPLOYEE_TYPES.map((type, index) => ({ id: index + 1, ...type })),
    employees: [],
  };
}

export interface Hire {
  readonly company?: SimCompany;
  readonly firstName?: string;
  readonly nickname?: string;
  readonly prefix?: string | null;
  readonly lastName?: string;
  /** Default `jan.<last name>@acme.nl`, as hrPerson() makes it; null for none. */
  readonly workEmail?: string | null;
  readonly privateEmail?: string | null;
  /** Default 1, the first of Nmbrs' employee types (Loondienst, REST `payroll`). */
  readonly employeeTypeId?: number;
  /** First working day; default 2020-01-01. */
  readonly start?: string;
  /** Last working day; default open-ended. */
  readonly end?: string | null;
  readonly employeeNumber?: number;
  readonly department?: CodedValue;
  readonly function?: CodedValue;
}

let unnamed = 1;

/**
 * Puts a person into Nmbrs the way hrPerson() describes one: Jan, employed since 2020 (employment and contract), a
 * work e-mail derived from the last name, Sales / Accountmanager. A test overrides what its rule is about.
 */
export function hire(dataset: SimDataset, spec: Hire = {}): SimEmployee {
  const firstName = spec.firstName ?? "Jan";
  const lastName = spec.lastName ?? `Person${unnamed++}`;
  return addEmployee(dataset, {
    companyId: (spec.company ?? ACME_NMBRS).id,
    firstName,
    ...(spec.nickname !== undefined ? { nickname: spec.nickname } : {}),
    prefix: spec.prefix ?? null,
    lastName,
    workEmail: spec.workEmail === undefined ? `jan.${lastName.toLowerCase()}@acme.nl` : spec.workEmail,
    privateEmail: spec.privateEmail ?? null,
    ...(spec.employeeTypeId !== undefined ? { employeeTypeId: spec.employeeTypeId } : {}),
    startDate: spec.start ?? "2020-01-01",
    endDate: spec.end ?? null,
    ...(spec.employeeNumber !== undefined ? { employeeNumber: spec.employeeNumber } : {}),
    department: spec.department ?? SALES,
    function: spec.function ?? ACCOUNT_MANAGER,
  });
}

/** The source key the SOAP source gives an employee (its Nmbrs EmployeeId). */
export function keyOf(employee: SimEmployee): string {
  return String(employee.employeeId);
}

/** The simulator on 127.0.0.1 serving `dataset` live (mutations show in the next call), with the scenario credentials. */
export function startScenarioSimulator(
  dataset: SimDataset,
  options: Partial<Omit<NmbrsSimulatorOptions, "dataset" | "credentials">> = {},
): Promise<NmbrsSimulator> {
  return startNmbrsSimulator({ dataset, credentials: SIM_CREDENTIALS, ...options });
}

/**
 * A connector (config.toml defaults plus `raw`) whose Nmbrs SOAP endpoint is the simulator: the gateway's own source
 * factory turns it into the real SOAP source, talking HTTP to the simulator.
 */
export function simConnector(
  sim: NmbrsSimulator,
  raw: Record<string, unknown> = {},
  companies: string[] = [],
): ConnectorConfig {
  const base = connectorConfig(raw, companies);
  return { ...base, nmbrs: { ...base.nmbrs!, endpoint: sim.url, ...SIM_CREDENTIALS } };
}

/**
 * Moves to a simulated day at 08:00 UTC: the gateway's clock (the sync derives "today" from it) and the
 * simulator's today (its *_GetCurrent answers) move together, so both sides agree on the date.
 */
export function simulatedDay(clock: { set(iso: string): void }, sim: NmbrsSimulator, date: string): void {
  clock.set(`${date}T08:00:00Z`);
  sim.settings.today = date;
}
