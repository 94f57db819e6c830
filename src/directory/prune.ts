import type { Sqlite } from "../db/open.js";

/**
 * Deletes superseded rows that no reader can see any more: those that stopped being visible at or before
 * `oldestNeededGen` (the oldest generation an import in progress is still reading, or the current one).
 * Returns the number of rows deleted.
 */
export function pruneSuperseded(sqlite: Sqlite, connectorId: string, oldestNeededGen: number): number {
  return sqlite
    .prepare("DELETE FROM scim_resources WHERE connector_id = ? AND gen_to IS NOT NULL AND gen_to <= ?")
    .run(connectorId, oldestNeededGen).changes;
}
