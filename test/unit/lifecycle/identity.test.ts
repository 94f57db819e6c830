import { describe, expect, it } from "vitest";
import { chooseUserName, findUserNameConflicts, noUserNameReason } from "../../../src/lifecycle/identity.js";
import { hrPerson } from "../../support/hr-data.js";

const workThenPrivate = { userNameFrom: ["work", "private"] as const, domainRewrite: {} };

describe("noUserNameReason: why nobody can sign in, naming an address the connector does not use", () => {
  const workOnly = { userNameFrom: ["work"] as const, domainRewrite: {} };
  it.each([
    [
      "nothing in HR",
      { workEmail: null, privateEmail: null },
      workThenPrivate,
      "no usable e-mail address (none in HR)",
    ],
    [
      "an unusable address",
      { workEmail: "n.v.t.", privateEmail: null },
      workThenPrivate,
      "no usable e-mail address (invalid in HR)",
    ],
    [
      "only a private address, and the connector takes work addresses only",
      { workEmail: null, privateEmail: "jan@gmail.com" },
      workOnly,
      "no usable e-mail address (none in HR); the private address is not used as Okta login (identity.user_name_from)",
    ],
  ])("%s", (_case, emails, identity, expected) => {
    expect(noUserNameReason(hrPerson(emails), identity)).toBe(expected);
  });
});

describe("chooseUserName: the first usable e-mail in the configured order", () => {
  it.each([
    [
      "work e-mail first",
      { workEmail: "jan@acme.nl", privateEmail: "jan@gmail.com" },
      workThenPrivate,
      { userName: "jan@acme.nl", from: "work" },
    ],
    [
      "private e-mail when there is no work e-mail",
      { workEmail: null, privateEmail: "jan@gmail.com" },
      workThenPrivate,
      { userName: "jan@gmail.com", from: "private" },
    ],
    [
      "private first when configured so",
      { workEmail: "jan@acme.nl", privateEmail: "jan@gmail.com" },
      { userNameFrom: ["private", "work"] as const, domainRewrite: {} },
      { userName: "jan@gmail.com", from: "private" },
    ],
    [
      "only work when configured so",
      { workEmail: null, privateEmail: "jan@gmail.com" },
      { userNameFrom: ["work"] as const, domainRewrite: {} },
      null,
    ],
    [
      "an unusable work e-mail falls back to private",
      { workEmail: "n.v.t.", privateEmail: "jan@gmail.com" },
      workThenPrivate,
      { userName: "jan@gmail.com", from: "private" },
    ],
    [
      "surrounding spaces are trimmed",
      { workEmail: "  jan@acme.nl ", privateEmail: null },
      workThenPrivate,
      { userName: "jan@acme.nl", from: "work" },
    ],
    ["no usable e-mail at all: null", { workEmail: "", privateEmail: "jan@" }, workThenPrivate, null],
    [
      "the domain is rewritten, matching it case-insensitively and keeping the local part",
      { workEmail: "Jan.de.Vries@OldName.NL", privateEmail: null },
      { userNameFrom: ["work"] as const, domainRewrite: { "oldname.nl": "newname.nl" } },
      { userName: "Jan.de.Vries@newname.nl", from: "work" },
    ],
    [
      "other domains are left alone",
      { workEmail: "jan@acme.nl", privateEmail: null },
      { userNameFrom: ["work"] as const, domainRewrite: { "oldname.nl": "newname.nl" } },
      { userName: "jan@acme.nl", from: "work" },
    ],
  ])("%s", (_rule, emails, identity, expected) => {
    expect(chooseUserName(hrPerson(emails), identity)).toEqual(expected);
  });
});

describe("findUserNameConflicts", () => {
  const userNameOf = (claim: { userName: string }) => claim.userName;

  it("finds a userName claimed twice, whatever the case", () => {
    const conflicts = findUserNameConflicts(
      [
        { id: "a", userName: "Jan@Acme.nl" },
        { id: "b", userName: "jan@acme.NL" },
        { id: "c", userName: "piet@acme.nl" },
      ],
      userNameOf,
    );
    expect([...conflicts.values()].map((group) => group.map((claim) => claim.id))).toEqual([["a", "b"]]);
  });

  it("treats the same accented letter typed two ways as one name", () => {
    const conflicts = findUserNameConflicts(
      [
        { id: "a", userName: "zoe\u0308@acme.nl" },
        { id: "b", userName: "zo\u00eb@acme.nl" },
      ],
      userNameOf,
    );
    expect(conflicts.size).toBe(1);
  });

  it("finds nothing when every userName is unique", () => {
    expect(findUserNameConflicts([{ userName: "a@acme.nl" }, { userName: "b@acme.nl" }], userNameOf).size).toBe(0);
  });
});
