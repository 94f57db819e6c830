import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { HrPerson } from "../../../src/sources/types.js";
import { cleanText, personNames } from "../../../src/lifecycle/person-names.js";

/** The rule as written before the allocation-free path for clean values: the one cleanText must keep. */
function cleanedByTheRule(value: string | null | undefined): string | null {
  const cleaned = value?.normalize("NFC").replace(/\s+/g, " ").trim();
  return cleaned ? cleaned : null;
}

describe("cleanText", () => {
  it.each([
    ["Jan", "Jan"],
    ["Jan de Vries", "Jan de Vries"],
    ["  Jan  ", "Jan"],
    ["Jan  de\tVries", "Jan de Vries"],
    ["Jan\u00a0de Vries", "Jan de Vries"],
    ["Jose\u0301", "José"],
    ["’t Hart", "’t Hart"],
    ["", null],
    ["   ", null],
    [null, null],
    [undefined, null],
  ])("cleans %j to %j", (value, cleaned) => {
    expect(cleanText(value)).toBe(cleaned);
  });

  it("cleans any text as trimming, collapsing whitespace and NFC do", () => {
    const unit = fc.constantFrom(
      "a",
      "Z",
      "0",
      ".",
      " ",
      "  ",
      "\t",
      "\n",
      "\u00a0",
      "\u2003",
      "é",
      "e\u0301",
      "’",
      "\u007f",
    );
    fc.assert(
      fc.property(fc.string({ unit }), (value) => {
        expect(cleanText(value)).toBe(cleanedByTheRule(value));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("personNames", () => {
  const names = (fields: Partial<HrPerson>) =>
    personNames({
      nickname: null,
      firstName: null,
      initials: null,
      prefix: null,
      lastName: null,
      displayName: null,
      ...fields,
    } as HrPerson);

  it.each([
    [{ nickname: "Wim", firstName: "Willem", prefix: "de", lastName: "Vries" }, "Wim", "de Vries", "Wim de Vries"],
    [{ firstName: "Willem", lastName: "Vries" }, "Willem", "Vries", "Willem Vries"],
    [{ initials: "W.", prefix: " de " }, "W.", "de", "W. de"],
    [{ lastName: "Vries" }, null, "Vries", "Vries"],
    [{ firstName: "Willem" }, "Willem", null, "Willem"],
    [{}, null, null, null],
  ])("names %j: given %j, family %j, formatted %j", (fields, givenName, familyName, formatted) => {
    expect(names(fields)).toEqual({ givenName, familyName, formatted, displayName: formatted });
  });

  it("keeps Nmbrs' display name when there is one", () => {
    expect(names({ firstName: "Willem", displayName: " Vries,  W. de " }).displayName).toBe("Vries, W. de");
  });
});
