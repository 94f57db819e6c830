import { describe, expect, it } from "vitest";
import { date, employmentRecord, firstOfType, personRecord, text } from "../../../../src/sources/youforce/records.js";
import { SourceError } from "../../../../src/sources/types.js";

const same = (text: string) => text;

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
    expect(personRecord({ id: "P-1", personCode: "001042" }, "GET", same).personCode).toBe("001042");
  });

  it("a record without id is an unreadable answer naming the page", () => {
    expect(() => personRecord({ personCode: "1" }, "GET iam/v1.0/persons page 2", same)).toThrow(SourceError);
    expect(() => personRecord({ personCode: "1" }, "GET iam/v1.0/persons page 2", same)).toThrow(/persons page 2/);
  });

  it("repeated values (dates, codes, names) go through the run's shared copies; ids and personal codes do not", () => {
    // String identity is not observable in JS, so the test records what is handed to the pool.
    const shared: string[] = [];
    const share = (text: string) => {
      shared.push(text);
      return text;
    };
    const employment = employmentRecord(
      {
        id: "E-1",
        personCode: "001042",
        validFrom: "2024-01-01T00:00:00",
        payrollClientCode: "C1",
        organizationUnit: " OU-7 ",
        jobProfile: "JP-3",
        hireDate: "2024-01-01",
        employmentTypeName: "Vast",
      },
      "GET",
      share,
    );
    expect(employment).toMatchObject({ company: "C1", organizationUnit: "OU-7", validFrom: "2024-01-01" });
    expect(shared.sort()).toEqual(["2024-01-01", "2024-01-01", "C1", "JP-3", "OU-7", "Vast"]);
    shared.length = 0;
    personRecord(
      { id: "P-1", personCode: "001042", firstNames: "Jan", lastNamePrefix: "de", lastName: "Jong" },
      "GET",
      share,
    );
    expect(shared.sort()).toEqual(["Jan", "Jong", "de"]);
  });
});
