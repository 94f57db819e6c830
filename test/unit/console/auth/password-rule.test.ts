import { describe, expect, it } from "vitest";
import { passwordProblem } from "../../../../src/console/auth/password-rule.js";

describe("the admin password rule", () => {
  it.each([
    ["short", "fewer than 12 characters"],
    ["elevenchars", "fewer than 12 characters"],
    ["aaaaaaaaaaaaaaaa", "one character repeated"],
    ["abababababababab", "a short run repeated"],
    ["Password2024!", "a common password with digits added"],
    ["Welkom12345678", "a common Dutch password with digits added"],
    ["wachtwoordwachtwoord", "a common password repeated"],
    ["qwertyuiopasdf", "a keyboard row"],
    ["123456789012", "a number sequence"],
    ["jan.devries-2024", "the user name inside"],
  ])("refuses %j (%s)", (password) => {
    expect(passwordProblem(password, "jan.devries")).not.toBeNull();
  });

  it.each(["correct horse battery staple", "Tulpen-Fiets-Regen-42", "mijn kat eet graag haring"])(
    "accepts %j",
    (password) => {
      expect(passwordProblem(password, "admin")).toBeNull();
    },
  );

  it("counts characters, not bytes", () => {
    expect(passwordProblem("ééééé-ñññ-ü", "admin")).toEqual({ kind: "short", length: 11 });
  });
});
