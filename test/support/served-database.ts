import { join } from "node:path";
import { expect } from "vitest";
import { ACME, BETA, connectorConfig, hrPerson } from "./hr-data.js";
import { ScriptedSource } from "./scripted-source.js";
import { syncFixture } from "./sync-fixture.js";

export const SCIM_TOKEN = "resilience-bearer-token-7d1f0c2a9b";

/**
 * config.toml for a gateway process serving connector "acme" from a database written by {@link servedDatabase}:
 * the schedule never fires during a test and the source is never reached (its endpoint is a closed port).
 * `server` lines go into [server]; `extra` is appended.
 */
export function servedGatewayToml(options: { server?: string; extra?: string } = {}): string {
  return `${options.server ?? ""}
[log]
level = "warn"
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

/** `<dir>/gateway.db` serving `users` users of connector "acme" in 2 companies and 10 departments, written by a real sync. */
export async function servedDatabase(dir: string, users: number): Promise<{ id: string; userName: string }[]> {
  const departments = Array.from({ length: 10 }, (_, i) => ({ code: String(i), name: `Department ${i}` }));
  const team = (prefix: string) =>
    Array.from({ length: users / 2 }, (_, i) => hrPerson({ sourceKey: `${prefix}${i}`, lastName: `${prefix}${i}`, department: departments[i % 10]! }));
  const source = new ScriptedSource([ACME, BETA]).set(ACME, team("a")).set(BETA, team("b"));
  const connector = connectorConfig({ groups: { kinds: ["department", "company"] } });
  const fixture = syncFixture({ connector, source: () => source, path: join(dir, "gateway.db") });
  expect((await fixture.service.runNow("acme", "schedule")).status).toBe("succeeded");
  const served = fixture.db.sqlite
    .prepare("SELECT scim_id AS id, user_name AS userName FROM scim_resources WHERE resource_type = 'User' AND gen_to IS NULL")
    .all() as { id: string; userName: string }[];
  fixture.db.close();
  return served;
}
