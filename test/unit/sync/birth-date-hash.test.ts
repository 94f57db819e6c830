import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { birthDateHasher, NO_BIRTH_DATE_HASH } from "../../../src/sync/birth-date-hash.js";

const key = Buffer.alloc(32, 7);

describe("birthDateHasher", () => {
  it("is HMAC-SHA-256 of the date under the connector's key, cut to 128 bits in base64url", () => {
    const expected = createHmac("sha256", key).update("1980-02-29").digest("base64url").slice(0, 22);
    expect(birthDateHasher(key)("1980-02-29")).toBe(expected);
  });

  it("gives the same hash to a date seen again, and another to another date or key", () => {
    const hash = birthDateHasher(key);
    const first = hash("1975-06-01");
    expect(hash("1975-06-01")).toBe(first);
    expect(birthDateHasher(Buffer.from(key))("1975-06-01")).toBe(first);
    expect(hash("1975-06-02")).not.toBe(first);
    expect(birthDateHasher(Buffer.alloc(32, 8))("1975-06-01")).not.toBe(first);
  });

  it("hashes no missing date, and without a key hashes nothing", () => {
    expect(birthDateHasher(key)(null)).toBeNull();
    expect(NO_BIRTH_DATE_HASH("1975-06-01")).toBeNull();
  });
});
