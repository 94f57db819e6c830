import { copyFileSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { applyMigrations } from "../../src/db/migrate.js";
import { MIGRATIONS_DIR, openDatabase, type Sqlite } from "../../src/db/open.js";

/**
 * A database in `dir` migrated up to (not including) the migration named `last`, with one connector, `acme`, for the
 * rows a migration test writes; and `rest` to apply the other migrations.
 */
export function migratedBefore(dir: string, last: string): { sqlite: Sqlite; rest: () => void } {
  const before = join(dir, "before");
  mkdirSync(before);
  for (const file of readdirSync(MIGRATIONS_DIR).filter((name) => name < last))
    copyFileSync(join(MIGRATIONS_DIR, file), join(before, file));
  const { sqlite } = openDatabase(join(dir, "gateway.db"), { migrationsDir: before });
  sqlite.exec(`INSERT INTO connectors (id, kind, origin, settings, created_at, updated_at)
               VALUES ('acme', 'nmbrs-soap', 'file', '{}', '', '')`);
  return { sqlite, rest: () => applyMigrations(sqlite, MIGRATIONS_DIR) };
}
