import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CompValue, Filter } from "../../../../src/scim/filter/filter-ast.js";
import { COMPARE_OPS } from "../../../../src/scim/filter/filter-ast.js";
import { parseFilter } from "../../../../src/scim/filter/filter-parser.js";
import { printFilter } from "../../../../src/scim/filter/filter-printer.js";
import { ScimError } from "../../../../src/scim/scim-error.js";
import type { AttrPath } from "../../../../src/scim/schema/attribute-path.js";

const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,8}$/);
const uri = fc.constantFrom(
  "urn:ietf:params:scim:schemas:core:2.0:User",
  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
  "urn:x:y",
);
const path: fc.Arbitrary<AttrPath> = fc
  .record({ uri: fc.option(uri, { nil: undefined }), name, sub: fc.option(name, { nil: undefined }) })
  .map(({ uri: u, name: n, sub }) => ({ ...(u ? { uri: u } : {}), name: n, ...(sub ? { sub } : {}) }));
const value: fc.Arbitrary<CompValue> = fc.oneof(
  fc.string(),
  fc.boolean(),
  fc.constant(null),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const op = fc.constantFrom(...COMPARE_OPS);

const leaf = (inner: boolean): fc.Arbitrary<Filter> =>
  fc.oneof(
    fc.record({
      kind: fc.constant("compare" as const),
      path: inner ? name.map((n) => ({ name: n })) : path,
      op,
      value,
      pos: fc.constant(0),
    }),
    fc.record({
      kind: fc.constant("present" as const),
      path: inner ? name.map((n) => ({ name: n })) : path,
      pos: fc.constant(0),
    }),
  );

const tree = (inner: boolean) =>
  fc.letrec<{ filter: Filter }>((tie) => ({
    filter: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leaf(inner),
      fc.record({ kind: fc.constantFrom("and" as const, "or" as const), left: tie("filter"), right: tie("filter") }),
      fc.record({ kind: fc.constant("not" as const), filter: tie("filter") }),
    ),
  })).filter;

const filters: fc.Arbitrary<Filter> = fc.oneof(
  tree(false),
  fc.record({
    kind: fc.constant("valuePath" as const),
    path: name.map((n) => ({ name: n })),
    filter: tree(true),
    pos: fc.constant(0),
  }),
);

describe("filter parser properties", () => {
  it("answers any input with a filter or a 400 invalidFilter, never another exception", () => {
    const alphabet = fc.constantFrom(...'abcEQ eqnotand or pr()[]".:\\-019$urn,\ttrue'.split(""));
    const input = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: alphabet, maxLength: 200 }));
    fc.assert(
      fc.property(input, (text) => {
        try {
          parseFilter(text);
        } catch (error) {
          expect(error).toBeInstanceOf(ScimError);
          expect(error).toMatchObject({ status: 400, scimType: "invalidFilter" });
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("prints a parsed filter in a form that parses back to the same text", () => {
    fc.assert(
      fc.property(filters, (filter) => {
        const printed = printFilter(filter);
        expect(printFilter(parseFilter(printed))).toBe(printed);
      }),
      { numRuns: 1000 },
    );
  });

  it("stays fast on deep and long hostile input", () => {
    for (const text of [
      "(".repeat(4000),
      "not (".repeat(800),
      "a pr and ".repeat(500),
      '"'.repeat(4096),
      "[".repeat(4000),
    ]) {
      expect(() => parseFilter(text)).toThrow(ScimError);
    }
  });
});
