import type { Sqlite } from "../db/open.js";
import { prepared } from "../db/statements.js";
import type { Problem } from "./plan-types.js";

/** Replaces the connector's problem list with what the latest complete read found (a fixed problem disappears). */
export function replaceProblems(sqlite: Sqlite, connectorId: string, runId: number, problems: Iterable<Problem>): void {
  prepared(sqlite, "DELETE FROM problems WHERE connector_id = ?").run(connectorId);
  const insert = prepared(
    sqlite,
    "INSERT INTO problems (connector_id, run_id, kind, source_key, scim_id, detail) VALUES (?, ?, ?, ?, ?, ?)",
  );
  for (const problem of problems)
    insert.run(connectorId, runId, problem.kind, problem.sourceKey, problem.scimId, problem.detail);
}

export function readProblems(sqlite: Sqlite, connectorId: string): Problem[] {
  return prepared(
    sqlite,
    "SELECT kind, source_key AS sourceKey, scim_id AS scimId, detail FROM problems WHERE connector_id = ? ORDER BY kind, id",
  ).all(connectorId) as Problem[];
}
