import type { ConnectorConfig } from "../../src/config/types.js";
import { createLoketSource, type LoketSource, type LoketSourceOptions } from "../../src/sources/loket/loket-source.js";
import type { AccessTokens } from "../../src/sources/nmbrs/rest/rest-client.js";
import type { LoketSimulator } from "../../testkit/loket-sim/loket-simulator.js";
import { connectorSettings } from "./hr-data.js";

export const SIM_CLIENT_ID = "3f1c2b9e-7a44-4d0b-9a55-loket-sim";

/** Tokens as a store hands them out: `current()` the one issued, `renew()` a fresh one unless told to refuse. */
export function simTokens(
  sim: LoketSimulator,
  renewals: { count: number; refuse?: boolean } = { count: 0 },
): AccessTokens {
  let token = sim.tokens.issue();
  return {
    current: async () => token,
    renew: async () => {
      renewals.count++;
      if (!renewals.refuse) token = sim.tokens.issue();
      return token;
    },
  };
}

/** The Loket source on the simulator; waits are recorded in `waits` instead of slept. */
export function simSource(
  sim: LoketSimulator,
  waits: number[] = [],
  overrides: Partial<LoketSourceOptions> = {},
): LoketSource {
  return createLoketSource({
    apiUrl: sim.apiUrl,
    tokens: simTokens(sim),
    employers: [],
    pageSize: 7,
    timeoutMs: 5_000,
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...overrides,
  });
}

/** Connector "acme" of kind loket on the simulator, with `raw` connector settings. */
export function loketConnector(sim: LoketSimulator, raw: Record<string, unknown> = {}, pageSize = 7): ConnectorConfig {
  return {
    settings: connectorSettings({ kind: "loket", ...raw }),
    nmbrs: null,
    nmbrsRest: null,
    loket: {
      environment: "acceptance",
      apiUrl: sim.apiUrl,
      oauthUrl: sim.oauthUrl,
      clientId: SIM_CLIENT_ID,
      clientSecret: "loket-sim-secret",
      employers: [],
      pageSize,
      timeoutSeconds: 5,
    },
    scim: { username: null, password: null, bearerToken: null },
  };
}
