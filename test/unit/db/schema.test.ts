import Database from "better-sqlite3";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { getTableConfig, type SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import { openDatabase, PAGE_SIZE, StorageError } from "../../../src/db/open.js";
import * as schema from "../../../src/db/schema.js";
import { useTempDir } from "../../support/temp-dir.js";

const tempDir = useTempDir();

const tables = (Object.values(schema) as unknown[]).filter(
  (value): value is SQLiteTable =>
    typeof value === "object" && value !== null && Symbol.for("drizzle:IsDrizzleTable") in value,
);

describe("database schema", () => {
  it("drizzle's schema matches the migrated database column for column", () => {
    const db = openDatabase(":memory:");
    for (const table of tables) {
      const { name, columns } = getTableConfig(table);
      const actual = (db.sqlite.prepare(`PRAGMA table_info(${name})`).all() as { name: string; notnull: number }[])
        .map((column) => `${column.name}${column.notnull ? "!" : ""}`)
        .sort();
      const declared = columns.map((column) => `${column.name}${column.notNull && !column.primary ? "!" : ""}`).sort();
      const actualWithoutPkFlags = actual.map((column) =>
        columns.find((c) => c.primary && `${c.name}!` === column) ? column.slice(0, -1) : column,
      );
      expect({ table: name, columns: actualWithoutPkFlags }).toEqual({ table: name, columns: declared });
    }
    db.close();
  });

  it("people is indexed by its keys only: the source key and the SCIM id (migration 0023)", () => {
    const db = openDatabase(":memory:");
    const indexes = db.sqlite.prepare("SELECT name FROM pragma_index_list('people') ORDER BY name").pluck().all();
    expect(indexes).toEqual(["sqlite_autoindex_people_1", "sqlite_autoindex_people_2"]);
    db.close();
  });

  it("drizzle's schema declares every table the migrations create, and no other", () => {
    const db = openDatabase(":memory:");
    const migrated = db.sqlite
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'",
      )
      .pluck()
      .all() as string[];
    db.close();
    expect(tables.map((table) => getTableConfig(table).name).sort()).toEqual(migrated.sort());
  });

  it("opens a file in WAL mode with foreign keys on, and migrates only once", () => {
    const path = join(tempDir(), "data", "gw.db");
    const first = openDatabase(path);
    expect(first.sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(first.sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
    const applied = first.sqlite.prepare("SELECT count(*) FROM schema_migrations").pluck().get();
    first.close();
    const second = openDatabase(path);
    expect(second.sqlite.prepare("SELECT count(*) FROM schema_migrations").pluck().get()).toBe(applied);
    second.close();
  });

  it("makes a new file with 16 KiB pages, and leaves an existing file's page size as it was made", () => {
    const fresh = join(tempDir(), "fresh.db");
    const created = openDatabase(fresh);
    expect(created.sqlite.pragma("page_size", { simple: true })).toBe(PAGE_SIZE);
    created.close();
    const older = join(tempDir(), "older.db");
    const made = new Database(older);
    made.pragma("page_size = 4096");
    made.pragma("journal_mode = WAL");
    made.exec("CREATE TABLE before_the_gateway (id INTEGER PRIMARY KEY)");
    made.close();
    const reopened = openDatabase(older);
    expect(reopened.sqlite.pragma("page_size", { simple: true })).toBe(4096);
    expect(reopened.sqlite.prepare("SELECT count(*) FROM schema_migrations").pluck().get()).toBeGreaterThan(0);
    reopened.close();
  });

  it("explains a damaged database file and points at the backup", () => {
    const path = join(tempDir(), "gw.db");
    writeFileSync(path, "this is not a database, just some bytes ".repeat(200));
    expect(() => openDatabase(path)).toThrow(StorageError);
    expect(() => openDatabase(path)).toThrow(/damaged.*restore the last backup/);
  });

  it("folds case the same in SQL as in code, beyond ASCII", () => {
    const db = openDatabase(":memory:");
    expect(db.sqlite.prepare("SELECT scim_fold(?)").pluck().get("ÉLODIE.Ölçer@ACME.nl")).toBe("élodie.ölçer@acme.nl");
    db.close();
  });
});
