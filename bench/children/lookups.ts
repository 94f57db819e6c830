/**
 * Benchmark 3's client, in a process of its own so that the benchmark runner's garbage (the imports' sample pages)
 * never pauses a measured request: `userName eq` lookups in a random mix of cases, sequential, each followed by a
 * `GET /healthz` of the gateway and a GET of a bare Node server (bare-http-server.ts), each kind over its own
 * kept-alive connection. Interleaved, the three see the same moments of this machine's scheduling noise, so the
 * floors are measured under the lookups' conditions. Prints one JSON line: the three lists of round trips in ms, in
 * the order of the names (the runner takes the first half as a warm-up pass).
 *
 *   node --import tsx bench/children/lookups.ts <SCIM Base URL> <Authorization> <userNames file> <bare server URL>
 */
import { readFileSync } from "node:fs";
import { OktaScimClient } from "../../testkit/okta-sim/okta-scim-client.js";

const [base, authorization, namesFile, bareUrl] = process.argv.slice(2) as [string, string, string, string];
const userNames = readFileSync(namesFile, "utf8").split("\n").filter(Boolean);

const scim = new OktaScimClient(base, authorization);
const gateway = new OktaScimClient(new URL("/", base).href, authorization);
const bare = new OktaScimClient(bareUrl, authorization);
const lookups: number[] = [];
const health: number[] = [];
const bareTrips: number[] = [];
for (const [index, userName] of userNames.entries()) {
  // Okta compares userNames case-insensitively: ask in a random mix of cases.
  const asked = [...userName].map((letter, at) => ((index + at) % 3 === 0 ? letter.toUpperCase() : letter)).join("");
  const path = `Users?filter=${encodeURIComponent(`userName eq ${JSON.stringify(asked)}`)}&startIndex=1&count=100`;
  const reply = await timed(scim, path, lookups);
  const total = (JSON.parse(reply.body) as { totalResults: number }).totalResults;
  if (total !== 1) throw new Error(`lookup of ${asked}: totalResults ${total}`);
  await timed(gateway, "healthz", health);
  await timed(bare, "", bareTrips);
}
for (const client of [scim, gateway, bare]) client.close();
process.stdout.write(`${JSON.stringify({ lookups, health, bare: bareTrips })}\n`);

async function timed(client: OktaScimClient, path: string, into: number[]): Promise<{ body: string }> {
  const started = performance.now();
  const reply = await client.get(path);
  into.push(performance.now() - started);
  if (reply.status !== 200) throw new Error(`GET ${path}: status ${reply.status}`);
  return reply;
}
