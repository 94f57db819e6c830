import { randomBytes } from "node:crypto";
import { join } from "node:path";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import {
  createLoketAccessTokens,
  LOKET_NEEDS_RECONSENT,
  readLoketTokens,
} from "../../../src/connectors/loket-tokens.js";
import { tokenIsFresh } from "../../../src/connectors/oauth-tokens.js";
import { ConnectorRegistry } from "../../../src/connectors/registry.js";
import { openDatabase } from "../../../src/db/open.js";
import { SecretBox } from "../../../src/secrets/secret-box.js";
import { SourceError } from "../../../src/sources/types.js";
import { startLoketOAuthServer, type LoketOAuthServer } from "../../../testkit/loket-sim/oauth/index.js";
import { connectToLoketSim, loketConnector, loketSettings } from "../../support/loket-oauth.js";
import { TestClock } from "../../support/sync-fixture.js";
import { useTempDir } from "../../support/temp-dir.js";

/**
 * The stored-token rules every OAuth source shares (connectors/oauth-tokens.ts), through the Loket kind: a real
 * SQLite file, the simulator's OAuth service on 127.0.0.1, and one clock for both so tokens expire without waiting.
 */
const tempDir = useTempDir();
let sim: LoketOAuthServer | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const MINUTE = 60_000;

async function connected(options: { rotate?: boolean; ttlSeconds?: number } = {}) {
  const clock = new TestClock(new Date("2026-12-07T08:00:00Z"));
  sim = await startLoketOAuthServer({
    now: () => clock.now().getTime(),
    ...(options.rotate !== undefined ? { rotateRefreshTokens: options.rotate } : {}),
    ...(options.ttlSeconds !== undefined ? { accessTokenTtlSeconds: options.ttlSeconds } : {}),
  });
  const db = openDatabase(join(tempDir(), "gateway.db"));
  const registry = new ConnectorRegistry(db, new SecretBox(randomBytes(32), randomBytes(4)), clock.now);
  registry.declareFromConfig([loketConnector(sim)]);
  const lines: { msg: string }[] = [];
  const logger = pino({ level: "info" }, { write: (line: string) => lines.push(JSON.parse(line)) });
  const tokens = createLoketAccessTokens({
    registry,
    connectorId: "klaassen",
    settings: loketSettings(sim),
    clock: clock.now,
    logger,
  });
  return {
    sim,
    db,
    registry,
    clock,
    tokens,
    lines,
    connect: () => connectToLoketSim(registry, "klaassen", sim!, clock.now),
  };
}

const later = (clock: TestClock, ms: number) => clock.set(new Date(clock.now().getTime() + ms).toISOString());

async function failure(promise: Promise<unknown>): Promise<SourceError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(SourceError);
  return error as SourceError;
}

describe("when a token is renewed", () => {
  const obtainedAt = "2026-12-07T08:00:00.000Z";
  it.each([
    // lifetime, time left → fresh? The margin is min(2 minutes, a fifth of the lifetime).
    [3599, 121, true],
    [3599, 120, false],
    [3599, 30, false],
    [300, 61, true],
    [300, 60, false],
    [60, 13, true],
    [60, 12, false],
    [3599, -5, false],
  ])("a %i s token with %i s left is fresh: %s", (lifetime, left, fresh) => {
    const expiresAt = new Date(Date.parse(obtainedAt) + lifetime * 1000);
    const now = new Date(expiresAt.getTime() - left * 1000);
    expect(tokenIsFresh({ obtainedAt, expiresAt: expiresAt.toISOString() }, now)).toBe(fresh);
  });
});

describe("a Loket connector's access tokens", () => {
  it("says 'not connected' before anyone consented, and asks for nothing", async () => {
    const { tokens, sim } = await connected();
    const error = await failure(tokens.current());
    expect(error.details).toMatchObject({ code: "not-connected", needsAttention: true });
    expect(error.message).toContain('click "Connect to Loket"');
    expect(sim.controls.stats.accessTokens).toBe(0);
  });

  it("uses the stored token while more than the margin is left, then renews it and stores the rotated refresh token", async () => {
    const { tokens, sim, clock, registry, connect, lines } = await connected();
    await connect();
    const first = readLoketTokens(registry, "klaassen")!;
    later(clock, 57 * MINUTE);
    expect(await tokens.current()).toBe(first.accessToken);
    expect(sim.controls.stats.refreshes).toBe(0);

    later(clock, 1 * MINUTE); // 59 of 59:59 minutes gone: under 2 minutes left
    const renewed = await tokens.current();
    expect(renewed).not.toBe(first.accessToken);
    expect(sim.issuedTokens.isValid(renewed)).toBe(true);
    const stored = readLoketTokens(registry, "klaassen")!;
    expect(stored).toMatchObject({ accessToken: renewed, connectedAt: first.connectedAt, connectedBy: "admin" });
    expect(stored.refreshToken).not.toBe(first.refreshToken);
    expect(sim.controls.stats.refreshes).toBe(1);
    expect(lines.map((line) => line.msg)).toContain("loket access token renewed");

    // The old refresh token was used up by the rotation: the stored one is what works next time.
    later(clock, 59 * MINUTE);
    expect(await tokens.current()).not.toBe(renewed);
    expect(sim.controls.stats).toMatchObject({ refreshes: 2, refusedRefreshes: 0 });
  });

  it("keeps the stored refresh token when Loket's answer has none (no rotation), and it keeps working", async () => {
    const { tokens, sim, clock, registry, connect } = await connected({ rotate: false });
    await connect();
    const first = readLoketTokens(registry, "klaassen")!;
    for (let round = 1; round <= 2; round++) {
      later(clock, 59 * MINUTE);
      await tokens.current();
      expect(readLoketTokens(registry, "klaassen")!.refreshToken).toBe(first.refreshToken);
      expect(sim.controls.stats.refreshes).toBe(round);
    }
  });

  it("refreshes once for many callers at a time", async () => {
    const { tokens, sim, clock, connect } = await connected();
    await connect();
    later(clock, 59 * MINUTE);
    const answers = await Promise.all(Array.from({ length: 8 }, () => tokens.current()));
    expect(new Set(answers).size).toBe(1);
    expect(sim.controls.stats.refreshes).toBe(1);
  });

  it("renews a token Loket refused (401) although it looked fresh, but not one already replaced", async () => {
    const { tokens, sim, connect } = await connected();
    await connect();
    const refused = await tokens.current();
    sim.controls.expireAccessTokens();
    const renewed = await tokens.renew(refused);
    expect(renewed).not.toBe(refused);
    expect(sim.issuedTokens.isValid(renewed)).toBe(true);
    // A second caller that also held the refused token gets the renewed one without another refresh.
    expect(await tokens.renew(refused)).toBe(renewed);
    expect(sim.controls.stats.refreshes).toBe(1);
  });

  it("flags 'Needs re-consent' and fails with consent-required when Loket answers invalid_grant", async () => {
    const { tokens, sim, clock, registry, connect, lines } = await connected();
    await connect();
    sim.controls.revokeAll();
    later(clock, 59 * MINUTE);
    const error = await failure(tokens.current());
    expect(error.details).toMatchObject({ code: "consent-required", needsAttention: true });
    expect(error.message).toMatch(/^Needs re-consent: Loket no longer accepts the gateway's authorization/);
    expect(registry.get("klaassen")!.attention).toBe(LOKET_NEEDS_RECONSENT);
    expect(lines.map((line) => line.msg)).toContain(
      "loket refused to renew the access token: the connector needs re-consent",
    );
    expect(JSON.stringify(lines)).not.toContain(readLoketTokens(registry, "klaassen")!.refreshToken!);
  });

  it("names the client settings on invalid_client, without flagging re-consent", async () => {
    const { tokens, sim, clock, registry, connect } = await connected();
    await connect();
    sim.controls.nextTokenError = { status: 401, error: "invalid_client", description: "bad secret" };
    later(clock, 59 * MINUTE);
    const error = await failure(tokens.current());
    expect(error.details).toMatchObject({ code: "invalid_client", needsAttention: true });
    expect(error.message).toContain("refused the client id or client secret (invalid_client) (bad secret)");
    expect(registry.get("klaassen")!.attention).toBeNull();
  });

  it("asks for a new consent when the tokens belong to another app than the settings name", async () => {
    const { registry, clock, connect, sim } = await connected();
    await connect();
    const tokens = createLoketAccessTokens({
      registry,
      connectorId: "klaassen",
      settings: loketSettings(sim, { clientId: "another-app" }),
      clock: clock.now,
      logger: pino({ level: "silent" }),
    });
    const error = await failure(tokens.current());
    expect(error.details.code).toBe("consent-required");
    expect(error.message).toContain("the client id changed since the gateway was connected");
  });

  it("stores the tokens sealed: the SQLite file does not hold them in clear", async () => {
    const { db, registry, connect } = await connected();
    await connect();
    const stored = readLoketTokens(registry, "klaassen")!;
    const sealed = db.sqlite.prepare("SELECT secrets FROM connectors WHERE id = 'klaassen'").pluck().get();
    expect(Buffer.isBuffer(sealed)).toBe(true);
    expect((sealed as Buffer).includes(Buffer.from(stored.refreshToken!))).toBe(false);
    expect((sealed as Buffer).includes(Buffer.from(stored.accessToken))).toBe(false);
  });
});
