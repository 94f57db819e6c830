import Database from "better-sqlite3";
import { chmodSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { applyMigrations } from "./migrate.js";
import { foldCase } from "../directory/fold-case.js";
import { foldForSearch } from "./fold-search.js";
import { hrSearchTerms } from "./hr-search-terms.js";
import * as schema from "./schema.js";

export type Sqlite = Database.Database;
export type Drizzle = BetterSQLite3Database<typeof schema>;

export interface Db {
  /** The raw connection, for hand-written statements on hot paths. */
  readonly sqlite: Sqlite;
  /** Drizzle over the same connection (the one `drizzleOf(sqlite)` gives): the stores' ordinary queries. */
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

/** The page size of a database file the gateway creates. */
export const PAGE_SIZE = 16_384;

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../migrations/", import.meta.url));

/**
 * Opens (creating if needed) the gateway's SQLite file and brings its schema up to date.
 * `:memory:` is accepted for unit tests.
 */
export function openDatabase(
  path: string,
  options: { migrationsDir?: string; readonly?: boolean; exclusive?: boolean } = {},
): Db {
  const onDisk = path !== ":memory:" && !options.readonly;
  // The file holds the personal data of a whole workforce: only the gateway's user may read it (a new data
  // directory too). SQLite gives the -wal and -shm files the database file's mode.
  if (onDisk) mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  let sqlite: Sqlite | undefined;
  try {
    sqlite = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
    if (onDisk) chmodSync(path, 0o600);
    // Maintenance that must not run beside a gateway (key rotation) holds the file alone until it closes it. Set
    // before the first access, so that no other process can open the file meanwhile.
    if (options.exclusive) sqlite.pragma("locking_mode = EXCLUSIVE");
    // A backup or a second process may hold the write lock briefly; wait instead of failing with SQLITE_BUSY (set
    // first: the journal_mode below is already an access). Exclusive maintenance asks for one second only: another
    // process holding the file then is a running gateway, not a blip.
    sqlite.pragma(`busy_timeout = ${options.exclusive ? 1000 : 5000}`);
    // A new file gets 16 KiB pages: a first run's 100,000 rows and their indexes then take a quarter of the pages
    // to split, spill and copy at the checkpoint, which cut the CPU of its apply (BENCHMARKS.md, "The first run's
    // writes: page size"). It takes effect only before the first table exists; a file made with smaller pages keeps
    // them (changing that needs a VACUUM outside WAL mode). Set before journal_mode, which writes a new file's header.
    if (!options.readonly) sqlite.pragma(`page_size = ${PAGE_SIZE}`);
    // WAL lets Okta's reads continue while a sync writes; NORMAL is durable in WAL mode except for the last
    // transactions before a power loss, which the next sync redoes anyway.
    if (!options.readonly) sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = NORMAL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.function("scim_fold", { deterministic: true }, (value: unknown) =>
      typeof value === "string" ? foldCase(value) : value,
    );
    // The HR list's search key and sort key as SQL functions, for migration 0012 (it rebuilds hr_list through a view on
    // a database from before it). The sync writes the list's rows computed in TypeScript (sync/hr-list-entry.ts).
    sqlite.function("search_fold", { deterministic: true }, (value: unknown) =>
      typeof value === "string" ? foldForSearch(value) : value,
    );
    sqlite.function(
      "hr_search_terms",
      { deterministic: true },
      (
        displayName: unknown,
        nickname: unknown,
        firstName: unknown,
        prefix: unknown,
        lastName: unknown,
        email: unknown,
        privateEmail: unknown,
        employeeNumber: unknown,
      ) =>
        hrSearchTerms({
          displayName: text(displayName),
          nickname: text(nickname),
          firstName: text(firstName),
          prefix: text(prefix),
          lastName: text(lastName),
          emails: [text(email), text(privateEmail)],
          employeeNumber: text(employeeNumber) ?? "",
        }),
    );
    if (!options.readonly) applyMigrations(sqlite, options.migrationsDir ?? MIGRATIONS_DIR);
    // The exclusive lock is taken by the first write; take it now, so that a running gateway is found at once.
    if (options.exclusive) sqlite.exec("BEGIN EXCLUSIVE; COMMIT");
  } catch (error) {
    // A half-opened connection would keep its lock (and, in exclusive mode, the whole file) until the process ends.
    if (sqlite?.open) sqlite.close();
    throw explainOpenFailure(path, error);
  }
  return { sqlite, orm: drizzleOf(sqlite), close: () => sqlite.close() };
}

const drizzles = new WeakMap<Sqlite, Drizzle>();

/**
 * The one drizzle instance over a connection. Stores are handed the connection (hot paths need it raw) and build
 * their ordinary queries with this, so callers never need to know which of the two a store uses.
 */
export function drizzleOf(sqlite: Sqlite): Drizzle {
  let orm = drizzles.get(sqlite);
  if (!orm) {
    orm = drizzle(sqlite, { schema });
    drizzles.set(sqlite, orm);
  }
  return orm;
}

/** A value SQLite hands a function: JSON text fields arrive as strings, absent ones as null. */
function text(value: unknown): string | null {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : null;
}

function explainOpenFailure(path: string, error: unknown): StorageError {
  const code = (error as { code?: string }).code ?? "";
  if (code === "SQLITE_NOTADB" || code === "SQLITE_CORRUPT") {
    return new StorageError(
      `The database file ${path} is damaged (${code}). Stop the gateway, restore the last backup ` +
        `(docs/operations.md, "Backups and restore") and start again.`,
      { cause: error },
    );
  }
  if (code === "SQLITE_CANTOPEN" || code === "SQLITE_READONLY" || code === "EACCES") {
    return new StorageError(
      `Cannot open ${path} for writing (${code}). Check the path and the permissions of its folder.`,
      {
        cause: error,
      },
    );
  }
  if (code === "SQLITE_BUSY") {
    return new StorageError(
      `The database ${path} is in use by another process (a running gateway?). Stop it and try again.`,
      {
        cause: error,
      },
    );
  }
  if (error instanceof StorageError) return error;
  return new StorageError(`Cannot open the database ${path}: ${(error as Error).message}`, { cause: error });
}
