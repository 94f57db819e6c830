import { describe, expect, it } from "vitest";
import { allocateLogins, type LoginRequest, loginCandidates } from "../../../src/lifecycle/generated-logins.js";

const request = (id: string, employeeNumber: string, bases: string[], stored: string | null = null): LoginRequest => ({
  id,
  order: ["1", employeeNumber],
  bases,
  stored,
});
const userNames = (decisions: ReturnType<typeof allocateLogins>) =>
  Object.fromEntries([...decisions].map(([id, decision]) => [id, decision.userName]));

describe("loginCandidates", () => {
  it("tries each base, then the first base numbered from 2", () => {
    const candidates = loginCandidates(["zoe.vanderberg", "zoemaria.vanderberg"], "acme.nl");
    expect(Array.from({ length: 4 }, () => candidates.next().value)).toEqual([
      "zoe.vanderberg@acme.nl",
      "zoemaria.vanderberg@acme.nl",
      "zoe.vanderberg2@acme.nl",
      "zoe.vanderberg3@acme.nl",
    ]);
  });
});

describe("allocateLogins", () => {
  it.each([
    ["nobody has it", [], "zoe.vanderberg@acme.nl"],
    ["a colleague's work address has it (any case)", ["zoe.vanderberg@acme.nl"], "zoemaria.vanderberg@acme.nl"],
    ["both bases are taken", ["zoe.vanderberg@acme.nl", "zoemaria.vanderberg@acme.nl"], "zoe.vanderberg2@acme.nl"],
    [
      "a leaver ever had the numbered one too",
      ["zoe.vanderberg@acme.nl", "zoemaria.vanderberg@acme.nl", "zoe.vanderberg2@acme.nl"],
      "zoe.vanderberg3@acme.nl",
    ],
  ])("a newcomer gets the first free candidate when %s", (_case, taken, expected) => {
    const decisions = allocateLogins(
      [request("zoe", "7", ["zoe.vanderberg", "zoemaria.vanderberg"])],
      new Set(taken),
      "acme.nl",
    );
    expect(decisions.get("zoe")).toEqual({ userName: expected, isNew: true, suggested: null });
  });

  it("two newcomers who clash get candidates in employee-number order, whatever order the source lists them in", () => {
    const later = request("b", "10", ["zoe.vanderberg"]);
    const earlier = request("a", "9", ["zoe.vanderberg"]);
    const expected = { a: "zoe.vanderberg@acme.nl", b: "zoe.vanderberg2@acme.nl" };
    expect(userNames(allocateLogins([later, earlier], new Set(), "acme.nl"))).toEqual(expected);
    expect(userNames(allocateLogins([earlier, later], new Set(), "acme.nl"))).toEqual(expected);
  });

  it("a stored login is kept after a rename; the new name is only suggested", () => {
    const renamed = request("zoe", "7", ["zoe.dejong"], "zoe.vanderberg@acme.nl");
    const taken = new Set(["zoe.vanderberg@acme.nl"]);
    expect(allocateLogins([renamed], taken, "acme.nl").get("zoe")).toEqual({
      userName: "zoe.vanderberg@acme.nl",
      isNew: false,
      suggested: "zoe.dejong@acme.nl",
    });
  });

  it("a stored numbered login suggests nothing while the name is unchanged", () => {
    const kept = request("zoe2", "8", ["zoe.vanderberg"], "zoe.vanderberg2@acme.nl");
    const taken = new Set(["zoe.vanderberg@acme.nl", "zoe.vanderberg2@acme.nl"]);
    expect(allocateLogins([kept], taken, "acme.nl").get("zoe2")?.suggested).toBeNull();
  });

  it("a newcomer never gets a login kept by someone else, even when that person is planned after them", () => {
    const keeper = request("old", "1", ["zoe.vanderberg"], "zoe.vanderberg@acme.nl");
    const newcomer = request("new", "2", ["zoe.vanderberg"]);
    const decisions = allocateLogins([keeper, newcomer], new Set(["zoe.vanderberg@acme.nl"]), "acme.nl");
    expect(userNames(decisions)).toEqual({ old: "zoe.vanderberg@acme.nl", new: "zoe.vanderberg2@acme.nl" });
  });
});
