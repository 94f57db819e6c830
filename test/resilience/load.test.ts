import { describe, expect, it } from "vitest";
import { ConsoleClient } from "../support/console-client.js";
import { useGatewayProcesses } from "../support/gateway-process.js";
import { SCIM_TOKEN, servedDatabase, servedGatewayToml } from "../support/served-database.js";
import { useTempDir } from "../support/temp-dir.js";

const tempDir = useTempDir("hrgw-load-");
const gateways = useGatewayProcesses();

const USERS = 5_000;
const CONCURRENCY = 64;
const WARM_UP_MS = 10_000;
const LOAD_MS = 60_000;
// Behind the (trusted) proxy on 127.0.0.1: Okta's address, and a few attackers guessing tokens. The attackers are
// throttled per address, which must never slow Okta down.
const OKTA = "198.51.100.7";
const ATTACKERS = ["203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.4"];

interface Tally {
  requests: number;
  unexpected: { what: string; status: number | string }[];
  byKind: Record<string, number>;
}

describe("load: a real gateway process under mixed SCIM and console traffic", () => {
  it(`${CONCURRENCY} concurrent clients for ${LOAD_MS / 1000} s: no errors but the intended 401/429s, no memory growth`, async () => {
    const dir = tempDir();
    const users = await servedDatabase(dir, USERS);
    const gateway = await gateways.start({
      dir,
      toml: servedGatewayToml({ server: 'trusted_proxies = ["127.0.0.1"]' }),
    });
    const admin = new ConsoleClient(gateway.url);
    expect((await admin.setup()).status).toBe(303);

    const scim = `${gateway.url}/scim/v2/acme`;
    const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
    const okta = {
      authorization: `Bearer ${SCIM_TOKEN}`,
      "x-forwarded-for": OKTA,
      "user-agent": "Okta SCIM Client 1.0.0",
    };
    const cookie = () => [...admin.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    // Weighted like an import plus lookups, with console use and a steady trickle of wrong tokens.
    const kinds: {
      kind: string;
      weight: number;
      request: () => [string, Record<string, string>];
      ok: readonly number[];
    }[] = [
      {
        kind: "page",
        weight: 30,
        request: () => [
          `${scim}/Users?startIndex=${1 + 100 * Math.floor(Math.random() * (USERS / 100))}&count=100`,
          okta,
        ],
        ok: [200],
      },
      {
        kind: "lookup",
        weight: 20,
        request: () => [`${scim}/Users?filter=${encodeURIComponent(`userName eq "${pick(users).userName}"`)}`, okta],
        ok: [200],
      },
      { kind: "get", weight: 20, request: () => [`${scim}/Users/${pick(users).id}`, okta], ok: [200] },
      { kind: "groups", weight: 5, request: () => [`${scim}/Groups?startIndex=1&count=100`, okta], ok: [200] },
      { kind: "discovery", weight: 5, request: () => [`${scim}/ServiceProviderConfig`, okta], ok: [200] },
      {
        kind: "bad-auth",
        weight: 10,
        request: () => [
          `${scim}/Users?count=2`,
          { authorization: "Bearer guessed-token", "x-forwarded-for": pick(ATTACKERS) },
        ],
        ok: [401, 429],
      },
      {
        kind: "console",
        weight: 10,
        request: () => [
          `${gateway.url}${pick(["/", "/hr", "/hr?q=a1", "/runs", "/audit", "/connectors"])}`,
          { cookie: cookie() },
        ],
        ok: [200],
      },
    ];
    const table = kinds.flatMap((kind) => Array<typeof kind>(kind.weight).fill(kind));

    const run = async (ms: number): Promise<Tally> => {
      const tally: Tally = { requests: 0, unexpected: [], byKind: {} };
      const end = Date.now() + ms;
      const worker = async () => {
        while (Date.now() < end) {
          const kind = pick(table);
          const [url, headers] = kind.request();
          let status: number | string;
          try {
            const response = await fetch(url, { headers, redirect: "manual" });
            await response.arrayBuffer();
            status = response.status;
          } catch (error) {
            status = (error as Error).message;
          }
          tally.requests++;
          tally.byKind[kind.kind] = (tally.byKind[kind.kind] ?? 0) + 1;
          if (!kind.ok.includes(status as number)) tally.unexpected.push({ what: `${kind.kind} ${url}`, status });
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      return tally;
    };

    const warmUp = await run(WARM_UP_MS);
    const rssAfterWarmUp = gateway.rssBytes();
    const load = await run(LOAD_MS);
    const rssAfterLoad = gateway.rssBytes();
    const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
    console.log(
      `load: ${load.requests} requests in ${LOAD_MS / 1000} s (${Math.round(load.requests / (LOAD_MS / 1000))}/s) at concurrency ${CONCURRENCY}; ` +
        `by kind ${JSON.stringify(load.byKind)}; unexpected ${load.unexpected.length}; ` +
        `RSS ${mb(rssAfterWarmUp)} MB after warm-up (${warmUp.requests} requests), ${mb(rssAfterLoad)} MB after the load`,
    );
    expect(warmUp.unexpected.slice(0, 5)).toEqual([]);
    expect(load.unexpected.slice(0, 5)).toEqual([]);
    expect(load.byKind["bad-auth"]).toBeGreaterThan(0);
    expect(rssAfterLoad).toBeLessThanOrEqual(rssAfterWarmUp * 1.2);
  }, 180_000);
});
