import { generateYouforceDataset } from "../youforce-sim/generator.js";
import {
  SIM_CLIENT_ID,
  SIM_CLIENT_SECRET,
  startYouforceSimulator,
  type YouforceSimulator,
} from "../youforce-sim/youforce-simulator.js";

/**
 * `npm run demo -- --source youforce`: the Youforce simulator with a generated municipality group of 3 companies
 * (testkit/youforce-sim/), paced as Youforce is (600 ms between calls), so the first sync takes a few seconds.
 */
export async function startYouforceDemo(personsPerCompany: number, today: string, port: number) {
  const dataset = generateYouforceDataset({ companies: 3, personsPerCompany, today });
  // The gateway starts calls 600 ms apart; arrivals on this machine vary by a few milliseconds, so an exact 600 ms
  // arrest showed a 429 (and a 2 s wait) on about one call in three. How much Youforce tolerates is unverified.
  const sim = await startYouforceSimulator({ dataset, port, spikeArrestMs: 580 });
  const description = `Youforce simulator: ${sim.apiUrl}, ${dataset.records.persons.length} person versions, ${dataset.records.employments.length} employment versions`;
  return { url: sim.apiUrl, description, close: () => sim.close(), sim };
}

const q = (text: string) => JSON.stringify(text);

/** The demo connector's config.toml section; http: is allowed for the simulator on 127.0.0.1 (start-up warns). */
export function youforceDemoConnector(
  connectorId: string,
  sim: Pick<YouforceSimulator, "apiUrl" | "tokenUrl">,
  tenantId: string,
): string {
  return `[[connectors]]
id = ${q(connectorId)}
kind = "youforce"
name = "Gemeente Rivierstad (simulated Youforce)"
schedule = "15 */2 * * *"
managers = true
groups = { kinds = ["department", "company", "function"] }

[connectors.youforce]
api_url = ${q(sim.apiUrl)}
token_url = ${q(sim.tokenUrl)}
client_id = ${q(SIM_CLIENT_ID)}
client_secret = ${q(SIM_CLIENT_SECRET)}
tenant_id = ${q(tenantId)}
`;
}
