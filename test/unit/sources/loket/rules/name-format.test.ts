import { describe, expect, it } from "vitest";
import { familyName, type NameFields } from "../../../../../src/sources/loket/rules/name-format.js";

const own = { prefix: "de", lastName: "Groot" };
const partner = { prefixPartner: "van der", lastNamePartner: "Meer" };
const none = { prefixPartner: null, lastNamePartner: null };

describe("Loket howToFormatLastName (the Loket spec §2, name rule)", () => {
  it.each([
    ["key 1: own", { ...own, ...partner, formatKey: 1 }, "de", "Groot"],
    ["key 2: own + partner (documented)", { ...own, ...partner, formatKey: 2 }, "de", "Groot-van der Meer"],
    ["key 3: partner", { ...own, ...partner, formatKey: 3 }, "van der", "Meer"],
    ["key 4: partner + own", { ...own, ...partner, formatKey: 4 }, "van der", "Meer-de Groot"],
    ["no howToFormatLastName", { ...own, ...partner, formatKey: null }, "de", "Groot"],
    ["an unknown key", { ...own, ...partner, formatKey: 7 }, "de", "Groot"],
    ["key 2 without a partner name", { ...own, ...none, formatKey: 2 }, "de", "Groot"],
    ["key 4 without a partner name", { ...own, ...none, formatKey: 4 }, "de", "Groot"],
    [
      "a partner prefix without a partner name",
      { ...own, prefixPartner: "van", lastNamePartner: null, formatKey: 3 },
      "de",
      "Groot",
    ],
    [
      "key 2, no prefixes",
      { prefix: null, lastName: "Jansen", prefixPartner: null, lastNamePartner: "Bakker", formatKey: 2 },
      null,
      "Jansen-Bakker",
    ],
    [
      "key 4, own without a prefix",
      { prefix: null, lastName: "Jansen", ...partner, formatKey: 4 },
      "van der",
      "Meer-Jansen",
    ],
    ["key 2, own last name missing", { prefix: null, lastName: null, ...partner, formatKey: 2 }, null, "van der Meer"],
  ] as [string, NameFields, string | null, string | null][])("%s", (_case, fields, prefix, lastName) => {
    expect(familyName(fields)).toEqual({ prefix, lastName });
  });
});
