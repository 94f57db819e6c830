import type { Sqlite } from "../../db/open.js";
import { prepared } from "../../db/statements.js";
import { readRun, type RunRecord } from "../../sync/run-records.js";

export const RUNS_PER_PAGE = 50;

/** Newest first, `limit` + 1 rows so the caller knows whether there are older ones (sync_runs_by_connector). */
export function listRuns(
  sqlite: Sqlite,
  query: { connectorId?: string; beforeId?: number; limit: number },
): RunRecord[] {
  const where = ["1 = 1"];
  const params: unknown[] = [];
  if (query.connectorId) {
    where.push("connector_id = ?");
    params.push(query.connectorId);
  }
  if (query.beforeId !== undefined) {
    where.push("id < ?");
    params.push(query.beforeId);
  }
  const ids = prepared(sqlite, `SELECT id FROM sync_runs WHERE ${where.join(" AND ")} ORDER BY id DESC LIMIT ?`)
    .pluck()
    .all(...params, query.limit) as number[];
  return ids.map((id) => readRun(sqlite, id)).filter((run): run is RunRecord => run !== undefined);
}

/** The newest run id of a connector (0 when none): what "Sync now" compares against to find its own run. */
export function newestRunId(sqlite: Sqlite, connectorId: string): number {
  return (
    (prepared(sqlite, "SELECT max(id) FROM sync_runs WHERE connector_id = ?").pluck().get(connectorId) as
      | number
      | null) ?? 0
  );
}

/** The first run of a connector after `since` that has finished. */
export function finishedRunAfter(sqlite: Sqlite, connectorId: string, since: number): RunRecord | null {
  const id = prepared(
    sqlite,
    "SELECT id FROM sync_runs WHERE connector_id = ? AND id > ? AND status <> 'running' ORDER BY id LIMIT 1",
  )
    .pluck()
    .get(connectorId, since) as number | undefined;
  return id === undefined ? null : (readRun(sqlite, id) ?? null);
}

export interface RunChange {
  readonly id: number;
  readonly scimId: string;
  readonly name: string | null;
  readonly field: string;
  readonly oldValue: string | null;
  readonly newValue: string | null;
  readonly reason: string | null;
}

export const CHANGES_PER_PAGE = 200;

/** A run's history rows with the person's name (person_changes_by_run, hr_list primary key). */
export function runChanges(sqlite: Sqlite, runId: number, afterId: number, limit: number): RunChange[] {
  return prepared(
    sqlite,
    `SELECT pc.id, pc.scim_id AS scimId, h.display_name AS name, pc.field, pc.old_value AS oldValue, pc.new_value AS newValue, pc.reason
     FROM person_changes pc LEFT JOIN hr_list h ON h.scim_id = pc.scim_id
     WHERE pc.run_id = ? AND pc.id > ? ORDER BY pc.id LIMIT ?`,
  ).all(runId, afterId, limit) as RunChange[];
}

export function countRunChanges(sqlite: Sqlite, runId: number): number {
  return prepared(sqlite, "SELECT count(*) FROM person_changes WHERE run_id = ?").pluck().get(runId) as number;
}

/** Display names of people by SCIM id (hr_list primary key), for lists that carry only ids and labels. */
export function displayNames(sqlite: Sqlite, scimIds: readonly string[]): Map<string, string> {
  const rows = prepared(
    sqlite,
    "SELECT scim_id AS scimId, display_name AS name FROM hr_list WHERE scim_id IN (SELECT value FROM json_each(?))",
  ).all(JSON.stringify(scimIds)) as { scimId: string; name: string }[];
  return new Map(rows.map((row) => [row.scimId, row.name]));
}
