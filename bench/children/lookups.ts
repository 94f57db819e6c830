/**
 * Benchmark 3's client, in a process of its own so that the benchmark runner's garbage (the imports' sample pages)
 * never pauses a measured request: `userName eq` lookups in a random mix of cases, sequential, then as many
 * `GET /healthz` of the gateway, and as many GETs of a bare Node server (bare-http-server.ts), each over one
 * kept-alive connection. Prints one JSON line: the three lists of round trips in ms.
 *
 *   node --import tsx bench/children/lookups.ts <SCIM Base URL> <Authorization> <userNames file> <bare server URL>
 */
import { readFileSync } from "node:fs";
import { OktaScimClient } from "../../src/okta/okta-scim-client.js";

const [base, authorization, namesFile, bareUrl] = process.argv.slice(2) as [string, string, string, string];
const userNames = readFileSync(namesFile, "utf8").split("\n").filter(Boolean);

const lookups: number[] = [];
const scim = new OktaScimClient(base, authorization);
for (const [index, userName] of userNames.entries()) {
  // Okta compares userNames case-insensitively: ask in a random mix of cases.
  const asked = [...userName].map((letter, at) => ((index + at) % 3 === 0 ? letter.toUpperCase() : letter)).join("");
  const path = `Users?filter=${encodeURIComponent(`userName eq ${JSON.stringify(asked)}`)}&startIndex=1&count=100`;
  const started = performance.now();
  const reply = await scim.get(path);
  lookups.push(performance.now() - started);
  const total = (JSON.parse(reply.body) as { totalResults: number }).totalResults;
  if (reply.status !== 200 || total !== 1) throw new Error(`lookup of ${asked}: status ${reply.status}, totalResults ${total}`);
}
scim.close();

const health = await roundTrips(new URL("/", base).href, "healthz", userNames.length);
const bare = await roundTrips(bareUrl, "", userNames.length);
process.stdout.write(`${JSON.stringify({ lookups, health, bare })}\n`);

async function roundTrips(url: string, path: string, times: number): Promise<number[]> {
  const client = new OktaScimClient(url, authorization);
  const latencies: number[] = [];
  for (let n = 0; n < times; n++) {
    const started = performance.now();
    const reply = await client.get(path);
    latencies.push(performance.now() - started);
    if (reply.status !== 200) throw new Error(`GET ${url}: status ${reply.status}`);
  }
  client.close();
  return latencies;
}
