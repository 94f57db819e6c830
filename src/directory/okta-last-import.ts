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
     ORDER BY completed_at DESC, rowid DESC LIMIT 1`, // rowid: two imports finished in the same millisecond
  ).get(connectorId) as CompletedImport | undefined;
}

const PRUNED_THROUGH = (connectorId: string) => `directory.users_pruned_through.${connectorId}`;

/**
 * Whether every User row of generation `gen` is still stored. Pruning records how far it deleted superseded users
 * (see prune.ts); a generation older than that lost rows, e.g. an import seen before this pin existed.
 */
export function userGenerationIntact(sqlite: Sqlite, connectorId: string, gen: number): boolean {
  const through = prepared(sqlite, "SELECT value FROM settings WHERE key = ?")
    .pluck()
    .get(PRUNED_THROUGH(connectorId)) as string | undefined;
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

const LINKS_RECORDED_THROUGH = (connectorId: string) => `okta_links.recorded_through.${connectorId}`;

/**
 * Adds the users each newly completed User import saw active to okta_links: Okta links an app user the first time
 * an import lists it active and keeps that link for good. Called before pruning and before forecasting, so every
 * import is recorded while the generation it read is still stored (the scan registry pins it until it completes).
 */
export function recordOktaLinks(sqlite: Sqlite, connectorId: string): void {
  sqlite.transaction(() => {
    const through =
      (prepared(sqlite, "SELECT value FROM settings WHERE key = ?").pluck().get(LINKS_RECORDED_THROUGH(connectorId)) as
        | string
        | undefined) ?? "";
    const imports = prepared(
      sqlite,
      `SELECT DISTINCT generation, max(completed_at) OVER () AS newest FROM scim_imports
       WHERE connector_id = ? AND resource_type = 'User' AND kind = 'import' AND completed_at > ?`,
    ).all(connectorId, through) as { generation: number; newest: string }[];
    if (imports.length === 0) return;
    for (const { generation } of imports) {
      if (!userGenerationIntact(sqlite, connectorId, generation)) continue;
      // scim_resources_scan (connector_id, resource_type, seq, gen_from, gen_to) narrows to the generation.
      prepared(
        sqlite,
        `INSERT OR IGNORE INTO okta_links (connector_id, scim_id, first_gen)
         SELECT connector_id, scim_id, ? FROM scim_resources
         WHERE connector_id = ? AND resource_type = 'User' AND gen_from <= ? AND (gen_to IS NULL OR gen_to > ?) AND active = 1`,
      ).run(generation, connectorId, generation, generation);
    }
    prepared(
      sqlite,
      "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    ).run(LINKS_RECORDED_THROUGH(connectorId), imports[0]!.newest);
  })();
}

/** The SCIM ids of the users Okta has linked (see recordOktaLinks). */
export function oktaLinkedUsers(sqlite: Sqlite, connectorId: string): Set<string> {
  const ids = prepared(sqlite, "SELECT scim_id FROM okta_links WHERE connector_id = ?")
    .pluck()
    .all(connectorId) as string[];
  return new Set(ids);
}
