import type { YouforceDataset } from "../../testkit/youforce-sim/dataset.js";
import type { YouforceSimulator } from "../../testkit/youforce-sim/youforce-simulator.js";
import { type SourceToOkta, startSourceToOkta } from "./source-to-okta.js";
import { startSim, youforceConnector } from "./youforce-sim.js";

export type YouforceToOkta = SourceToOkta<YouforceSimulator>;

/**
 * Youforce to Okta (source-to-okta.ts): the Youforce simulator, connector "acme" of kind youforce with `raw` settings.
 * Each run paces its calls as production does (Youforce's spike arrest), so a run takes seconds.
 */
export async function startYouforceToOkta(
  dir: string,
  dataset: YouforceDataset,
  raw: Record<string, unknown> = {},
): Promise<YouforceToOkta> {
  const sim = await startSim(dataset, { pageSize: 50 });
  return startSourceToOkta(dir, { sim, connector: youforceConnector(sim, raw) });
}
