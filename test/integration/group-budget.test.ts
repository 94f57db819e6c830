import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/load.js";
import { startGateway, type Gateway } from "../../src/gateway.js";
import type { NmbrsSimulator } from "../../testkit/nmbrs-sim/soap/simulator.js";
import { ConsoleClient } from "../support/console-client.js";
import { hire, scenarioDataset, simConnector, startScenarioSimulator } from "../support/nmbrs-scenario.js";
import { useTempDir } from "../support/temp-dir.js";

const tempDir = useTempDir("hrgw-group-budget-");
let gateway: Gateway | undefined;
let sim: NmbrsSimulator | undefined;
afterEach(async () => {
  await gateway?.close();
  await sim?.close();
});

const METRICS_TOKEN = "group-budget-metrics-token-7c1f";
const SCIM_TOKEN = "group-budget-scim-token-31aa";

/** Three active people in one company; the connector's budget allows groups of two. */
async function overBudgetGateway(): Promise<Gateway> {
  const base = parseConfig(
    {
      server: { listen: "127.0.0.1:0" },
      storage: { path: join(tempDir(), "gateway.db") },
      metrics: { token: METRICS_TOKEN },
    },
    null,
    {},
  );
  const dataset = scenarioDataset();
  for (let n = 0; n < 3; n++) hire(dataset);
  sim = await startScenarioSimulator(dataset);
  const connector = simConnector(sim, { groups: { kinds: ["company"], max_members: 2, max_page_mb: 0.1 } });
  gateway = await startGateway({
    config: {
      ...base,
      connectors: [{ ...connector, scim: { username: null, password: null, bearerToken: SCIM_TOKEN } }],
    },
    stdoutLevel: "silent",
    schedule: false,
  });
  return gateway;
}

describe("the group budget", () => {
  it("names a group over the budget in the run and the metrics, and still serves it whole", async () => {
    const gw = await overBudgetGateway();
    const run = await gw.sync.runNow("acme", "manual");
    expect(run.status).toBe("succeeded");
    expect(run.stats.groupBudget).toMatchObject({
      budget: { maxMembers: 2, maxPageBytes: Math.round(0.1 * 1024 * 1024) },
      largestGroupMembers: 3,
      groupsOver: [{ displayName: "Acme BV", members: 3 }],
      pagesOver: [],
    });
    expect(run.message).toContain("over the group budget: Acme BV (3 members)");

    const text = await (
      await fetch(`${gw.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
    ).text();
    expect(text).toMatch(/^hrgw_groups_over_budget\{connector="acme"\} 1$/m);
    expect(text).toMatch(/^hrgw_groups_pages_over_budget\{connector="acme"\} 0$/m);
    const largest = Number(/^hrgw_groups_largest_page_bytes\{connector="acme"\} (\d+)$/m.exec(text)?.[1]);

    // Never a short page, never a trimmed group: Okta gets all three members.
    const page = (await (
      await fetch(`${gw.url}/scim/v2/acme/Groups?startIndex=1&count=100`, {
        headers: { authorization: `Bearer ${SCIM_TOKEN}`, "accept-encoding": "identity" },
      })
    ).json()) as { totalResults: number; Resources: { members: unknown[] }[] };
    expect(page.totalResults).toBe(1);
    expect(page.Resources[0]!.members).toHaveLength(3);
    // The plan's estimate of the page is close to what is served (meta's URL is the part it cannot know).
    const served = Buffer.byteLength(JSON.stringify(page.Resources[0]));
    expect(Math.abs(largest - served)).toBeLessThan(120);
  });

  it("warns on the dashboard card, naming the group and the budget, in English and in Dutch", async () => {
    const gw = await overBudgetGateway();
    expect((await gw.sync.runNow("acme", "manual")).status).toBe("succeeded");
    const client = new ConsoleClient(gw.url);
    await client.setup();
    const english = (await client.get("/", { "accept-language": "en" })).text;
    expect(english).toContain("Groups too large for Okta&#39;s group import");
    expect(english).toContain("Acme BV: 3 members (budget 2)");
    expect(english).toContain('href="/connectors/acme/okta#group-rules"');
    const dutch = (await client.get("/", { "accept-language": "nl" })).text;
    expect(dutch).toContain("Acme BV: 3 leden (budget 2)");
  });
});
