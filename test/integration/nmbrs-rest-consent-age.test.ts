import { afterEach, describe, expect, it } from "vitest";
import { readTokens } from "../../src/connectors/nmbrs-tokens.js";
import { generateDataset } from "../../testkit/nmbrs-sim/generator.js";
import { startNmbrsSimulator, type NmbrsSimulator } from "../../testkit/nmbrs-sim/soap/simulator.js";
import { startTestGateway, type TestGateway } from "../e2e/harness.js";
import { ConsoleClient } from "../support/console-client.js";
import { bothApisConnector, connectToSimulator, consentAtSimulator } from "../support/nmbrs-rest.js";
import { SIM_CREDENTIALS, SIM_TODAY } from "../support/nmbrs-sim.js";
import { startWebhookReceiver } from "../support/receivers.js";
import { TestClock } from "../support/sync-fixture.js";
import { useTempDir } from "../support/temp-dir.js";

/**
 * The worst case for an Nmbrs consent (docs/nmbrs-rest-api.md U1): the simulator's identity service ends every
 * refresh token 30 days after the consent however often it was rotated, as IdentityServer does by default. The
 * gateway, its webhook and the simulator share one clock, so a month passes without waiting.
 */
const tempDir = useTempDir();
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const DAY = 86_400_000;
const HOUR = 3_600_000;

async function setUp(lifetime: "absolute" | "idle" = "absolute") {
  const clock = new TestClock(new Date(`${SIM_TODAY}T08:00:00Z`));
  const consentAt = clock.now().getTime();
  const at = (offsetMs: number) => clock.set(new Date(consentAt + offsetMs).toISOString());
  const webhook = await startWebhookReceiver();
  const sim: NmbrsSimulator = await startNmbrsSimulator({
    dataset: generateDataset({ seed: 5, companies: 1, employeesPerCompany: 8, today: SIM_TODAY }),
    credentials: SIM_CREDENTIALS,
    today: SIM_TODAY,
    rest: {
      accessTokenTtlSeconds: 600,
      ...(lifetime === "absolute" ? { refreshTokenAbsoluteLifetimeSeconds: 30 * 86_400 } : {}),
      now: () => clock.now().getTime(),
    },
  });
  const gateway: TestGateway = await startTestGateway({
    dir: tempDir(),
    clock: clock.now,
    connectors: [bothApisConnector(sim, "nmbrs-rest", { name: "Acme BV", notify: { webhook_url: webhook.url } })],
  });
  cleanups.push(webhook.close, sim.close, () => gateway.close());
  await connectToSimulator(gateway.registry, "acme", sim, clock.now);
  const client = new ConsoleClient(gateway.url);
  await client.setup();
  /** The dashboard, signed in afresh: a month of simulated time outlives any console session. */
  const dashboard = async () => {
    await client.login();
    const page = await client.get("/");
    expect(page.status).toBe(200);
    return page.text;
  };
  const consentEvents = () =>
    (webhook.received as { event: string; message: string }[]).filter((body) => body.event === "consent_expiring");
  return { clock, consentAt, at, webhook, sim, gateway, client, dashboard, consentEvents };
}

describe("the Nmbrs consent's worst-case end", () => {
  it("is shown, reminded once at 7 and once at 2 days, and flags 'needs re-consent' when Nmbrs ends it", async () => {
    const { consentAt, at, webhook, gateway, client, dashboard, consentEvents } = await setUp();
    const endsOn = new Date(consentAt + 30 * DAY).toISOString().slice(0, 10);
    const sync = () => gateway.sync.runNow("acme", "schedule");

    expect((await sync()).status).toBe("succeeded");
    let page = await dashboard();
    expect(page).toContain("consent expires in 30 days (worst case)");
    expect(page).not.toContain("Connect to Nmbrs again");
    const connectorPage = (await client.get("/connectors/acme")).text;
    expect(connectorPage).toContain("consent expires in 30 days (worst case)");
    // Where the admin registers the redirect URI (D8 in docs/nmbrs-rest-api.md).
    expect(connectorPage).toContain("partner-portal.nmbrsapp.com/integrations");

    at(22 * DAY); // 8 days left: nothing yet
    expect((await sync()).status).toBe("succeeded");
    expect(consentEvents()).toEqual([]); // other events (a leaver held by the brake) may come; no reminder yet

    at(23 * DAY + HOUR); // the hourly sync finds 7 days left
    expect((await sync()).status).toBe("succeeded");
    expect(consentEvents()).toEqual([
      expect.objectContaining({
        event: "consent_expiring",
        connector: { id: "acme", name: "Acme BV" },
        runId: null,
        message: `the Nmbrs consent given by beheer on ${SIM_TODAY} may end in 7 days (${endsOn}, 30 days after the consent: the worst case)`,
        url: `${gateway.url}/connectors/acme`,
      }),
    ]);
    page = await dashboard();
    expect(page).toContain("consent expires in 7 days (worst case)");
    expect(page).toContain('hx-post="/connectors/acme/nmbrs/connect"');
    expect(page).toContain("Connect to Nmbrs again");
    at(23 * DAY + 2 * HOUR);
    expect((await sync()).status).toBe("succeeded");
    expect(consentEvents()).toHaveLength(1);

    at(28 * DAY + HOUR);
    expect((await sync()).status).toBe("succeeded");
    at(28 * DAY + 2 * HOUR);
    expect((await sync()).status).toBe("succeeded");
    expect(consentEvents().map((event) => event.message)).toEqual([
      expect.stringContaining("may end in 7 days"),
      expect.stringContaining("may end in 2 days"),
    ]);

    // Thirty days after the consent Nmbrs refuses the refresh token it rotated an hour ago.
    at(30 * DAY + HOUR);
    const lapsed = await sync();
    expect(lapsed.status).toBe("failed");
    expect(lapsed.message).toContain("Needs re-consent");
    expect(gateway.registry.get("acme")!.attention).toMatch(/Needs re-consent/);
    expect(webhook.received.at(-1)).toMatchObject({ event: "attention" });
    expect(consentEvents()).toHaveLength(2);
    page = await dashboard();
    expect(page).toContain("needs re-consent");
    expect(page).toContain("Okta keeps seeing the last good data until an Nmbrs user connects again");
  });

  it("is renewed with one click on the dashboard, and the new consent starts its own 30 days and reminders", async () => {
    const { clock, at, gateway, client, dashboard, consentEvents } = await setUp();
    const sync = () => gateway.sync.runNow("acme", "schedule");
    at(23 * DAY + HOUR);
    expect((await sync()).status).toBe("succeeded");
    expect(consentEvents()).toHaveLength(1);
    expect(await dashboard()).toContain("Connect to Nmbrs again");

    // The dashboard's button: htmx posts it and follows HX-Redirect to Nmbrs' consent page.
    const clicked = await client.post(
      "/connectors/acme/nmbrs/connect",
      {},
      { csrf: null, headers: { "hx-request": "true", "x-csrf-token": client.csrf } },
    );
    expect(clicked.status).toBe(200);
    const back = await consentAtSimulator(clicked.headers.get("hx-redirect")!);
    expect((await client.get(`${back.pathname}${back.search}`)).status).toBe(200);
    expect(readTokens(gateway.registry, "acme")).toMatchObject({
      connectedAt: clock.now().toISOString(),
      connectedBy: "admin",
    });

    expect((await sync()).status).toBe("succeeded");
    const page = await dashboard();
    expect(page).toContain("consent expires in 30 days (worst case)");
    expect(page).not.toContain("Connect to Nmbrs again");

    // Past the first consent's end: the new one still works, and reminds at its own 7 days.
    at(23 * DAY + HOUR + 23 * DAY + HOUR);
    expect((await sync()).status).toBe("succeeded");
    expect(consentEvents().map((event) => event.message)).toEqual([
      expect.stringContaining("may end in 7 days"),
      expect.stringContaining("may end in 7 days"),
    ]);
  });

  it("says so when Nmbrs still renews a consent past its worst-case end (30 days counted from the last use)", async () => {
    const { at, gateway, dashboard, consentEvents } = await setUp("idle");
    for (const day of [10, 20, 29, 31]) {
      at(day * DAY);
      expect((await gateway.sync.runNow("acme", "schedule")).status).toBe("succeeded");
    }
    expect(consentEvents().map((event) => event.message)).toEqual([expect.stringContaining("may end in 1 day ")]);
    const page = await dashboard();
    expect(page).toContain("worst-case end passed");
    expect(page).toContain("The consent is older than 30 days and Nmbrs still renews it");
  });
});
