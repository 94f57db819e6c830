import type { ConnectorConfig } from "../../src/config/types.js";
import { addEmployees } from "../../testkit/nmbrs-sim/dataset-mutations.js";
import type { SimDataset } from "../../testkit/nmbrs-sim/dataset.js";
import type { NmbrsSimulator } from "../../testkit/nmbrs-sim/soap/simulator.js";
import {
  ACCOUNT_MANAGER,
  ACME_NMBRS,
  BETA_NMBRS,
  SALES,
  scenarioDataset,
  simConnector,
  startScenarioSimulator,
} from "./nmbrs-scenario.js";

/**
 * How the crash-safety test's runs differ. first: the data of the run before the crash; fetch: the same data, but
 * company 2 answers only after an hour, so a run reads company 1 and then waits (to be killed mid-fetch); write:
 * everyone moved to another department, so the run changes every user in one large transaction (killed mid-write).
 */
export type CrashMode = "first" | "fetch" | "write";

/** Two companies of `teamSize / 2` employees each, all in Sales, or in Finance for "write". */
export function crashDataset(mode: CrashMode, teamSize: number): SimDataset {
  const department = mode === "write" ? { code: 20, description: "Finance" } : SALES;
  const dataset = scenarioDataset();
  const team = (companyId: number, prefix: string) =>
    Array.from({ length: teamSize / 2 }, (_, i) => ({
      companyId,
      firstName: "Jan",
      lastName: `${prefix}${i}`,
      workEmail: `jan.${prefix}${i}@acme.nl`,
      startDate: "2020-01-01",
      department,
      function: ACCOUNT_MANAGER,
    }));
  addEmployees(dataset, [...team(ACME_NMBRS.id, "a"), ...team(BETA_NMBRS.id, "b")]);
  return dataset;
}

/** A simulator serving the mode's data, and the connector that reads it over SOAP with the real source. */
export async function startCrashSimulator(
  mode: CrashMode,
  teamSize: number,
): Promise<{ sim: NmbrsSimulator; connector: ConnectorConfig }> {
  const sim = await startScenarioSimulator(crashDataset(mode, teamSize));
  if (mode === "fetch") sim.faults.add({ companyId: BETA_NMBRS.id, fault: { kind: "delay", ms: 3_600_000 } });
  const connector = simConnector(sim, { groups: { kinds: ["department"] }, max_deactivation_percent: 100 });
  // A company of thousands on a busy test machine may take longer than the fixtures' usual 5 s per call.
  return { sim, connector: { ...connector, nmbrs: { ...connector.nmbrs!, timeoutSeconds: 120 } } };
}
