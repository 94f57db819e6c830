import type { Sqlite } from "../db/open.js";
import { prepared } from "../db/statements.js";

/** Okta's latest complete *Import Users* scan of a connector, as the SCIM request log recorded it. */
export interface CompletedImport {
  /** The directory generation the scan was pinned to: exactly the users Okta saw. */
  readonly generation: number;
  readonly startedAt: string;
  readonly completedAt: string;
}

/**
 * The newest complete User import (connection tests and abandoned scans do not count). scim_imports keeps 50 rows
 * per connector and type, so this is a walk of at most 50 rows of scim_imports_by_connector.
 */
export function lastCompletedUserImport(sqlite: Sqlite, connectorId: string): CompletedImport | undefined {
  return prepared(
    sqlite,
    `SELECT generation, started_at AS startedAt, completed_at AS completedAt FROM scim_imports
     WHERE connector_id = ? AND resource_type = 'User' AND kind = 'import' AND completed_at IS NOT NULL
     ORDER BY completed_at DESC LIMIT 1`,
  ).get(connectorId) as CompletedImport | undefined;
}

const PRUNED_THROUGH = (connectorId: string) => `directory.users_pruned_through.${connectorId}`;

/**
 * Whether every User row of generation `gen` is still stored. Pruning records how far it deleted superseded users
 * (see prune.ts); a generation older than that lost rows, e.g. an import seen before this pin existed.
 */
export function userGenerationIntact(sqlite: Sqlite, connectorId: string, gen: number): boolean {
  const through = prepared(sqlite, "SELECT value FROM settings WHERE key = ?").pluck().get(PRUNED_THROUGH(connectorId)) as string | undefined;
  return through === undefined || Number(through) <= gen;
}

/** Records that superseded User rows with gen_to <= `gen` may be gone (only ever moves forward). */
export function recordUsersPrunedThrough(sqlite: Sqlite, connectorId: string, gen: number): void {
  prepared(
    sqlite,
    `INSERT INTO settings (key, value) VALUES (?, ?)
     ON CONFLICT(key) DO UPDATE SET value = excluded.value WHERE CAST(excluded.value AS INTEGER) > CAST(settings.value AS INTEGER)`,
  ).run(PRUNED_THROUGH(connectorId), String(gen));
}
