import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../../..");
const CONSOLE = join(ROOT, "src/console");

// What touching a table looks like: a statement, a transaction, the query builder, or a SQL string.
const FORBIDDEN: readonly [string, RegExp][] = [
  ["prepare(", /\bprepared?\(/],
  [".exec(", /\.exec\(/],
  [".transaction(", /\.transaction\(/],
  ["db/statements", /db\/statements/],
  ["drizzle-orm", /drizzle-orm/],
  ["db/schema", /db\/schema/],
  [".orm", /\.orm\b/],
  ["SELECT … FROM", /\bSELECT\b[\s\S]{0,200}?\bFROM\s+[a-z_]+/],
  ["INSERT INTO", /\bINSERT\s+INTO\b/],
  ["UPDATE … SET", /\bUPDATE\s+[a-z_]+\s+SET\b/],
  ["DELETE FROM", /\bDELETE\s+FROM\b/],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The forbidden forms a text contains. */
function sqlForms(text: string): string[] {
  return FORBIDDEN.filter(([, pattern]) => pattern.test(text)).map(([form]) => form);
}

describe("the console holds no SQL: it calls the stores that own the tables", () => {
  it("no file under src/console prepares, runs or builds a query", () => {
    const files = sourceFiles(CONSOLE);
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((file) =>
      sqlForms(readFileSync(file, "utf8")).map((form) => `${relative(ROOT, file)}: ${form}`),
    );
    expect(found).toEqual([]);
  });

  it.each([
    ["prepare(", 'sqlite.prepare("PRAGMA user_version")'],
    ["prepare(", 'prepared(sqlite, "…")'],
    [".exec(", 'sqlite.exec("VACUUM")'],
    [".transaction(", "sqlite.transaction(() => {})"],
    ["db/statements", 'import { prepared } from "../../db/statements.js";'],
    ["drizzle-orm", 'import { eq } from "drizzle-orm";'],
    ["db/schema", 'import { admins } from "../../db/schema.js";'],
    [".orm", "deps.db.orm.select()"],
    ["SELECT … FROM", "`SELECT id, at\n  FROM audit_log`"],
    ["INSERT INTO", '"INSERT INTO sessions (id_hash) VALUES (?)"'],
    ["UPDATE … SET", '"UPDATE admins SET language = ?"'],
    ["DELETE FROM", '"DELETE FROM sessions"'],
  ])("the check recognises %s", (form, sample) => {
    expect(sqlForms(sample)).toContain(form);
  });

  it("ordinary console text is not taken for SQL", () => {
    expect(sqlForms('t.runs.select("Select the runs from this connector")')).toEqual([]);
  });
});
