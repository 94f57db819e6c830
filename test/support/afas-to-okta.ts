import type { AfasSimulator } from "../../testkit/afas-sim/afas-simulator.js";
import type { AfasDataset } from "../../testkit/afas-sim/dataset.js";
import { afasConnector, startSim } from "./afas-sim.js";
import { type SourceToOkta, startSourceToOkta } from "./source-to-okta.js";

export type AfasToOkta = SourceToOkta<AfasSimulator>;

/** AFAS Profit to Okta (source-to-okta.ts): the AFAS simulator, connector "acme" of kind afas-profit with `raw` settings. */
export async function startAfasToOkta(
  dir: string,
  dataset: AfasDataset,
  raw: Record<string, unknown> = {},
): Promise<AfasToOkta> {
  const sim = await startSim(dataset);
  return startSourceToOkta(dir, { sim, connector: afasConnector(sim, raw, 50) });
}
