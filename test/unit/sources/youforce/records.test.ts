import { describe, expect, it } from "vitest";
import { date, firstOfType, personRecord, text } from "../../../../src/sources/youforce/records.js";
import { SourceError } from "../../../../src/sources/types.js";

describe("Youforce values", () => {
  it.each([
    ["  Jan  ", "Jan"],
    ["", null],
    ["   ", null],
    [42, "42"],
    [null, null],
    [undefined, null],
  ])("text %j → %j", (value, expected) => expect(text(value)).toBe(expected));

  it.each([
    ["2026-01-10T00:00:00", "2026-01-10"],
    ["2026-01-10", "2026-01-10"],
    ["9999-12-31T00:00:00", null],
    ["9999-01-01", null],
    ["9998-12-31", "9998-12-31"],
    ["", null],
    [undefined, null],
  ])("date %j → %j", (value, expected) => expect(date(value)).toBe(expected));

  it("e-mail and phone types: the first of each type, compared case-insensitively", () => {
    const addresses = [
      { type: "Private", address: "" },
      { type: "business", address: "jan@werk.nl" },
      { type: "PRIVATE", address: "jan@thuis.nl" },
      { type: "Business", address: "second@werk.nl" },
      { type: "Other", address: "x@y.nl" },
    ];
    expect(firstOfType(addresses, "business", "address")).toBe("jan@werk.nl");
    expect(firstOfType(addresses, "private", "address")).toBe("jan@thuis.nl");
    const phones = [
      { type: "Home", number: "010" },
      { type: "Mobile", number: "0612345678" },
    ];
    expect(firstOfType(phones, "mobile", "number")).toBe("0612345678");
    expect(firstOfType(undefined, "mobile", "number")).toBeNull();
    expect(firstOfType([null, "x"], "mobile", "number")).toBeNull();
  });

  it("a personCode with leading zeros stays text", () => {
    expect(personRecord({ id: "P-1", personCode: "001042" }, "GET").personCode).toBe("001042");
  });

  it("a record without id is an unreadable answer naming the page", () => {
    expect(() => personRecord({ personCode: "1" }, "GET iam/v1.0/persons page 2")).toThrow(SourceError);
    expect(() => personRecord({ personCode: "1" }, "GET iam/v1.0/persons page 2")).toThrow(/persons page 2/);
  });
});
