import { connectWithToken } from "../../testkit/loket-sim/connect.js";
import type { LoketDataset } from "../../testkit/loket-sim/dataset.js";
import { startLoketSimulator, type LoketSimulator } from "../../testkit/loket-sim/loket-simulator.js";
import { loketConnector, SIM_CLIENT_ID } from "./loket-sim.js";
import { type SourceToOkta, startSourceToOkta } from "./source-to-okta.js";

export interface LoketToOkta extends SourceToOkta<LoketSimulator> {
  /** A new consent: a token the simulator issued, stored as the connector's sealed Loket tokens. */
  connect(): void;
}

/**
 * Loket to Okta (source-to-okta.ts): the Loket simulator, connector "acme" of kind loket with `raw` settings and a
 * consent stored in its sealed secrets, which each sync process reads as production's does.
 */
export async function startLoketToOkta(
  dir: string,
  dataset: LoketDataset,
  raw: Record<string, unknown> = {},
): Promise<LoketToOkta> {
  const sim = await startLoketSimulator({ dataset });
  const chain = await startSourceToOkta(dir, { sim, connector: loketConnector(sim, raw, 50) });
  const connect = () =>
    connectWithToken(chain.registry, "acme", sim.tokens.issue(), {
      clientId: SIM_CLIENT_ID,
      oauthUrl: sim.oauthUrl,
      now: chain.clock.now(),
    });
  connect();
  return { ...chain, connect };
}
