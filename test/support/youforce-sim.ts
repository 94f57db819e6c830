import type { ConnectorConfig } from "../../src/config/types.js";
import { forgetYouforceTokens } from "../../src/sources/youforce/http/token.js";
import { createYouforceSource, type YouforceSourceOptions } from "../../src/sources/youforce/youforce-source.js";
import type { HrSource } from "../../src/sources/types.js";
import type { YouforceDataset } from "../../testkit/youforce-sim/dataset.js";
import {
  SIM_CLIENT_ID,
  SIM_CLIENT_SECRET,
  startYouforceSimulator,
  type YouforceSimulator,
  type YouforceSimulatorOptions,
} from "../../testkit/youforce-sim/youforce-simulator.js";
import { connectorSettings } from "./hr-data.js";

/**
 * Test pacing: the source's spacing at 10 ms, so a read of a few hundred records takes a fraction of a second
 * instead of minutes, and the simulator's spike arrest off, because on a busy machine a call's arrival can lag its
 * start by more than such a spacing. The arrest is tested with a wide margin (integration/youforce-source.test.ts),
 * the 600 ms rule on an injected clock (unit/sources/youforce/youforce-client.test.ts).
 */
export const TEST_SPIKE_ARREST_MS = 0;
export const TEST_INTERVAL_MS = 10;

/** Retries and 429 waits recorded instead of slept; pacing stays real (the simulator's spike arrest checks it). */
export function recordWaits(waits: number[] = []) {
  return async (ms: number) => {
    waits.push(ms);
  };
}

export function startSim(
  dataset: YouforceDataset,
  options: Partial<YouforceSimulatorOptions> = {},
): Promise<YouforceSimulator> {
  // Every simulator hands out its own tokens: none may be reused from an earlier test's simulator on the same port.
  forgetYouforceTokens();
  return startYouforceSimulator({ dataset, spikeArrestMs: TEST_SPIKE_ARREST_MS, pageSize: 40, ...options });
}

/** The Youforce source on the simulator; its retry and 429 waits are recorded in `waits`, not slept. */
export function simSource(
  sim: YouforceSimulator,
  waits: number[] = [],
  overrides: Partial<YouforceSourceOptions> = {},
): HrSource {
  return createYouforceSource({
    connectorId: "acme",
    apiUrl: sim.apiUrl,
    tokenUrl: sim.tokenUrl,
    clientId: SIM_CLIENT_ID,
    clientSecret: SIM_CLIENT_SECRET,
    tenantId: sim.dataset.tenantId,
    companies: [],
    timeoutMs: 5_000,
    today: () => "2026-01-10",
    intervalMs: TEST_INTERVAL_MS,
    wait: recordWaits(waits),
    ...overrides,
  });
}

/** Connector "acme" of kind youforce on the simulator, with `raw` connector settings. */
export function youforceConnector(sim: YouforceSimulator, raw: Record<string, unknown> = {}): ConnectorConfig {
  return {
    settings: connectorSettings({ kind: "youforce", ...raw }),
    nmbrs: null,
    nmbrsRest: null,
    youforce: {
      apiUrl: sim.apiUrl,
      tokenUrl: sim.tokenUrl,
      clientId: SIM_CLIENT_ID,
      clientSecret: SIM_CLIENT_SECRET,
      tenantId: sim.dataset.tenantId,
      companies: [],
      timeoutSeconds: 5,
    },
    scim: { username: null, password: null, bearerToken: null },
  };
}
