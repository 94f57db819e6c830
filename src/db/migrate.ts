import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type Database from "better-sqlite3";
import { systemClock } from "../clock.js";

/**
 * Applies every `migrations/NNNN_name.sql` not applied yet, in name order, each in its own transaction.
 * Migrations are append-only: a released file is never edited, a change is a new file.
 */
export function applyMigrations(sqlite: Database.Database, dir: string): string[] {
  sqlite.exec("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)");
  const applied = new Set(sqlite.prepare("SELECT name FROM schema_migrations").pluck().all() as string[]);
  const pending = readdirSync(dir)
    .filter((file) => /^\d{4}_[\w-]+\.sql$/.test(file) && !applied.has(file))
    .sort();
  const record = sqlite.prepare("INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)");
  for (const file of pending) {
    const sql = readFileSync(join(dir, file), "utf8");
    sqlite.transaction(() => {
      sqlite.exec(sql);
      record.run(file, systemClock().toISOString());
    })();
  }
  return pending;
}

/** True when every migration file in `dir` has been applied (what /readyz reports). */
export function isMigrated(sqlite: Database.Database, dir: string): boolean {
  const files = readdirSync(dir).filter((file) => /^\d{4}_[\w-]+\.sql$/.test(file));
  const applied = new Set(sqlite.prepare("SELECT name FROM schema_migrations").pluck().all() as string[]);
  return files.every((file) => applied.has(file));
}
