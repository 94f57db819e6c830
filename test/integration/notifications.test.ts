import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/logging/logger.js";
import { Notifier } from "../../src/notify/notifier.js";
import { removeCompanyEmployees } from "../../testkit/nmbrs-sim/dataset-mutations.js";
import { ACME_NMBRS, hire, scenarioDataset, simConnector, startScenarioSimulator } from "../support/nmbrs-scenario.js";
import { startSmtpReceiver, startWebhookReceiver } from "../support/receivers.js";
import { syncFixture } from "../support/sync-fixture.js";
import { useTempDir } from "../support/temp-dir.js";

const tempDir = useTempDir("hrgw-notify-");
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * Acme BV with 10 employees in the Nmbrs simulator, a connector reading it over SOAP, a webhook and an SMTP server.
 * Each run is in a sync process, as in production; the gateway's side (this thread) notifies.
 */
async function setUp(webhookStatus = 204) {
  const webhook = await startWebhookReceiver(webhookStatus);
  const smtp = await startSmtpReceiver();
  const notifier = new Notifier({
    smtp: {
      host: "127.0.0.1",
      port: smtp.port,
      secure: false,
      username: null,
      password: null,
      from: "hr-gateway@acme.nl",
    },
    logger: silentLogger(),
  });
  const nmbrs = scenarioDataset([ACME_NMBRS]);
  for (let i = 0; i < 10; i++) hire(nmbrs);
  const sim = await startScenarioSimulator(nmbrs, { today: "2026-01-10" });
  const connector = simConnector(sim, {
    name: "Acme BV",
    notify: { webhook_url: webhook.url, email_to: ["it@acme.nl"] },
  });
  const fixture = syncFixture({ connector, notifier, path: `${tempDir()}/gateway.db`, inSyncProcesses: true });
  cleanups.push(
    webhook.close,
    smtp.close,
    () => notifier.close(),
    sim.close,
    () => fixture.db.close(),
  );
  return { webhook, smtp, nmbrs, sim, fixture };
}

const PERSONAL_INFO = "EmployeeService.PersonalInfoWithoutBSN_Get_GetAllEmployeesByCompany";

describe("notifications", () => {
  it("sends new holds to the webhook (with a text field for Teams/Slack) and by e-mail, once", async () => {
    const { webhook, smtp, nmbrs, fixture } = await setUp();
    await fixture.service.runNow("acme", "schedule");
    expect(webhook.received).toEqual([]);
    removeCompanyEmployees(nmbrs, ACME_NMBRS.id, 1);
    const held = await fixture.service.runNow("acme", "schedule");
    expect(held.message).toContain("10 held for approval (the run would leave no active users (10 active now))");
    expect(webhook.received).toEqual([
      {
        text:
          `HR Gateway: Acme BV (run ${held.runId}): people held for approval. ${held.message}. Everyone else's changes were applied; ` +
          `the people held stay as Okta sees them until you approve or reject. https://gw.example/console/connectors/acme/holds`,
        event: "people_held",
        connector: { id: "acme", name: "Acme BV" },
        runId: held.runId,
        message: held.message,
        at: "2026-01-10T08:00:00.000Z",
        url: "https://gw.example/console/connectors/acme/holds",
      },
    ]);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]).toMatchObject({ from: "hr-gateway@acme.nl", to: ["it@acme.nl"] });
    expect(smtp.received[0]?.raw).toContain("Subject: [HR Gateway] Acme BV: people held for approval");
    await fixture.service.runNow("acme", "schedule");
    expect(webhook.received).toHaveLength(1);
  });

  it("notifies a failure once, not on every run while it lasts", async () => {
    const { webhook, smtp, sim, fixture } = await setUp();
    // An outage: a load balancer answers 503 for as long as it lasts (the source retries each call, then gives up).
    sim.faults.add({ operation: PERSONAL_INFO, fault: { kind: "http", status: 503 } });
    await fixture.service.runNow("acme", "schedule");
    await fixture.service.runNow("acme", "schedule");
    expect(webhook.received).toMatchObject([
      {
        event: "failed",
        message: `company 1 (Acme BV): Nmbrs answered ${PERSONAL_INFO} (company 1) with HTTP 503 and no SOAP fault: Nmbrs or a proxy in between is having trouble.`,
      },
    ]);
    expect(smtp.received).toHaveLength(1);
  });

  it("flags a connector that needs the admin, notifies it, and clears the flag once a run succeeds", async () => {
    const { webhook, sim, fixture } = await setUp();
    sim.faults.revokeAuth();
    await fixture.service.runNow("acme", "schedule");
    const refused =
      "listing companies: Nmbrs refused the credentials (1001 Invalid Authentication) for CompanyService.List_GetAll: check username, token and domain.";
    expect(webhook.received).toMatchObject([{ event: "attention", message: refused }]);
    expect(fixture.registry.get("acme")?.attention).toBe(refused);
    sim.faults.clear();
    expect((await fixture.service.runNow("acme", "schedule")).status).toBe("succeeded");
    expect(fixture.registry.get("acme")?.attention).toBeNull();
  });

  it("does not let an unreachable webhook fail the run", async () => {
    const { webhook, smtp, sim, fixture } = await setUp(500);
    sim.faults.add({ operation: PERSONAL_INFO, fault: { kind: "garbage" } });
    const outcome = await fixture.service.runNow("acme", "schedule");
    expect(outcome.status).toBe("failed");
    expect(webhook.received).toHaveLength(1);
    expect(smtp.received).toHaveLength(1);
  });
});
