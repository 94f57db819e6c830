import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/logging/logger.js";
import { Notifier } from "../../src/notify/notifier.js";
import { SourceError } from "../../src/sources/types.js";
import { ACME, connectorConfig, hrPerson } from "../support/hr-data.js";
import { startSmtpReceiver, startWebhookReceiver } from "../support/receivers.js";
import { ScriptedSource } from "../support/scripted-source.js";
import { syncFixture } from "../support/sync-fixture.js";

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(webhookStatus = 204) {
  const webhook = await startWebhookReceiver(webhookStatus);
  const smtp = await startSmtpReceiver();
  const notifier = new Notifier({
    smtp: { host: "127.0.0.1", port: smtp.port, secure: false, username: null, password: null, from: "hr-gateway@acme.nl" },
    logger: silentLogger(),
  });
  const source = new ScriptedSource([ACME]).set(ACME, Array.from({ length: 10 }, (_, i) => hrPerson({ sourceKey: `e${i}` })));
  const connector = connectorConfig({ name: "Acme BV", notify: { webhook_url: webhook.url, email_to: ["it@acme.nl"] } });
  const fixture = syncFixture({ connector, source: () => source, notifier });
  cleanups.push(webhook.close, smtp.close, () => notifier.close(), () => fixture.db.close());
  return { webhook, smtp, source, fixture };
}

describe("notifications", () => {
  it("sends a held run to the webhook (with a text field for Teams/Slack) and by e-mail", async () => {
    const { webhook, smtp, source, fixture } = await setUp();
    await fixture.service.runNow("acme", "schedule");
    expect(webhook.received).toEqual([]);
    source.set(ACME, []);
    const held = await fixture.service.runNow("acme", "schedule");
    expect(webhook.received).toEqual([
      {
        text:
          `HR Gateway: Acme BV (run ${held.runId}): sync held for approval. held for approval: the run would leave no active users ` +
          `(10 active now). Nothing was changed in what Okta sees. Review the affected people, then approve or reject the run. ` +
          `https://gw.example/console/connectors/acme/runs/${held.runId}`,
        event: "held",
        connector: { id: "acme", name: "Acme BV" },
        runId: held.runId,
        message: held.message,
        at: "2026-01-10T08:00:00.000Z",
        url: `https://gw.example/console/connectors/acme/runs/${held.runId}`,
      },
    ]);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]).toMatchObject({ from: "hr-gateway@acme.nl", to: ["it@acme.nl"] });
    expect(smtp.received[0]?.raw).toContain("Subject: [HR Gateway] Acme BV: sync held for approval");
  });

  it("notifies a failure once, not on every run while it lasts", async () => {
    const { webhook, smtp, source, fixture } = await setUp();
    source.failures.set("1", new SourceError("Nmbrs did not answer within 60 s", { transient: true }));
    await fixture.service.runNow("acme", "schedule");
    await fixture.service.runNow("acme", "schedule");
    expect(webhook.received).toMatchObject([{ event: "failed", message: "company 1 (Acme BV): Nmbrs did not answer within 60 s" }]);
    expect(smtp.received).toHaveLength(1);
  });

  it("flags a connector that needs the admin, notifies it, and clears the flag once a run succeeds", async () => {
    const { webhook, source, fixture } = await setUp();
    source.failures.set("1", new SourceError("the API token was refused (Nmbrs fault 1001)", { code: "1001", needsAttention: true }));
    await fixture.service.runNow("acme", "schedule");
    expect(webhook.received).toMatchObject([{ event: "attention", message: "company 1 (Acme BV): the API token was refused (Nmbrs fault 1001)" }]);
    expect(fixture.registry.get("acme")?.attention).toBe("company 1 (Acme BV): the API token was refused (Nmbrs fault 1001)");
    source.failures.clear();
    expect((await fixture.service.runNow("acme", "schedule")).status).toBe("succeeded");
    expect(fixture.registry.get("acme")?.attention).toBeNull();
  });

  it("does not let an unreachable webhook fail the run", async () => {
    const { webhook, smtp, source, fixture } = await setUp(500);
    source.failures.set("1", new SourceError("garbage XML"));
    const outcome = await fixture.service.runNow("acme", "schedule");
    expect(outcome.status).toBe("failed");
    expect(webhook.received).toHaveLength(1);
    expect(smtp.received).toHaveLength(1);
  });
});
