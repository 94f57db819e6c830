import { describe, expect, it } from "vitest";
import { FailedAuthThrottle } from "../../../../src/scim/auth/failed-auth-throttle.js";
import { presentedCredential } from "../../../../src/scim/auth/presented-credential.js";
import { VerifiedCache } from "../../../../src/scim/auth/verified-cache.js";
import { normalizeDateTime } from "../../../../src/scim/filter/date-time.js";
import { ScanRegistry } from "../../../../src/scim/list/scan-registry.js";
import { ifNoneMatchHits } from "../../../../src/scim/resources/etag.js";
import { testClock } from "../../../support/scim-server.js";

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
  const curl = { ...origin, userAgent: "curl/8.5.0", clientAddress: "10.0.0.9" };
  const served = (startIndex: number, items: number, complete = false) => ({
    startIndex,
    nextIndex: startIndex + items,
    lastSeq: startIndex + items - 1,
    items,
    complete,
  });

  it("pins the generation a scan started on until it completes or goes idle", () => {
    const clock = testClock();
    const scans = new ScanRegistry(clock, { idleMs: 1000, maxScansPerCredential: 8 });
    const scan = scans.choose(acme, "User", origin, 1, 100)!.scan;
    scans.choose({ ...acme, gen: 6 }, "User", { ...origin, credentialId: 2 }, 1, 100);
    expect(scans.oldestPinnedGeneration("acme")).toBe(4);
    expect(scans.oldestPinnedGeneration("beta")).toBeUndefined();
    scans.pageServed(scan, served(1, 100));
    expect(scans.choose({ ...acme, gen: 5 }, "User", origin, 101, 100)).toMatchObject({
      continues: true,
      scan: { gen: 4, nextIndex: 101, lastSeq: 100, pages: 1, served: 100 },
    });
    scans.pageServed(scan, served(101, 50, true));
    expect(scans.choose(acme, "User", origin, 151, 100)).toBeUndefined();
    expect(scans.oldestPinnedGeneration("acme")).toBe(6);
    clock.advance(1001);
    expect(scans.oldestPinnedGeneration("acme")).toBeUndefined();
  });

  it("continues a scan only with the page it expects next; a retry or a jump reads its generation without moving it", () => {
    const scans = new ScanRegistry(testClock(), { idleMs: 1000, maxScansPerCredential: 8 });
    const okta = scans.choose(acme, "User", origin, 1, 100)!.scan;
    scans.pageServed(okta, served(1, 100));
    const probe = scans.choose({ ...acme, gen: 5 }, "User", curl, 1, 100)!.scan;
    scans.pageServed(probe, served(1, 100));
    expect(probe).not.toBe(okta);
    expect(scans.choose({ ...acme, gen: 6 }, "User", origin, 101, 100)).toEqual({ scan: okta, continues: true });
    scans.pageServed(okta, served(101, 100));
    expect(scans.choose(acme, "User", origin, 101, 100)).toEqual({ scan: okta, continues: false });
    expect(scans.choose(acme, "User", curl, 101, 100)).toEqual({ scan: probe, continues: true });
    expect(scans.choose(acme, "User", origin, 201, 50)).toMatchObject({ continues: false });
    expect(okta).toMatchObject({ nextIndex: 201, pages: 2 });
  });

  it("of scans expecting the same page, continues the same client's, the one used most recently first", () => {
    const scans = new ScanRegistry(testClock(), { idleMs: 1000, maxScansPerCredential: 8 });
    const first = scans.choose(acme, "User", origin, 1, 100)!.scan;
    const second = scans.choose({ ...acme, gen: 5 }, "User", origin, 1, 100)!.scan;
    const other = scans.choose({ ...acme, gen: 6 }, "User", curl, 1, 100)!.scan;
    for (const scan of [first, second, other]) scans.pageServed(scan, served(1, 100));
    // `first` was abandoned after its first page (Okta retried page 1 and got `second`).
    expect(scans.choose(acme, "User", origin, 101, 100)?.scan).toBe(second);
    scans.pageServed(second, served(101, 100));
    expect(scans.choose(acme, "User", origin, 101, 100)?.scan).toBe(first);
  });

  it("bounds the scans of a credential, never dropping the oldest running one, and keeps re-created connectors apart", () => {
    const clock = testClock();
    const scans = new ScanRegistry(clock, { idleMs: 60_000, maxScansPerCredential: 3 });
    const okta = scans.choose(acme, "User", origin, 1, 100)!.scan;
    scans.pageServed(okta, served(1, 100));
    for (let gen = 5; gen < 25; gen += 1) {
      clock.advance(10);
      scans.choose({ ...acme, gen }, "User", curl, 1, 100);
    }
    expect(scans.oldestPinnedGeneration("acme")).toBe(4);
    expect(scans.choose(acme, "User", origin, 101, 100)).toEqual({ scan: okta, continues: true });
    expect(scans.choose(acme, "Group", origin, 101, 100)).toBeUndefined();
    expect(scans.choose({ ...acme, incarnation: "b" }, "User", origin, 101, 100)).toBeUndefined();
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
  ])('If-None-Match %s against W/"abc" → %s', (header, hit) => {
    expect(ifNoneMatchHits(header, 'W/"abc"')).toBe(hit);
  });
});
