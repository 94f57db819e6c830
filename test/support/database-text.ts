import Database from "better-sqlite3";

/** Every value of every row of every table, as text: what a stolen database file reveals to SQL. */
export function everyValue(dbPath: string): string {
  const db = new Database(dbPath, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    return tables
      .map((table) =>
        (db.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[][])
          .map((row) =>
            row.map((value) => (Buffer.isBuffer(value) ? value.toString("latin1") : String(value))).join("\t"),
          )
          .join("\n"),
      )
      .join("\n");
  } finally {
    db.close();
  }
}
