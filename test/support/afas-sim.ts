import type { ConnectorConfig } from "../../src/config/types.js";
import { createAfasSource, type AfasSourceOptions } from "../../src/sources/afas/afas-source.js";
import type { HrSource } from "../../src/sources/types.js";
import type { AfasDataset } from "../../testkit/afas-sim/dataset.js";
import { SIM_AFAS_TOKEN, startAfasSimulator, type AfasSimulator } from "../../testkit/afas-sim/afas-simulator.js";
import { connectorSettings } from "./hr-data.js";

export const ALL_NEEDS = { privateEmail: true, managers: true, costCenters: true } as const;

/** The AFAS source on the simulator; waits are recorded in `waits` instead of slept. */
export function simSource(
  sim: AfasSimulator,
  waits: number[] = [],
  overrides: Partial<AfasSourceOptions> = {},
): HrSource {
  return createAfasSource({
    baseUrl: sim.baseUrl,
    token: SIM_AFAS_TOKEN,
    integrationId: null,
    employers: [],
    pageSize: 7,
    timeoutMs: 5_000,
    needs: ALL_NEEDS,
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...overrides,
  });
}

export async function startSim(dataset: AfasDataset): Promise<AfasSimulator> {
  return startAfasSimulator({ dataset });
}

/** Connector "acme" of kind afas-profit on the simulator, with `raw` connector settings. */
export function afasConnector(sim: AfasSimulator, raw: Record<string, unknown> = {}, pageSize = 7): ConnectorConfig {
  return {
    settings: connectorSettings({ kind: "afas-profit", ...raw }),
    nmbrs: null,
    nmbrsRest: null,
    afas: {
      baseUrl: sim.baseUrl,
      token: SIM_AFAS_TOKEN,
      integrationId: "12345_678900",
      employers: [],
      pageSize,
      timeoutSeconds: 5,
    },
    scim: { username: null, password: null, bearerToken: null },
  };
}
