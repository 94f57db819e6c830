/**
 * Holds SQLite's write lock on a database from another process, as a backup tool or a second gateway might:
 *   node --import tsx test/support/sqlite-lock-holder.ts <db path> <hold ms>
 * Prints "locked" once it holds the lock (after writing a row to `settings`), "released" when it commits.
 */
import Database from "better-sqlite3";

const [path, holdMs] = process.argv.slice(2) as [string, string];
const db = new Database(path);
db.pragma("busy_timeout = 10000");
db.exec("BEGIN IMMEDIATE");
db.prepare(
  "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
).run("lock-holder", new Date().toISOString());
process.stdout.write("locked\n");
setTimeout(() => {
  db.exec("COMMIT");
  db.close();
  process.stdout.write("released\n");
}, Number(holdMs));
