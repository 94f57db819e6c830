import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateYouforceDataset } from "../../testkit/youforce-sim/generator.js";
import {
  SIM_CLIENT_ID,
  SIM_CLIENT_SECRET,
  startYouforceSimulator,
  type YouforceSimulator,
} from "../../testkit/youforce-sim/youforce-simulator.js";
import { startTestGateway, type TestGateway } from "../e2e/harness.js";
import { ConsoleClient } from "../support/console-client.js";
import { useFileTempDir } from "../support/temp-dir.js";

/**
 * A Youforce connector made in the console of a real gateway, whose real source reads the simulator at Youforce's own
 * pace (600 ms between calls; the simulator's arrest is set below that, so jitter cannot trip it).
 */
const tempDir = useFileTempDir("hrgw-console-youforce-");
let gw: TestGateway;
let sim: YouforceSimulator;
let client: ConsoleClient;

const form = () => ({
  id: "rivierstad",
  name: "Rivierstad",
  kind: "youforce",
  "youforce.client_id": SIM_CLIENT_ID,
  "youforce.client_secret": SIM_CLIENT_SECRET,
  "youforce.tenant_id": sim.dataset.tenantId,
  "youforce.api_url": sim.apiUrl,
  "youforce.token_url": sim.tokenUrl,
  schedule: "15 */2 * * *",
  timezone: "Europe/Amsterdam",
  "groups.kinds": ["department", "company"],
});

beforeAll(async () => {
  sim = await startYouforceSimulator({
    dataset: generateYouforceDataset({
      companies: 2,
      personsPerCompany: 8,
      today: new Date().toISOString().slice(0, 10),
    }),
    spikeArrestMs: 300,
  });
  gw = await startTestGateway({ dir: tempDir() });
  client = new ConsoleClient(gw.url);
  await client.setup();
  await client.get("/connectors/new");
});
afterAll(async () => {
  await gw?.close();
  await sim?.close();
});

describe("a Youforce connector in the console", () => {
  it("offers the kind with its fields and help", async () => {
    const page = await client.get("/connectors/new");
    expect(page.text).toContain("Visma Youforce (HR Core Business IAM API)");
    expect(page.text).toContain('name="youforce.tenant_id"');
    expect(page.text).toContain("Youforce-IAM:Get_Basic");
  });

  it("tests the connection: a token, the tenant read, its companies listed, the secret never shown", async () => {
    const test = await client.post("/connectors/test", form(), { headers: { "hx-request": "true" } });
    expect(test.text).toContain("Connected: 2 companies found");
    expect(test.text).toContain("RS02 · Zorgcentrum De Wilg");
    expect(test.text).not.toContain(SIM_CLIENT_SECRET);
    expect(sim.tokensIssued).toBeGreaterThan(0);
  }, 30_000);

  it("saves it with the secret sealed", async () => {
    const saved = await client.post("/connectors", form());
    expect(saved.status).toBeLessThan(400);
    expect(gw.registry.resolve("rivierstad")?.youforce).toMatchObject({
      clientSecret: SIM_CLIENT_SECRET,
      apiUrl: sim.apiUrl,
    });
    const edit = await client.get("/connectors/rivierstad/edit");
    expect(edit.text).not.toContain(SIM_CLIENT_SECRET);
  });

  it("warns next to the schedule when it would spend the token quota, in English and Dutch", async () => {
    const path = (schedule: string) =>
      `/connectors/schedule-preview?kind=youforce&schedule=${encodeURIComponent(schedule)}&timezone=Europe%2FAmsterdam`;
    const hx = { "hx-request": "true" };
    expect((await client.get(path("15 * * * *"), hx)).text).toContain("Youforce allows 400 tokens a month");
    expect((await client.get(path("15 */2 * * *"), hx)).text).not.toContain("400 tokens");
    const dutch = await client.get(path("*/10 * * * *"), { ...hx, "accept-language": "nl-NL,nl;q=0.9" });
    expect(dutch.text).toContain("Youforce staat 400 tokens per maand toe");
    // Other kinds have no such quota.
    expect((await client.get(path("15 * * * *").replace("youforce", "nmbrs-soap"), hx)).text).not.toContain("400");
  });
});
