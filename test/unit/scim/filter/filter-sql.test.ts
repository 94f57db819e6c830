import { describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../../../src/db/open.js";
import type { ResourceType } from "../../../../src/directory/resource.js";
import { servedBodyParams, servedUrls } from "../../../../src/directory/served-body.js";
import { compileFilter } from "../../../../src/scim/filter/filter-sql.js";
import { seekIndex } from "../../../../src/scim/filter/indexed-columns.js";
import { parseFilter } from "../../../../src/scim/filter/filter-parser.js";
import { StatementCache } from "../../../../src/scim/list/statement-cache.js";
import { queryPage } from "../../../../src/scim/list/query-page.js";
import { ScimError } from "../../../../src/scim/scim-error.js";
import { addConnector, commit, group, user } from "../../../support/scim-fixtures.js";

const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const HRGW = "urn:ietf:params:scim:schemas:extension:hrgateway:2.0:User";

function seeded(): Db {
  const db = openDatabase(":memory:");
  addConnector(db, "acme");
  const jan = user(1, {
    givenName: "Jan",
    familyName: "de Vries",
    title: "Developer",
    department: "Sales",
    phone: "+31612345678",
  });
  const piet = user(2, { givenName: "Piet", familyName: "Jansen", title: "CEO", department: "Board" });
  const elodie = user(3, {
    givenName: "Élodie",
    familyName: "Ölçer",
    title: "",
    department: "Sales",
    managerId: "u-000002",
    active: false,
  });
  commit(
    db,
    "acme",
    [jan, piet, elodie, group(1, "Sales Team", [jan, elodie]), group(2, "Board", [piet])],
    new Date("2026-02-01T10:00:00Z"),
  );
  return db;
}

const db = seeded();
const statements = new StatementCache(db.sqlite);
const connector = { id: "acme", gen: 1, incarnation: "x" };

function ids(filter: string, type: ResourceType = "User"): string[] {
  const ast = parseFilter(filter);
  const page = queryPage(statements, {
    connector,
    type,
    urls: servedUrls("https://gw/scim/v2/acme", type),
    where: compileFilter(ast, type),
    seek: seekIndex(ast, type),
    sort: null,
    startIndex: 1,
    count: 100,
    members: true,
  });
  const resources = (JSON.parse(page.body.toString()) as { Resources: { id: string }[] }).Resources;
  expect(resources).toHaveLength(page.items);
  return resources.map((resource) => resource.id.replace(/^u-0+|^g-0+/, ""));
}

describe("filter → SQL", () => {
  it.each([
    ['userName eq "jan.de.vries@ACME.nl"', ["1"]],
    ['USERNAME Eq "JAN.DE.VRIES@acme.nl"', ["1"]],
    ['userName eq "élodie.ölçer@acme.nl"', ["3"]],
    ['userName ne "Jan.de.Vries@acme.nl"', ["2", "3"]],
    ['userName co "JANSEN"', ["2"]],
    ['userName sw "pi"', ["2"]],
    ['userName ew "@ACME.NL"', ["1", "2", "3"]],
    ['id eq "u-000002"', ["2"]],
    ['id eq "U-000002"', []],
    ['externalId eq "100003"', ["3"]],
    ['displayName eq "piet jansen"', ["2"]],
    ['emails.value eq "PIET.Jansen@acme.nl"', ["2"]],
    ['emails co "jansen"', ["2"]],
    ['emails.value sw "jan."', ["1"]],
    ['emails[type eq "work" and primary eq true].value co "vries"', ["1"]],
    ['emails[type eq "home"]', []],
    ["emails[primary eq true]", ["1", "2", "3"]],
    ['phoneNumbers[type eq "mobile"].value pr', ["1"]],
    ["phoneNumbers pr", ["1"]],
    ["not (phoneNumbers pr)", ["2", "3"]],
    ["active eq true", ["1", "2"]],
    ["active eq false", ["3"]],
    ["active ne true", ["3"]],
    ["title pr", ["1", "2"]],
    ['not (title eq "CEO")', ["1", "3"]],
    ['title eq "CEO" or title eq "Developer"', ["1", "2"]],
    ['name.familyName eq "DE VRIES"', ["1"]],
    ['name.givenName gt "Jan"', ["2", "3"]],
    ['name[givenName eq "piet"]', ["2"]],
    ["name pr", ["1", "2", "3"]],
    [`${ENTERPRISE}:department eq "sales"`, ["1", "3"]],
    [`${ENTERPRISE.toUpperCase()}:DEPARTMENT eq "sales"`, ["1", "3"]],
    [`${ENTERPRISE}:manager.value eq "u-000002"`, ["3"]],
    [`${ENTERPRISE}:manager pr`, ["3"]],
    [`${ENTERPRISE}:employeeNumber eq "2"`, ["2"]],
    [`${HRGW}:companyNumber eq "1" and userName sw "j"`, ["1"]],
    ['urn:ietf:params:scim:schemas:core:2.0:User:userName eq "piet.jansen@acme.nl"', ["2"]],
    ["externalId eq null", []],
    ["externalId ne null", ["1", "2", "3"]],
    [`${ENTERPRISE}:manager.value eq null`, ["1", "2"]],
    ['meta.created eq "2026-02-01T10:00:00Z"', ["1", "2", "3"]],
    ['meta.created gt "2026-02-01T11:00:00+02:00"', ["1", "2", "3"]],
    ['meta.lastModified lt "2026-02-01T10:00:00.000Z"', []],
    ['meta.lastModified ge "2026-02-01T10:00:00.000Z"', ["1", "2", "3"]],
    ['meta.resourceType eq "User"', ["1", "2", "3"]],
    ['not (userName sw "jan" or userName sw "piet")', ["3"]],
    ['not (not (userName sw "jan"))', ["1"]],
  ])("Users: %s → %j", (filter, expected) => {
    expect(ids(filter)).toEqual(expected);
  });

  it.each([
    ['displayName eq "sales team"', ["1"]],
    ['displayName co "o"', ["2"]],
    ['members.value eq "u-000003"', ["1"]],
    ['members[value eq "u-000002"]', ["2"]],
    ['members[display sw "élodie"]', ["1"]],
    ["members pr", ["1", "2"]],
  ])("Groups: %s → %j", (filter, expected) => {
    expect(ids(filter, "Group")).toEqual(expected);
  });

  it.each([
    ['nickName eq "x"', "Users have no attribute"],
    ['name eq "x"', "is complex"],
    ['active eq "true"', "is a boolean"],
    ["active gt true", "does not apply"],
    ["userName eq 1", "is a string"],
    ['meta.created gt "yesterday"', "is a dateTime"],
    ['meta.created gt "2026-02-31T00:00:00Z"', "is a dateTime"],
    ['meta.location eq "x"', "cannot be filtered"],
    ['emails[nope eq "x"]', "no sub-attribute"],
    ['userName[value eq "x"]', "needs a complex attribute"],
    ['urn:x:y:User:userName eq "x"', "have no attribute"],
    ["userName gt null", "cannot be compared with null"],
  ])("rejects %s (%s)", (filter, problem) => {
    expect(() => compileFilter(parseFilter(filter), "User")).toThrow(problem);
    expect(() => compileFilter(parseFilter(filter), "User")).toThrow(ScimError);
  });

  it("binds every value as a parameter", () => {
    const compiled = compileFilter(parseFilter(`userName eq "x' OR 1=1 --" or title co "\\"; DROP TABLE x"`), "User");
    expect(compiled.sql).not.toContain("OR 1=1");
    expect(compiled.sql).not.toContain("DROP");
    expect(compiled.params).toContain("x' or 1=1 --");
  });

  it.each([
    ['userName eq "jan.de.vries@acme.nl"', "User", "scim_resources_current_user_name"],
    ['externalId eq "100001"', "User", "scim_resources_current_external_id"],
    ['id eq "u-000001"', "User", "scim_resources_current_id"],
    ['emails.value eq "jan.de.vries@acme.nl"', "User", "scim_resources_current_user_name"],
    ['displayName eq "Sales Team"', "Group", "scim_resources_current_group_name"],
    ['userName eq "jan.de.vries@acme.nl" and active eq true', "User", "scim_resources_current_user_name"],
  ] as const)("%s on %s seeks %s", (filter, type, index) => {
    const ast = parseFilter(filter);
    const queries: string[] = [];
    const spy = new StatementCache(db.sqlite);
    const original = spy.get.bind(spy);
    spy.get = (text) => {
      queries.push(text);
      return original(text);
    };
    const urls = servedUrls("https://gw/scim/v2/acme", type);
    queryPage(spy, {
      connector,
      type,
      urls,
      where: compileFilter(ast, type),
      seek: seekIndex(ast, type),
      sort: null,
      startIndex: 1,
      count: 100,
      members: true,
    });
    expect(queries).toHaveLength(2);
    const params = compileFilter(ast, type).params;
    for (const query of queries) {
      const all = query.includes("LIMIT")
        ? [...servedBodyParams(urls), connector.id, type, ...params, 100, 0]
        : [connector.id, type, ...params];
      const plan = (db.sqlite.prepare(`EXPLAIN QUERY PLAN ${query}`).all(...all) as { detail: string }[])
        .map((row) => row.detail)
        .join("; ");
      expect(plan).toMatch(
        new RegExp(`USING (COVERING )?INDEX ${index} \\(connector_id=\\? AND (resource_type=\\? AND )?\\w+=\\?\\)`),
      );
    }
  });
});

describe("displayName", () => {
  it("is sought on groups only: a user's displayName eq reads the body on the reader thread, and still matches", () => {
    expect(seekIndex(parseFilter('displayName eq "Sales Team"'), "Group")?.column).toBe("display_name_fold");
    expect(seekIndex(parseFilter('displayName eq "Piet Jansen"'), "User")).toBeUndefined();
    expect(ids('displayName eq "PIET JANSEN"')).toEqual(["2"]);
  });
});

describe("substring filters on e-mail", () => {
  it.each([
    'emails.value co "VRIES"',
    'emails.value sw "JAN."',
    'emails.value ew "@acme.NL"',
    'not (emails.value co "x")',
  ])("%s reads the folded userName (the one e-mail a user has), not every row's e-mail array", (filter) => {
    const compiled = compileFilter(parseFilter(filter), "User");
    expect(compiled.sql).toContain("user_name_fold");
    expect(compiled.sql).not.toContain("json_each");
    expect(compiled.sql).not.toContain("scim_fold");
  });

  it.each([
    ['emails.value co "VRIES"', ["1"]],
    ['emails.value co "jansen@"', ["2"]],
    ['emails.value sw "ÉLODIE"', ["3"]],
    ['emails.value ew "@ACME.nl"', ["1", "2", "3"]],
    ['not (emails.value co "jansen")', ["1", "3"]],
  ])("%s matches %j, case-insensitively as the attribute says", (filter, expected) => {
    expect(ids(filter)).toEqual(expected);
  });
});
