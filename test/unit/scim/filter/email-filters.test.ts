import fc from "fast-check";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../../../src/db/open.js";
import { servedUrls } from "../../../../src/directory/served-body.js";
import { compileFilter } from "../../../../src/scim/filter/filter-sql.js";
import { parseFilter } from "../../../../src/scim/filter/filter-parser.js";
import { seekIndex } from "../../../../src/scim/filter/indexed-columns.js";
import { queryPage } from "../../../../src/scim/list/query-page.js";
import { StatementCache } from "../../../../src/scim/list/statement-cache.js";
import { addConnector, commit, user } from "../../../support/scim-fixtures.js";
import { useFileTempDir } from "../../../support/temp-dir.js";

// `emails.value` filters read the folded userName's column (indexed-columns.ts). The same filter written as a value
// filter, `emails[value …]`, reads every user's e-mail array from the body: the meaning of "any e-mail". Each pair must
// find the same users on a real database file.

const USER_NAMES = [
  "Jan.de.Vries@acme.nl",
  "jan.devries@ACME.nl",
  "Élodie.Ölçer@acme.nl",
  "piet.jansen@gmail.com",
  "KEES@Example.ORG",
  "anna-maria.o'brien@acme.nl",
  "x@y.z",
];

const tempDir = useFileTempDir();
const db = openDatabase(join(tempDir(), "gateway.db"));
afterAll(() => db.close());
addConnector(db, "acme");
commit(
  db,
  "acme",
  USER_NAMES.map((userName, index) => user(index + 1, { userName, givenName: `P${index}` })),
  new Date("2026-12-07T10:00:00Z"),
);
const statements = new StatementCache(db.sqlite);

function ids(filter: string): string[] {
  const ast = parseFilter(filter);
  const page = queryPage(statements, {
    connector: { id: "acme", gen: 1, incarnation: "x" },
    type: "User",
    urls: servedUrls("https://gw/scim/v2/acme", "User"),
    where: compileFilter(ast, "User"),
    seek: seekIndex(ast, "User"),
    sort: null,
    startIndex: 1,
    count: 100,
    members: true,
  });
  return (JSON.parse(page.body.toString()) as { Resources: { id: string }[] }).Resources.map((r) => r.id);
}

/** The filter as a value filter over the e-mail array: `emails.value co "x"` → `emails[value co "x"]`. */
function onTheBody(filter: string): string {
  return filter.replace(/emails\.value (eq|co|sw|ew|pr)( "(?:[^"\\]|\\.)*")?/g, (_, op, value = "") => {
    return `emails[value ${op}${value}]`;
  });
}

describe("e-mail filters read the userName's column and find what the e-mail array holds", () => {
  it.each([
    'emails.value eq "jan.de.vries@acme.nl"',
    'emails.value eq "JAN.DEVRIES@acme.NL"',
    'emails.value eq "élodie.ölçer@ACME.NL"',
    'emails.value eq "nobody@acme.nl"',
    'emails.value co "VRIES"',
    'emails.value co "@"',
    'emails.value co "o\'brien"',
    'emails.value sw "JAN."',
    'emails.value sw "kees@"',
    'emails.value ew "@ACME.nl"',
    'emails.value ew "gmail.com"',
    "emails.value pr",
    'not (emails.value co "acme")',
    'not (emails.value eq "x@y.z")',
    'emails.value co "jan" and not (emails.value ew ".org")',
    'emails.value eq "x@y.z" or emails.value sw "piet"',
    'emails.value eq "piet.jansen@gmail.com" and active eq true',
  ])("%s", (filter) => {
    const found = ids(filter);
    expect(found).toEqual(ids(onTheBody(filter)));
    if (!filter.includes("nobody")) expect(found.length).toBeGreaterThan(0);
  });

  it("finds the same users as the e-mail array for any case and any piece of an address", () => {
    const piece = fc
      .record({
        userName: fc.constantFrom(...USER_NAMES),
        from: fc.nat(30),
        length: fc.integer({ min: 0, max: 30 }),
        upper: fc.boolean(),
      })
      .map(({ userName, from, length, upper }) => {
        const text = userName.slice(from % userName.length, (from % userName.length) + length);
        return upper ? text.toUpperCase() : text.toLowerCase();
      });
    fc.assert(
      fc.property(fc.constantFrom("eq", "co", "sw", "ew"), fc.oneof(piece, fc.string()), (op, value) => {
        const filter = `emails.value ${op} ${JSON.stringify(value)}`;
        expect(ids(filter)).toEqual(ids(onTheBody(filter)));
      }),
      { numRuns: 300 },
    );
  });

  it("seeks the userName index for an e-mail lookup", () => {
    const ast = parseFilter('emails.value eq "x@y.z"');
    expect(seekIndex(ast, "User")?.column).toBe("user_name_fold");
    const plan = db.sqlite
      .prepare(
        `EXPLAIN QUERY PLAN SELECT scim_id FROM scim_resources
         WHERE connector_id = ? AND +resource_type = ? AND gen_to IS NULL AND ${compileFilter(ast, "User").sql}`,
      )
      .all("acme", "User", ...compileFilter(ast, "User").params) as { detail: string }[];
    expect(plan.map((step) => step.detail).join("; ")).toContain("INDEX scim_resources_current_user_name");
  });
});
