import { describe, expect, it } from "vitest";
import {
  youforceFamilyName,
  type YouforceNameFields,
} from "../../../../../src/sources/youforce/rules/name-assemble.js";

/** Birth name "de Groot", partner "van der Meer", unless a case says otherwise. */
function fields(overrides: Partial<YouforceNameFields>): YouforceNameFields {
  return {
    lastNameAtBirth: "Groot",
    lastNameAtBirthPrefix: "de",
    lastName: "Groot-van der Meer",
    lastNamePrefix: "de",
    partnerName: "Meer",
    partnerNamePrefix: "van der",
    nameAssembleOrder: "1",
    ...overrides,
  };
}

describe("the family name follows nameAssembleOrder", () => {
  it.each([
    ["0: partner + own", "0", "van der", "Meer-de Groot"],
    ["1: own", "1", "de", "Groot"],
    ["2: partner", "2", "van der", "Meer"],
    ["3: own + partner", "3", "de", "Groot-van der Meer"],
    ["4: own", "4", "de", "Groot"],
    ["E (Beaufort): own", "E", "de", "Groot"],
    ["P: partner", "P", "van der", "Meer"],
    ["B: partner + own", "B", "van der", "Meer-de Groot"],
    ["C: own + partner", "C", "de", "Groot-van der Meer"],
    ["D: own + partner", "D", "de", "Groot-van der Meer"],
    ["lower case and spaces are trimmed and folded", " p ", "van der", "Meer"],
    ["an unknown code: own", "X", "de", "Groot"],
    ["no code: own", null, "de", "Groot"],
  ])("%s", (_case, code, prefix, lastName) => {
    expect(youforceFamilyName(fields({ nameAssembleOrder: code }))).toEqual({ prefix, lastName });
  });

  it("without a partner name every code reads as the own name", () => {
    for (const code of ["0", "2", "3", "B", "P", "C"])
      expect(youforceFamilyName(fields({ nameAssembleOrder: code, partnerName: null }))).toEqual({
        prefix: "de",
        lastName: "Groot",
      });
  });

  it("without a birth name the own name is lastName (+Prefix)", () => {
    expect(
      youforceFamilyName(
        fields({
          lastNameAtBirth: null,
          lastNameAtBirthPrefix: null,
          lastName: "Jansen",
          lastNamePrefix: null,
          nameAssembleOrder: "0",
        }),
      ),
    ).toEqual({ prefix: "van der", lastName: "Meer-Jansen" });
  });
});
