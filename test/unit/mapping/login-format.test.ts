import { describe, expect, it } from "vitest";
import { compileLoginFormat, loginFormatProblem } from "../../../src/mapping/login-format.js";
import { compact } from "../../../src/mapping/text-functions.js";
import { hrPerson } from "../../support/hr-data.js";

const period = { start: "2024-02-01", end: null };
const basesOf = (format: string | null, names: Parameters<typeof hrPerson>[0]) =>
  compileLoginFormat(format).bases(hrPerson(names), period, "2026-12-07");

describe("the built-in generated_format", () => {
  it.each([
    [{ firstName: "Zoë", nickname: null, prefix: "van der", lastName: "Berg" }, ["zoe.vanderberg"]],
    [{ firstName: "Jan-Willem", nickname: null, prefix: "van 't", lastName: "Hof" }, ["janwillem.vanthof"]],
    [{ firstName: "Johanna", nickname: "Anne", prefix: null, lastName: "Jansen" }, ["anne.jansen", "johanna.jansen"]],
    [{ firstName: "Anne", nickname: "Anne", prefix: null, lastName: "de Wit" }, ["anne.dewit"]],
    [{ firstName: "Çelik", nickname: null, prefix: null, lastName: "Øster-Hüß" }, ["celik.osterhuss"]],
    [{ firstName: "Sanne", nickname: null, prefix: "d’", lastName: "Ancona" }, ["sanne.dancona"]],
  ])("%j gives %j (roepnaam first, then the first name)", (names, bases) => {
    expect(basesOf(null, names)).toEqual({ value: bases });
  });

  it("holds a person without any given name: the message names the key", () => {
    const result = basesOf(null, { firstName: null, nickname: null, lastName: "Berg" });
    expect(result).toMatchObject({ error: expect.stringContaining("identity.generated_format") });
  });
});

describe("an admin's generated_format", () => {
  it("is used for both candidates", () => {
    const format = "lower(ascii(person.initials)) + lower(ascii(compact(familyName(person))))";
    expect(basesOf(format, { initials: "J.W.", nickname: "Jan", prefix: "van", lastName: "Dam" })).toEqual({
      value: ["j.w.vandam"],
    });
  });

  it("that gives what cannot stand before the @ holds the person instead of serving it", () => {
    expect(basesOf("person.lastName", { lastName: "van Dam" })).toEqual({
      error: 'identity.generated_format gives "van Dam", which cannot be the part before the @ of a login',
    });
  });

  it("that does not compile is refused with its position", () => {
    expect(loginFormatProblem("person.fristName")).toEqual({ message: "No such key: fristName", line: 1, column: 8 });
    expect(loginFormatProblem(null)).toBeNull();
  });
});

describe("compact", () => {
  it.each([
    ["van 't Hof", "vantHof"],
    ["Jan-Willem", "JanWillem"],
    ["d’Ancona", "dAncona"],
    [" - ", null],
    [null, null],
  ])("%o gives %o", (text, compacted) => {
    expect(compact(text)).toBe(compacted);
  });
});
