import type { Sqlite } from "../db/open.js";
import { prepared } from "../db/statements.js";
import { lastCompletedUserImport, recordOktaLinks, recordUsersPrunedThrough } from "./okta-last-import.js";

/**
 * Deletes superseded rows that no reader can see any more: those that stopped being visible at or before
 * `oldestNeededGen` (the oldest generation an import in progress is still reading, or the current one).
 * Users of the generation Okta's latest complete import saw are kept as well, whoever calls this (server or CLI):
 * the next-import forecast diffs them against the current generation (docs/forecast.md). They accumulate only
 * until Okta's next import moves that pin forward. The users every import saw active are recorded first
 * (okta_links), because the generation they were read from may go now. Returns the number of rows deleted.
 */
export function pruneSuperseded(sqlite: Sqlite, connectorId: string, oldestNeededGen: number): number {
  recordOktaLinks(sqlite, connectorId);
  const seenByOkta = lastCompletedUserImport(sqlite, connectorId)?.generation;
  const usersNeededGen = seenByOkta === undefined ? oldestNeededGen : Math.min(oldestNeededGen, seenByOkta);
  return sqlite.transaction(() => {
    // scim_resources_superseded (gen_to) WHERE gen_to IS NOT NULL. A user version that came and went after Okta's
    // import (gen_from > its generation) is visible neither to it nor to anyone else.
    const deleted = prepared(
      sqlite,
      `DELETE FROM scim_resources WHERE connector_id = ? AND gen_to IS NOT NULL AND gen_to <= ?
       AND (resource_type = 'Group' OR gen_to <= ? OR gen_from > ?)`,
    ).run(connectorId, oldestNeededGen, usersNeededGen, usersNeededGen).changes;
    if (deleted > 0) recordUsersPrunedThrough(sqlite, connectorId, usersNeededGen);
    return deleted;
  })();
}
