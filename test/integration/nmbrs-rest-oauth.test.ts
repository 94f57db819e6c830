import { afterEach, describe, expect, it } from "vitest";
import { NEEDS_RECONSENT, readTokens } from "../../src/connectors/nmbrs-tokens.js";
import { generateDataset } from "../../testkit/nmbrs-sim/generator.js";
import { startNmbrsSimulator, type NmbrsSimulator } from "../../testkit/nmbrs-sim/soap/simulator.js";
import { startTestGateway, type TestGateway } from "../e2e/harness.js";
import { bothApisConnector, connectToSimulator } from "../support/nmbrs-rest.js";
import { SIM_CREDENTIALS, SIM_TODAY } from "../support/nmbrs-sim.js";
import { TestClock } from "../support/sync-fixture.js";
import { useTempDir } from "../support/temp-dir.js";

/**
 * OAuth over time, in the real gateway against the simulator's identity service. Gateway and simulator share one
 * clock, so an access token expires (and a refresh token goes stale after 30 days unused) without waiting.
 */
const tempDir = useTempDir();
let gateway: TestGateway | undefined;
let sim: NmbrsSimulator | undefined;
afterEach(async () => {
  await gateway?.close();
  await sim?.close();
  gateway = sim = undefined;
});

const MINUTE = 60_000;

async function connectedGateway(): Promise<{ gateway: TestGateway; sim: NmbrsSimulator; clock: TestClock }> {
  const clock = new TestClock(new Date(`${SIM_TODAY}T08:00:00Z`));
  const dataset = generateDataset({ seed: 11, companies: 2, employeesPerCompany: 25, today: SIM_TODAY });
  sim = await startNmbrsSimulator({
    dataset,
    credentials: SIM_CREDENTIALS,
    today: SIM_TODAY,
    rest: { accessTokenTtlSeconds: 600, now: () => clock.now().getTime() },
  });
  gateway = await startTestGateway({
    dir: tempDir(),
    clock: clock.now,
    connectors: [bothApisConnector(sim, "nmbrs-rest")],
  });
  await connectToSimulator(gateway.registry, "acme", sim, clock.now);
  return { gateway, sim, clock };
}

function servedRows(gateway: TestGateway): unknown[] {
  return gateway.db.sqlite
    .prepare("SELECT scim_id, gen_from, gen_to, body FROM scim_resources WHERE connector_id = 'acme' ORDER BY row_id")
    .all();
}

describe("the REST connector's OAuth tokens", () => {
  it("renews the access token before it expires, and stores the rotated refresh token sealed", async () => {
    const { gateway, sim, clock } = await connectedGateway();
    expect((await gateway.sync.runNow("acme", "manual")).status).toBe("succeeded");
    const before = readTokens(gateway.registry, "acme")!;
    expect(sim.rest.oauth.stats.refreshes).toBe(0);

    clock.set(new Date(clock.now().getTime() + 9 * MINUTE).toISOString()); // 1 of 10 minutes left: renewed first
    expect((await gateway.sync.runNow("acme", "manual")).status).toBe("succeeded");
    const after = readTokens(gateway.registry, "acme")!;
    expect(sim.rest.oauth.stats.refreshes).toBe(1);
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(after.accessToken).not.toBe(before.accessToken);
    const sealed = gateway.db.sqlite
      .prepare("SELECT secrets FROM connectors WHERE id = 'acme'")
      .pluck()
      .get() as Buffer;
    expect(sealed.includes(Buffer.from(after.refreshToken!))).toBe(false);
  });

  it("renews a token Nmbrs expired early (401) in the middle of a run, and the run succeeds", async () => {
    const { gateway, sim } = await connectedGateway();
    sim.rest.oauth.expireAccessTokens();
    expect((await gateway.sync.runNow("acme", "manual")).status).toBe("succeeded");
    expect(sim.rest.oauth.stats.refreshes).toBe(1);
  });

  it.each([
    [
      "the app's access is revoked at Nmbrs",
      (sim: NmbrsSimulator, clock: TestClock) => (
        sim.rest.oauth.revokeAll(), clock.set(new Date(clock.now().getTime() + 11 * MINUTE).toISOString())
      ),
    ],
    [
      "the refresh token was not used for 30 days",
      (_sim: NmbrsSimulator, clock: TestClock) =>
        clock.set(new Date(clock.now().getTime() + 31 * 86_400_000).toISOString()),
    ],
  ])("fails the run cleanly and flags 'needs re-consent' when %s; what Okta sees stays", async (_case, lose) => {
    const { gateway, sim, clock } = await connectedGateway();
    expect((await gateway.sync.runNow("acme", "manual")).status).toBe("succeeded");
    const served = servedRows(gateway);
    lose(sim, clock);

    const outcome = await gateway.sync.runNow("acme", "manual");
    expect(outcome.status).toBe("failed");
    expect(outcome.message).toMatch(
      /^listing companies: Needs re-consent: Nmbrs no longer accepts the gateway's authorization/,
    );
    expect(gateway.registry.get("acme")!.attention).toMatch(/Needs re-consent/);
    expect(servedRows(gateway)).toEqual(served);
    gateway.logStore.flush();
    expect(gateway.logStore.query({ text: "needs re-consent", limit: 10 }).map((line) => line.msg)).toContain(
      "nmbrs refused to renew the access token: the connector needs re-consent",
    );

    // An admin connects again: the next run succeeds and the flag is gone.
    await connectToSimulator(gateway.registry, "acme", sim, clock.now);
    expect((await gateway.sync.runNow("acme", "manual")).status).toBe("succeeded");
    expect(gateway.registry.get("acme")!.attention).toBeNull();
  });

  it("asks for a consent first when the connector was never connected", async () => {
    const clock = new TestClock(new Date(`${SIM_TODAY}T08:00:00Z`));
    sim = await startNmbrsSimulator({
      dataset: generateDataset({ seed: 1, companies: 1, employeesPerCompany: 5, today: SIM_TODAY }),
      credentials: SIM_CREDENTIALS,
    });
    gateway = await startTestGateway({
      dir: tempDir(),
      clock: clock.now,
      connectors: [bothApisConnector(sim, "nmbrs-rest")],
    });
    const outcome = await gateway.sync.runNow("acme", "manual");
    expect(outcome).toMatchObject({ status: "failed", error: { details: { needsAttention: true } } });
    expect(outcome.message).toContain('click "Connect to Nmbrs"');
    expect(gateway.registry.get("acme")!.attention).toContain("Not connected to Nmbrs yet");
    expect(NEEDS_RECONSENT).toContain("Connect to Nmbrs");
  });
});
