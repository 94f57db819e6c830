import { afterEach, describe, expect, it } from "vitest";
import { OktaImportSimulator } from "../../testkit/okta-sim/import-simulator.js";
import { startTestGateway } from "../e2e/harness.js";
import { ConsoleClient } from "../support/console-client.js";
import { hire, scenarioDataset, simConnector, startScenarioSimulator } from "../support/nmbrs-scenario.js";
import { useTempDir } from "../support/temp-dir.js";

/**
 * Only Okta's own SCIM client counts as "Okta's import": the forecast's baseline, the dashboard's "Okta import" and
 * the setup checklist. An admin's curl script that pages through /Users exactly like Okta is served the same data,
 * logged with its client kind, and moves none of them.
 */
const tempDir = useTempDir("hrgw-okta-client-");
const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

const BEARER = "okta-recognition-test-token-81fa";

async function gatewayWithPeople(count: number) {
  const nmbrs = scenarioDataset();
  for (let i = 0; i < count; i++) hire(nmbrs, { lastName: `Mens${i}` });
  const sim = await startScenarioSimulator(nmbrs);
  closers.push(() => sim.close());
  const gw = await startTestGateway({
    dir: tempDir(),
    connectors: [{ ...simConnector(sim), scim: { username: null, password: null, bearerToken: BEARER } }],
  });
  closers.push(() => gw.close());
  expect((await gw.sync.runNow("acme", "manual")).status).toBe("succeeded");
  const client = new ConsoleClient(gw.url);
  await client.setup();
  return { gw, client };
}

/** A full scan the way Okta pages (startIndex 1, 101, … with count=100), sent with another User-Agent. */
async function scanAs(baseUrl: string, userAgent: string): Promise<number> {
  let served = 0;
  for (let startIndex = 1; ; startIndex += 100) {
    const response = await fetch(`${baseUrl}/Users?startIndex=${startIndex}&count=100`, {
      headers: { authorization: `Bearer ${BEARER}`, "user-agent": userAgent, accept: "application/scim+json" },
    });
    expect(response.status).toBe(200);
    const page = (await response.json()) as { totalResults: number; Resources: unknown[] };
    served += page.Resources.length;
    if (startIndex + 100 > page.totalResults) return served;
  }
}

describe("which client counts as Okta's import", () => {
  it("a curl script paging through /Users like Okta is served everything but is not Okta's import; Okta's client is", async () => {
    const { gw, client } = await gatewayWithPeople(130);
    const base = `${gw.url}/scim/v2/acme`;

    expect(await scanAs(base, "curl/8.5.0")).toBe(130);
    expect(await scanAs(base, "OKTA SCIM Integration")).toBe(130); // Okta's Runscope test suite: a test tool, not an import

    const dashboard = await client.get("/");
    expect(dashboard.text).toContain("no import seen yet");
    expect((await client.get("/connectors/acme/forecast")).text).toContain("No complete Okta import seen yet");
    const requests = await client.get("/log?tab=scim");
    expect(requests.text).toContain("other client: curl/8.5.0");
    expect(requests.text).toContain("other client: OKTA SCIM Integration");
    expect(requests.text).not.toContain(">Okta<");

    const okta = new OktaImportSimulator({ baseUrl: base, authorization: `Bearer ${BEARER}` });
    closers.push(() => okta.close());
    expect(await okta.importUsers()).toMatchObject({ new: 130 });

    const after = await client.get("/");
    expect(after.text).not.toContain("no import seen yet");
    expect(after.text).toContain("2 pages, 130 users served");
    expect((await client.get("/connectors/acme/forecast")).text).not.toContain("No complete Okta import seen yet");
    expect((await client.get("/log?tab=scim")).text).toContain(">Okta<");
  });
});
