import { youforceSourceFor } from "../../src/connectors/youforce-source-for.js";
import type { YouforceDataset } from "../../testkit/youforce-sim/dataset.js";
import type { YouforceSimulator } from "../../testkit/youforce-sim/youforce-simulator.js";
import { type SourceToOkta, startSourceToOkta } from "./source-to-okta.js";
import { recordWaits, startSim, TEST_INTERVAL_MS, youforceConnector } from "./youforce-sim.js";

export type YouforceToOkta = SourceToOkta<YouforceSimulator>;

/**
 * Youforce to Okta (source-to-okta.ts): the Youforce simulator, connector "acme" of kind youforce with `raw` settings.
 * Pacing is test-sized (support/youforce-sim.ts); retry and 429 waits are not slept.
 */
export async function startYouforceToOkta(
  dir: string,
  dataset: YouforceDataset,
  raw: Record<string, unknown> = {},
): Promise<YouforceToOkta> {
  const sim = await startSim(dataset, { pageSize: 50 });
  return startSourceToOkta(dir, {
    sim,
    connector: youforceConnector(sim, raw),
    sourceFor: (connector, { clock, logger }) =>
      youforceSourceFor(connector.settings, connector.youforce!, logger, clock, {
        wait: recordWaits(),
        intervalMs: TEST_INTERVAL_MS,
      }),
  });
}
