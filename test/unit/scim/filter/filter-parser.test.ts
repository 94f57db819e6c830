import { describe, expect, it } from "vitest";
import { FILTER_LIMITS, parseFilter } from "../../../../src/scim/filter/filter-parser.js";
import { printFilter } from "../../../../src/scim/filter/filter-printer.js";
import { ScimError } from "../../../../src/scim/scim-error.js";

const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

describe("filter parser and printer", () => {
  it.each([
    ['userName eq "bjensen"', 'userName eq "bjensen"'],
    ['userName+eq+"x"'.replaceAll("+", " "), 'userName eq "x"'],
    ['UserName EQ "Jan"', 'UserName eq "Jan"'],
    ["title pr", "title pr"],
    ["title PR", "title pr"],
    ['name.familyName co "O\'Malley"', 'name.familyName co "O\'Malley"'],
    ['userName sw "J"', 'userName sw "J"'],
    ['userName ew "acme.nl"', 'userName ew "acme.nl"'],
    ['meta.lastModified gt "2011-05-13T04:42:34Z"', 'meta.lastModified gt "2011-05-13T04:42:34Z"'],
    ['meta.lastModified ge "2011-05-13T04:42:34Z"', 'meta.lastModified ge "2011-05-13T04:42:34Z"'],
    ['meta.lastModified lt "2011-05-13T04:42:34Z"', 'meta.lastModified lt "2011-05-13T04:42:34Z"'],
    ['meta.lastModified le "2011-05-13T04:42:34Z"', 'meta.lastModified le "2011-05-13T04:42:34Z"'],
    ['title pr and userType eq "Employee"', 'title pr and userType eq "Employee"'],
    ['title pr or userType eq "Intern"', 'title pr or userType eq "Intern"'],
    ["active eq True", "active eq true"],
    ["active ne false", "active ne false"],
    ["externalId eq null", "externalId eq null"],
    ["x eq 1.5e3", "x eq 1500"],
    ["x eq -0.25", "x eq -0.25"],
    [
      'userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")',
      'userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")',
    ],
    [
      'userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")',
      'userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")',
    ],
    ["a eq 1 or b eq 2 and c eq 3", "a eq 1 or b eq 2 and c eq 3"],
    ["(a eq 1 or b eq 2) and c eq 3", "(a eq 1 or b eq 2) and c eq 3"],
    ["((title pr))", "title pr"],
    ['emails[type eq "work" and value co "@example.com"]', 'emails[type eq "work" and value co "@example.com"]'],
    [
      'emails[type eq "work" and primary eq true].value co "acme"',
      'emails[type eq "work" and primary eq true].value co "acme"',
    ],
    ['emails[type eq "work"].value pr', 'emails[type eq "work"].value pr'],
    [`${ENTERPRISE}:employeeNumber eq "1"`, `${ENTERPRISE}:employeeNumber eq "1"`],
    [`${ENTERPRISE}:manager.value eq "u1"`, `${ENTERPRISE}:manager.value eq "u1"`],
    ['members[$ref eq "x"]', 'members[$ref eq "x"]'],
    ['displayName eq "Tab\\tand \\"quote\\" \\u00e9"', 'displayName eq "Tab\\tand \\"quote\\" é"'],
    ["  title   pr  ", "title pr"],
  ])("%s prints as %s", (filter, printed) => {
    const ast = parseFilter(filter);
    expect(printFilter(ast)).toBe(printed);
    expect(printFilter(parseFilter(printFilter(ast)))).toBe(printed);
  });

  it("binds not tighter than and, and and tighter than or", () => {
    expect(parseFilter("a pr or b pr and not (c pr)")).toMatchObject({
      kind: "or",
      left: { kind: "present", path: { name: "a" } },
      right: {
        kind: "and",
        left: { kind: "present" },
        right: { kind: "not", filter: { kind: "present", path: { name: "c" } } },
      },
    });
  });

  it("splits a fully qualified path at the last colon, keeping the URN's dots", () => {
    expect(parseFilter(`${ENTERPRISE}:manager.value pr`)).toMatchObject({
      path: { uri: ENTERPRISE, name: "manager", sub: "value" },
    });
  });

  it.each([
    ['userName eq "x', 13, "unterminated"],
    ["name.FamilyName eq Employee", 20, "expected a value"],
    ["meta.Created gt 2015-10-10T14:38:21.8617979-07:00", 17, "unexpected character"],
    ["userName eq", 12, "expected a value"],
    ['userName foo "x"', 10, "expected an operator"],
    ['userName eq "x" and', 20, "expected an attribute name"],
    ['(userName eq "x"', 17, 'expected ")"'],
    ['userName eq "x")', 16, 'expected "and", "or"'],
    ['emails[type eq "work"', 22, 'expected "]"'],
    ['emails[type[value eq "x"] pr]', 12, "another value filter"],
    ["a.b.c pr", 1, "expected an attribute name"],
    ["1abc pr", 1, "unexpected character"],
    ["userName eq 'x'", 13, "unexpected character"],
    ['userName eq "x" & title pr', 17, "unexpected character"],
    ["", 1, "expected an attribute name"],
    ["not title pr", 5, "expected an operator"],
  ])("rejects %j at character %i (%s)", (filter, position, problem) => {
    const error = catchError(() => parseFilter(filter));
    expect(error).toBeInstanceOf(ScimError);
    expect(error).toMatchObject({ status: 400, scimType: "invalidFilter" });
    expect((error as ScimError).detail).toContain(`at character ${position}:`);
    expect((error as ScimError).detail).toContain(problem);
  });

  it("refuses filters that are too long, too deep or make too many comparisons", () => {
    expect(() => parseFilter(`title eq "${"x".repeat(FILTER_LIMITS.maxLength)}"`)).toThrow(/longer than/);
    expect(() =>
      parseFilter(`${"(".repeat(FILTER_LIMITS.maxDepth + 1)}title pr${")".repeat(FILTER_LIMITS.maxDepth + 1)}`),
    ).toThrow(/nested deeper/);
    expect(() =>
      parseFilter(Array.from({ length: FILTER_LIMITS.maxComparisons + 1 }, () => "title pr").join(" or ")),
    ).toThrow(/comparisons/);
    expect(() =>
      parseFilter(`${"not (".repeat(FILTER_LIMITS.maxDepth)}title pr${")".repeat(FILTER_LIMITS.maxDepth)}`),
    ).not.toThrow();
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}
