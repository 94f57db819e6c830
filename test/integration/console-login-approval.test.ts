import { afterEach, describe, expect, it } from "vitest";
import { listAudit } from "../../src/audit/audit-store.js";
import { generatedLoginOf } from "../../src/sync/generated-login-store.js";
import { setPersonalInfo } from "../../testkit/nmbrs-sim/dataset-mutations.js";
import type { NmbrsSimulator } from "../../testkit/nmbrs-sim/soap/simulator.js";
import { startTestGateway, type TestGateway } from "../e2e/harness.js";
import { ConsoleClient } from "../support/console-client.js";
import { hire, scenarioDataset, simConnector, startScenarioSimulator } from "../support/nmbrs-scenario.js";
import { useTempDir } from "../support/temp-dir.js";

/** Approving a suggested generated login on the person page (docs/mapping.md, "Generated logins"). */
const tempDir = useTempDir("hrgw-login-approval-");
let gw: TestGateway | undefined;
let sim: NmbrsSimulator | undefined;

afterEach(async () => {
  await gw?.close();
  await sim?.close();
});

describe("approving a suggested login in the console", () => {
  it("shows the suggestion after a rename in HR, approves it once (audit-logged) and refuses a second time", async () => {
    const nmbrs = scenarioDataset();
    const janWillem = hire(nmbrs, { firstName: "Jan-Willem", prefix: "van 't", lastName: "Hof", workEmail: null });
    sim = await startScenarioSimulator(nmbrs);
    gw = await startTestGateway({
      dir: tempDir(),
      connectors: [simConnector(sim, { identity: { user_name_from: ["generated"], generated_domain: "acme.nl" } })],
    });
    expect((await gw.sync.runNow("acme", "cli")).status).toBe("succeeded");
    const scimId = gw.db.sqlite
      .prepare("SELECT scim_id FROM people WHERE connector_id = 'acme'")
      .pluck()
      .get() as string;
    const client = new ConsoleClient(gw.url);
    await client.setup();
    expect((await client.get(`/hr/acme/${scimId}`)).text).not.toContain("/approve-login");

    setPersonalInfo(nmbrs, janWillem.employeeId, { lastName: "Hofstra" });
    expect((await gw.sync.runNow("acme", "cli")).status).toBe("succeeded");
    const page = await client.get(`/hr/acme/${scimId}`);
    expect(page.text).toContain(`action="/hr/acme/${scimId}/approve-login"`);
    expect(page.text).toContain("their name in HR now gives janwillem.vanthofstra@acme.nl");
    // The connector page's problem list offers the same button beside the suggestion.
    expect((await client.get("/connectors/acme")).text).toContain(`action="/hr/acme/${scimId}/approve-login"`);

    const noToken = await client.post(`/hr/acme/${scimId}/approve-login`, {}, { csrf: null });
    expect(noToken.status).toBe(403);
    expect(generatedLoginOf(gw.db.sqlite, "acme", scimId)).toBe("janwillem.vanthof@acme.nl");

    const approved = await client.post(`/hr/acme/${scimId}/approve-login`, {});
    expect({ status: approved.status, location: approved.location }).toEqual({
      status: 303,
      location: `/hr/acme/${scimId}`,
    });
    expect(generatedLoginOf(gw.db.sqlite, "acme", scimId)).toBe("janwillem.vanthofstra@acme.nl");
    const after = await client.get(`/hr/acme/${scimId}`);
    expect(after.text).toContain("Approved: the next sync serves janwillem.vanthofstra@acme.nl.");
    expect(after.text).not.toContain("/approve-login");
    expect((await client.get("/connectors/acme")).text).not.toContain("/approve-login");
    expect(listAudit(gw.db.sqlite, { connectorId: "acme", limit: 5 })).toMatchObject([
      { action: "login_approve", actor: "admin", detail: `${scimId}: janwillem.vanthofstra@acme.nl` },
    ]);

    const again = await client.post(`/hr/acme/${scimId}/approve-login`, {});
    expect(again.status).toBe(409);
    expect(again.text).toContain("The login was not changed");
  });
});
