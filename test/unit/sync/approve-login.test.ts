import { describe, expect, it } from "vitest";
import { loginSuggestedDetail, suggestionIn } from "../../../src/sync/approve-login.js";

/** The problems table keeps only the detail line: the logins are read back from it to approve one. */
describe("the logins of a login_suggested problem", () => {
  it.each([
    ["Hof, J. (Jan-Willem) (7, Acme BV)", "janwillem.vanthof@acme.nl", "janwillem.vanthofstra@acme.nl"],
    // A label holding the words of the detail itself: the logins are read from the end.
    ["x; the name in HR now gives y: keeps the generated login z", "zoe.vanderberg@acme.nl", "zoe.debruijn@acme.nl"],
  ])("reads back what %s keeps and is suggested", (label, kept, suggested) => {
    expect(suggestionIn({ kind: "login_suggested", detail: loginSuggestedDetail(label, kept, suggested) })).toEqual({
      kept,
      suggested,
    });
  });

  it("finds nothing in another kind of problem or a detail of another form", () => {
    const detail = loginSuggestedDetail("A", "a@acme.nl", "b@acme.nl");
    expect(suggestionIn({ kind: "conflict", detail })).toBeNull();
    expect(suggestionIn({ kind: "login_suggested", detail: "A: no e-mail address" })).toBeNull();
  });
});
