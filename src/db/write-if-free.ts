import type { Sqlite } from "./open.js";

/**
 * Runs `write` in one IMMEDIATE transaction if the database's write lock is free now, and returns false at once
 * (writing nothing) if it is not.
 *
 * For the serving thread's bookkeeping (request log, import records, log lines, "credential last used"). A sync
 * holds the write lock for its whole commit, seconds at 100,000 employees, from its own thread or process; better-
 * sqlite3 waits for a lock synchronously, so with the connection's busy timeout every Okta page and console request
 * stood still behind that commit (measured under load, BENCHMARKS.md). Bookkeeping can wait instead: the callers
 * keep what they had and try again shortly.
 */
export function writeIfFree(sqlite: Sqlite, write: () => void): boolean {
  const patience = sqlite.pragma("busy_timeout", { simple: true }) as number;
  sqlite.pragma("busy_timeout = 0");
  try {
    sqlite.transaction(write).immediate();
    return true;
  } catch (error) {
    if (isBusy(error)) return false;
    throw error;
  } finally {
    sqlite.pragma(`busy_timeout = ${patience}`);
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("SQLITE_BUSY");
}
