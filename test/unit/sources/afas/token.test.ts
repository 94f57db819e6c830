import { describe, expect, it } from "vitest";
import { afasTokenXml } from "../../../../src/sources/afas/token.js";

const DATA = "0123456789abcdef".repeat(4);
const WHOLE = `<token><version>1</version><data>${DATA}</data></token>`;

describe("the AFAS token is the whole XML or its data part", () => {
  it.each([
    ["the whole token", WHOLE, WHOLE],
    ["surrounding white space trimmed", `  ${WHOLE}\n`, WHOLE],
    ["only the data part is wrapped", DATA, WHOLE],
    [
      "a token in capitals",
      DATA.toUpperCase(),
      `<token><version>1</version><data>${DATA.toUpperCase()}</data></token>`,
    ],
    ["half a token", WHOLE.slice(0, 40), null],
    ["not hex", "not-a-token", null],
    ["a base64 header value", Buffer.from(WHOLE).toString("base64"), null],
  ])("%s", (_case, value, expected) => {
    expect(afasTokenXml(value)).toBe(expected);
  });
});
