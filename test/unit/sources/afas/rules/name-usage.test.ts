import { describe, expect, it } from "vitest";
import { familyName, type NameFields } from "../../../../../src/sources/afas/rules/name-usage.js";

/** Own name "de Vries", partner "van Dijk", unless a case says otherwise. */
function fields(overrides: Partial<NameFields>): NameFields {
  return {
    voorvoegsel: "de",
    achternaam: "Vries",
    voorvoegselGeboortenaam: null,
    geboortenaam: null,
    voorvoegselPartner: "van",
    geboortenaamPartner: "Dijk",
    naamgebruik: "0",
    ...overrides,
  };
}

describe("the family name follows AFAS's name-usage code", () => {
  it.each([
    ["0: own name", { naamgebruik: "0" }, "de", "Vries"],
    ["1: partner's name, then own", { naamgebruik: "1" }, "van", "Dijk-de Vries"],
    ["2: partner's name", { naamgebruik: "2" }, "van", "Dijk"],
    ["3: own name, then partner's", { naamgebruik: "3" }, "de", "Vries-van Dijk"],
    [
      "3 with an own name without prefix",
      { naamgebruik: "3", voorvoegsel: null, achternaam: "Jansen" },
      null,
      "Jansen-van Dijk",
    ],
    [
      "1 with a partner name without prefix",
      { naamgebruik: "1", voorvoegselPartner: null, geboortenaamPartner: "Bakker" },
      null,
      "Bakker-de Vries",
    ],
    [
      "a separately recorded birth name is the own name",
      {
        naamgebruik: "3",
        voorvoegselGeboortenaam: "van der",
        geboortenaam: "Meer",
        voorvoegsel: "van",
        achternaam: "Dijk",
      },
      "van der",
      "Meer-van Dijk",
    ],
    [
      "no partner: every code reads as own",
      { naamgebruik: "2", voorvoegselPartner: null, geboortenaamPartner: null },
      "de",
      "Vries",
    ],
    ["a code outside 0-3 reads as own", { naamgebruik: "7" }, "de", "Vries"],
    ["no code reads as own", { naamgebruik: null }, "de", "Vries"],
    [
      "an own name missing keeps the partner's part",
      { naamgebruik: "1", voorvoegsel: null, achternaam: null },
      "van",
      "Dijk",
    ],
  ] as const)("%s", (_case, overrides, prefix, lastName) => {
    expect(familyName(fields(overrides))).toEqual({ prefix, lastName });
  });
});
