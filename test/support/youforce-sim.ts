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
 * Test pacing: the simulator's spike arrest at 5 ms and the source's spacing at 8 ms, so a read of a few hundred
 * records takes tens of milliseconds instead of minutes; the 600 ms rule itself is proven with an injected timer
 * (test/unit/sources/youforce/youforce-client.test.ts).
 */
export const TEST_SPIKE_ARREST_MS = 5;
export const TEST_INTERVAL_MS = 8;

/** Retries and 429 waits recorded instead of slept; pacing stays real (the simulator's spike arrest checks it). */
export function noWaitTimer(waits: number[] = []) {
  return {
    now: () => performance.now(),
    sleep: async (ms: number) => {
      waits.push(ms);
    },
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
    timer: noWaitTimer(waits),
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
