import { join } from "node:path";
import { expect } from "vitest";
import {
  ACME_NMBRS,
  BETA_NMBRS,
  hire,
  scenarioDataset,
  simConnector,
  startScenarioSimulator,
} from "./nmbrs-scenario.js";
import { syncFixture } from "./sync-fixture.js";

export const SCIM_TOKEN = "resilience-bearer-token-7d1f0c2a9b";

/**
 * config.toml for a gateway process serving connector "acme" from a database written by {@link servedDatabase}:
 * the schedule never fires during a test and the source is never reached (its endpoint is a closed port).
 * `server` lines go into [server]; `extra` is appended; stdout logs at `logLevel` (default warn).
 */
export function servedGatewayToml(options: { server?: string; extra?: string; logLevel?: string } = {}): string {
  return `${options.server ?? ""}
[log]
level = "${options.logLevel ?? "warn"}"
[[connectors]]
id = "acme"
kind = "nmbrs-soap"
schedule = "0 0 1 1 *"
max_deactivation_percent = 100
[connectors.groups]
kinds = ["department", "company"]
[connectors.nmbrs]
endpoint = "http://127.0.0.1:1/soap/v3"
username = "api@acme.nl"
token = "not-used"
domain = "acme"
[connectors.scim]
bearer_token = "${SCIM_TOKEN}"
${options.extra ?? ""}`;
}

/**
 * `<dir>/gateway.db` serving `users` users of connector "acme" in 2 companies and 10 departments, written by a real
 * sync: the Nmbrs simulator over HTTP, read by the SOAP source. The simulator is closed again afterwards.
 */
export async function servedDatabase(dir: string, users: number): Promise<{ id: string; userName: string }[]> {
  const dataset = scenarioDataset();
  for (const [prefix, company] of [
    ["a", ACME_NMBRS],
    ["b", BETA_NMBRS],
  ] as const) {
    for (let i = 0; i < users / 2; i += 1) {
      hire(dataset, {
        company,
        lastName: `${prefix}${i}`,
        department: { code: i % 10, description: `Department ${i % 10}` },
      });
    }
  }
  const sim = await startScenarioSimulator(dataset);
  const connector = simConnector(sim, { groups: { kinds: ["department", "company"] } });
  const fixture = syncFixture({ connector, path: join(dir, "gateway.db") });
  try {
    expect((await fixture.service.runNow("acme", "schedule")).status).toBe("succeeded");
  } finally {
    await sim.close();
  }
  const served = fixture.db.sqlite
    .prepare(
      "SELECT scim_id AS id, user_name AS userName FROM scim_resources WHERE resource_type = 'User' AND gen_to IS NULL",
    )
    .all() as { id: string; userName: string }[];
  fixture.db.close();
  return served;
}
