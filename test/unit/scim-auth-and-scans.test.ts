import { describe, expect, it } from "vitest";
import { FailedAuthThrottle } from "../../src/scim/auth/failed-auth-throttle.js";
import { presentedCredential } from "../../src/scim/auth/presented-credential.js";
import { VerifiedCache } from "../../src/scim/auth/verified-cache.js";
import { normalizeDateTime } from "../../src/scim/filter/date-time.js";
import { ScanRegistry } from "../../src/scim/list/scan-registry.js";
import { ifNoneMatchHits } from "../../src/scim/resources/etag.js";
import { testClock } from "../support/scim-server.js";

const basic = (text: string) => `Basic ${Buffer.from(text).toString("base64")}`;

describe("presented credentials", () => {
  it.each([
    [basic("okta:s3cret:with:colons"), { scheme: "basic", username: "okta", password: "s3cret:with:colons" }],
    [`basic ${Buffer.from("okta:x").toString("base64")}`, { scheme: "basic", username: "okta", password: "x" }],
    ["Bearer abc.def", { scheme: "bearer", token: "abc.def" }],
    ["BEARER   abc", { scheme: "bearer", token: "abc" }],
    ["abc.def", { scheme: "bearer", token: "abc.def" }],
    ["non-token", { scheme: "bearer", token: "non-token" }],
    ["", undefined],
    ["Bearer ", undefined],
    [basic("no-colon"), undefined],
    [basic(":password-without-user"), undefined],
  ])("%j is read as %j", (header, expected) => {
    expect(presentedCredential(header)).toEqual(expected);
  });
});

describe("verified cache", () => {
  it("remembers a header per connector and forgets a connector on request", () => {
    const cache = new VerifiedCache(2);
    cache.set("acme", "Bearer a", 1);
    cache.set("beta", "Bearer a", 2);
    expect(cache.get("acme", "Bearer a")).toBe(1);
    expect(cache.get("acme", "Bearer b")).toBeUndefined();
    cache.forgetConnector("acme");
    expect(cache.get("acme", "Bearer a")).toBeUndefined();
    expect(cache.get("beta", "Bearer a")).toBe(2);
    cache.set("c", "x", 3);
    cache.set("d", "x", 4);
    expect(cache.get("beta", "Bearer a")).toBeUndefined();
  });
});

describe("failed authentication throttle", () => {
  it("allows maxFailures in the window, then asks to wait until the oldest one leaves it", () => {
    const clock = testClock();
    const throttle = new FailedAuthThrottle(clock, { maxFailures: 3, windowMs: 60_000, maxAddresses: 10 });
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect(throttle.retryAfterSeconds("10.0.0.1")).toBe(0);
      throttle.recordFailure("10.0.0.1");
      clock.advance(10_000);
    }
    expect(throttle.retryAfterSeconds("10.0.0.1")).toBe(30);
    expect(throttle.retryAfterSeconds("10.0.0.2")).toBe(0);
    clock.advance(30_001);
    expect(throttle.retryAfterSeconds("10.0.0.1")).toBe(0);
  });
});

describe("scan registry", () => {
  const acme = { id: "acme", gen: 4, incarnation: "a" };
  const origin = { credentialId: 1, userAgent: "Okta SCIM Client 1.0.0", clientAddress: "127.0.0.1" };

  it("pins the generation a scan started on until it completes or goes idle", () => {
    const clock = testClock();
    const scans = new ScanRegistry(clock, { idleMs: 1000, maxScans: 10 });
    const scan = scans.start(acme, "User", origin, 100);
    scans.start({ ...acme, gen: 6 }, "User", { ...origin, credentialId: 2 }, 100);
    expect(scans.oldestPinnedGeneration("acme")).toBe(4);
    expect(scans.oldestPinnedGeneration("beta")).toBeUndefined();
    scans.pageServed(acme, scan, { nextIndex: 101, lastSeq: 100, items: 100, complete: false });
    expect(scans.find({ ...acme, gen: 5 }, "User", origin)).toMatchObject({ gen: 4, nextIndex: 101, lastSeq: 100, pages: 1, served: 100 });
    scans.pageServed(acme, scan, { nextIndex: 151, lastSeq: 150, items: 50, complete: true });
    expect(scans.find(acme, "User", origin)).toBeUndefined();
    expect(scans.oldestPinnedGeneration("acme")).toBe(6);
    clock.advance(1001);
    expect(scans.oldestPinnedGeneration("acme")).toBeUndefined();
  });

  it("keeps scans of a re-created connector apart, and bounds how many it keeps", () => {
    const scans = new ScanRegistry(testClock(), { idleMs: 1000, maxScans: 2 });
    scans.start(acme, "User", origin, 100);
    expect(scans.find({ ...acme, incarnation: "b" }, "User", origin)).toBeUndefined();
    scans.start(acme, "Group", origin, 100);
    scans.start({ id: "beta", gen: 1, incarnation: "b" }, "User", origin, 100);
    expect(scans.find(acme, "User", origin)).toBeUndefined();
    expect(scans.find(acme, "Group", origin)).toBeDefined();
  });
});

describe("dateTime and ETag helpers", () => {
  it.each([
    ["2026-02-01T10:00:00Z", "2026-02-01T10:00:00.000Z"],
    ["2015-10-10T14:38:21.8617979-07:00", "2015-10-10T21:38:21.861Z"],
    ["2026-02-01t12:00:00+02:00", "2026-02-01T10:00:00.000Z"],
    ["2026-02-30T10:00:00Z", undefined],
    ["2026-02-01", undefined],
    ["yesterday", undefined],
  ])("normalizes %s to %s", (text, expected) => {
    expect(normalizeDateTime(text)).toBe(expected);
  });

  it.each([
    [undefined, false],
    ['W/"abc"', true],
    ['"abc"', true],
    ['"x", W/"abc"', true],
    ["*", true],
    ['W/"abd"', false],
  ])("If-None-Match %s against W/\"abc\" → %s", (header, hit) => {
    expect(ifNoneMatchHits(header, 'W/"abc"')).toBe(hit);
  });
});
