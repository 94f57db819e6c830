import { describe, expect, it } from "vitest";
import { ascii, coalesce, lower, trim, upper } from "../../../src/mapping/text-functions.js";

describe("the text helpers", () => {
  it.each([
    ["Zoë", "Zoe"],
    ["Çetin", "Cetin"],
    ["Bjørn", "Bjorn"],
    ["Strauß", "Strauss"],
    ["Ĳsbrand", "IJsbrand"],
    ["Ángel Núñez", "Angel Nunez"],
    ["van 't Hof", "van 't Hof"],
  ])("ascii folds %s to %s", (text, folded) => {
    expect(ascii(text)).toBe(folded);
  });

  it.each([
    [lower, "Zoë", "zoë"],
    [upper, "de Vries", "DE VRIES"],
    [trim, "  Jan   Willem ", "Jan Willem"],
    [trim, "   ", null],
  ])("%o gives the expected text", (helper, text, expected) => {
    expect(helper(text)).toBe(expected);
  });

  it.each([ascii, lower, upper, trim])("%o passes null through (an absent HR value stays absent)", (helper) => {
    expect(helper(null)).toBeNull();
  });

  it.each([
    [[null, "Jan"], "Jan"],
    [["", null, "Janneke"], "Janneke"],
    [["Zoë", "Zoey"], "Zoë"],
    [[null, null], null],
  ])("coalesce(%o) is the first present value", (values, expected) => {
    expect(coalesce(...values)).toBe(expected);
  });
});
