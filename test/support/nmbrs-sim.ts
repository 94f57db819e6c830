import { generateDataset, type GeneratorOptions } from "../../testkit/nmbrs-sim/generator.js";
import type { SimDataset } from "../../testkit/nmbrs-sim/dataset.js";
import {
  startNmbrsSimulator,
  type NmbrsSimulator,
  type NmbrsSimulatorOptions,
} from "../../testkit/nmbrs-sim/soap/simulator.js";
import { createNmbrsSoapSource, type NmbrsSoapSourceOptions } from "../../src/sources/nmbrs/soap/soap-source.js";
import type { FetchOptions, HrSource } from "../../src/sources/types.js";

/** A token distinctive enough that a test can assert it never leaks into a message. */
export const SIM_CREDENTIALS = { username: "api@acme.nl", token: "tok-5f1c9e0d7b2a4c68", domain: "acme" } as const;
export const SIM_TODAY = "2026-11-28";

export const FETCH_ALL: FetchOptions = { today: SIM_TODAY, managers: false, costCenters: false };

export interface SimulatedNmbrs {
  readonly dataset: SimDataset;
  readonly sim: NmbrsSimulator;
  /** A source pointed at the simulator; fast retries so retry tests stay quick. */
  source(overrides?: Partial<NmbrsSoapSourceOptions>): HrSource;
}

export async function startSimulatedNmbrs(
  generator: Partial<GeneratorOptions> = {},
  simulator: Partial<Omit<NmbrsSimulatorOptions, "dataset">> = {},
): Promise<SimulatedNmbrs> {
  const dataset = generateDataset({ seed: 7, companies: 2, employeesPerCompany: 30, today: SIM_TODAY, ...generator });
  const sim = await startNmbrsSimulator({ dataset, credentials: SIM_CREDENTIALS, today: SIM_TODAY, ...simulator });
  return {
    dataset,
    sim,
    source: (overrides = {}) =>
      createNmbrsSoapSource({
        endpoint: sim.url,
        ...SIM_CREDENTIALS,
        retryBaseDelayMs: 1,
        timeoutMs: 5_000,
        ...overrides,
      }),
  };
}

/** The raw wire: posts an envelope as a client would and returns status, content type and body. */
export async function postRaw(
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; contentType: string | null; body: string }> {
  const response = await fetch(url, { method: "POST", headers, body });
  return { status: response.status, contentType: response.headers.get("content-type"), body: await response.text() };
}
