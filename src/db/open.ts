import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { applyMigrations } from "./migrate.js";
import { foldCase } from "./fold-case.js";
import * as schema from "./schema.js";

export type Sqlite = Database.Database;
export type Drizzle = BetterSQLite3Database<typeof schema>;

export interface Db {
  /** The raw connection, for hand-written statements on hot paths. */
  readonly sqlite: Sqlite;
  /** Drizzle over the same connection, for the schema and simple queries. */
  readonly orm: Drizzle;
  close(): void;
}

/** The one error type at the storage boundary: what went wrong and what the operator can do about it. */
export class StorageError extends Error {
  override readonly name = "StorageError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../migrations/", import.meta.url));

/**
 * Opens (creating if needed) the gateway's SQLite file and brings its schema up to date.
 * `:memory:` is accepted for unit tests.
 */
export function openDatabase(path: string, options: { migrationsDir?: string; readonly?: boolean } = {}): Db {
  if (path !== ":memory:" && !options.readonly) mkdirSync(dirname(path), { recursive: true });
  let sqlite: Sqlite;
  try {
    sqlite = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
    // WAL lets Okta's reads continue while a sync writes; NORMAL is durable in WAL mode except for the last
    // transactions before a power loss, which the next sync redoes anyway.
    if (!options.readonly) sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = NORMAL");
    sqlite.pragma("foreign_keys = ON");
    // A backup or a second process may hold the write lock briefly; wait instead of failing with SQLITE_BUSY.
    sqlite.pragma("busy_timeout = 5000");
    sqlite.function("scim_fold", { deterministic: true }, (value: unknown) =>
      typeof value === "string" ? foldCase(value) : value,
    );
    if (!options.readonly) applyMigrations(sqlite, options.migrationsDir ?? MIGRATIONS_DIR);
  } catch (error) {
    throw explainOpenFailure(path, error);
  }
  const orm = drizzle(sqlite, { schema });
  return { sqlite, orm, close: () => sqlite.close() };
}

function explainOpenFailure(path: string, error: unknown): StorageError {
  const code = (error as { code?: string }).code ?? "";
  if (code === "SQLITE_NOTADB" || code === "SQLITE_CORRUPT") {
    return new StorageError(
      `The database file ${path} is damaged (${code}). Stop the gateway, restore the last backup ` +
        `(see README "Backups and restore") and start again.`,
      { cause: error },
    );
  }
  if (code === "SQLITE_CANTOPEN" || code === "SQLITE_READONLY" || code === "EACCES") {
    return new StorageError(`Cannot open ${path} for writing (${code}). Check the path and the permissions of its folder.`, {
      cause: error,
    });
  }
  if (error instanceof StorageError) return error;
  return new StorageError(`Cannot open the database ${path}: ${(error as Error).message}`, { cause: error });
}
