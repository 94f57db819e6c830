import { describe, expect, it } from "vitest";
import { cleanText } from "../../../src/lifecycle/person-names.js";

describe("cleanText", () => {
  it.each([
    ["clean ASCII is kept as it is", "Jan de Vries", "Jan de Vries"],
    ["outer whitespace is trimmed", "  Jan ", "Jan"],
    ["inner runs of whitespace become one space", "van  der\tBerg", "van der Berg"],
    ["a non-breaking space counts as whitespace", "de\u00a0Vries", "de Vries"],
    ["a decomposed é becomes the composed one", "Jose\u0301", "Jos\u00e9"],
    ["a composed é is kept", "Jos\u00e9 Smit", "Jos\u00e9 Smit"],
    ["punctuation and digits are plain text", "j.devries+1@acme.nl", "j.devries+1@acme.nl"],
  ])("%s", (_rule, value, cleaned) => {
    expect(cleanText(value)).toBe(cleaned);
  });

  it.each([[null], [undefined], [""], [" \t\n "]])("nothing is left of %j", (value) => {
    expect(cleanText(value)).toBeNull();
  });
});
