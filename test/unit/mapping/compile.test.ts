import { describe, expect, it } from "vitest";
import { compileExpression } from "../../../src/mapping/compile.js";
import { mappingInput } from "../../../src/mapping/mapping-input.js";
import { hrPerson } from "../../support/hr-data.js";

const zoe = hrPerson({
  firstName: "Zoë",
  nickname: null,
  prefix: "van der",
  lastName: "Berg",
  employeeType: "Stagiair",
  department: null,
  function: { code: "F1", name: "Developer" },
  manager: { email: "baas@acme.nl", employeeNumber: "7", name: "De Baas" },
});
const input = mappingInput(zoe, { start: "2024-02-01", end: null }, "2026-12-07");

function evaluated(source: string, kind: "text" | "condition" = "text") {
  const compiled = compileExpression(source, kind);
  if ("problem" in compiled) throw new Error(compiled.problem.message);
  return compiled.evaluate(input);
}

describe("compileExpression: the variables and helpers an expression sees", () => {
  it.each([
    ['person.function.name + " (" + company.name + ")"', "Developer (Acme BV)"],
    ["lower(ascii(coalesce(person.nickname, person.firstName))) + '.' + familyName(person)", "zoe.van der Berg"],
    ["upper(person.lastName)", "BERG"],
    ["period.start", "2024-02-01"],
    ["period.end", null],
    ["today", "2026-12-07"],
    ["company.number", "1"],
    ["person.manager.email", "baas@acme.nl"],
    ["person.nickname", null],
    ['""', null],
    ['person.department == null ? "none" : person.department.name', "none"],
  ])("%s gives %o", (source, value) => {
    expect(evaluated(source)).toEqual({ value });
  });

  it.each([
    ['person.employeeType == "Stagiair"', true],
    ['person.employeeType != "Stagiair"', false],
    ["person.nickname == null", true],
    ['period.start <= today && person.workEmail.endsWith("@acme.nl")', true],
  ])("condition %s is %o", (source, value) => {
    expect(evaluated(source, "condition")).toEqual({ value });
  });
});

describe("compileExpression: problems", () => {
  it.each([
    ["person.firstName + ", "text", 1, 20],
    ["person.fristName", "text", 1, 8],
    ["person.birthDate", "text", 1, 8],
    ["1 + 2", "text", 1, 1],
    ['person.firstName + "x"', "condition", 1, 1],
    ["", "text", 1, 1],
    ['person.firstName +\n  "x" +', "text", 2, 8],
  ])("%j as %s is refused at line %i, column %i", (source, kind, line, column) => {
    const compiled = compileExpression(source, kind as "text" | "condition");
    expect(compiled).toHaveProperty("problem");
    expect("problem" in compiled && compiled.problem).toMatchObject({ line, column });
  });

  it.each([
    ["person.department.name", /No such key: name \(line 1, column 19\)/],
    ["lower(dyn(1))", /expects a text/],
    ["person.firstName == 'Zoë' ? dyn(1) : 'x'", /must give a text/],
  ])("data that does not fit %s is an error for this person, not a throw", (source, error) => {
    const result = evaluated(source);
    expect(result).toHaveProperty("error");
    expect("error" in result && result.error).toMatch(error);
  });
});
