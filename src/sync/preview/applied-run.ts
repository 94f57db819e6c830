import type { Sqlite } from "../../db/open.js";
import { prepared } from "../../db/statements.js";
import type { RunStats } from "../run-store.js";
import type { PreviewRecord } from "./preview-store.js";
import { readRunDigest } from "./run-digest.js";

/** What a run recorded about what it applied: its counters, its history rows and (when recorded) its digest. */
export interface AppliedRun {
  readonly id: number;
  readonly status: "succeeded" | "approved";
  readonly baseGen: number | null;
  readonly appliedAt: string;
  readonly stats: RunStats | null;
  readonly history: readonly AppliedChange[];
  /** Null for runs applied before (or without) recordChangeDigest. */
  readonly digest: string | null;
}

/** One person_changes row, with the person's source key (= SCIM externalId) instead of the SCIM id. */
export interface AppliedChange {
  readonly person: string;
  readonly field: string;
  readonly oldValue: string | null;
  readonly newValue: string | null;
  readonly reason: string | null;
}

/**
 * The first run that applied after the preview was made (a held run counts when it was approved), if any. The run
 * that made the served generation itself started from an older one, which tells it apart when both share an instant.
 */
export function appliedRunAfter(
  sqlite: Sqlite,
  preview: Pick<PreviewRecord, "connectorId" | "createdAt" | "baseGen">,
): AppliedRun | undefined {
  // sync_runs_by_status: the connector's succeeded and approved runs.
  const run = prepared(
    sqlite,
    `SELECT id, status, base_gen AS baseGen, coalesce(decided_at, finished_at) AS appliedAt, stats FROM sync_runs
     WHERE connector_id = ? AND status IN ('succeeded', 'approved') AND coalesce(decided_at, finished_at) >= ? AND base_gen >= ?
     ORDER BY appliedAt, id LIMIT 1`,
  ).get(preview.connectorId, preview.createdAt, preview.baseGen) as
    | (Omit<AppliedRun, "stats" | "history" | "digest"> & { stats: string | null })
    | undefined;
  if (!run) return undefined;
  // person_changes_by_run; people by their unique scim_id.
  const history = prepared(
    sqlite,
    `SELECT coalesce(p.source_key, c.scim_id) AS person, c.field, c.old_value AS oldValue, c.new_value AS newValue, c.reason
     FROM person_changes c LEFT JOIN people p ON p.scim_id = c.scim_id WHERE c.run_id = ? ORDER BY c.id`,
  ).all(run.id) as AppliedChange[];
  return {
    ...run,
    stats: run.stats ? (JSON.parse(run.stats) as RunStats) : null,
    history,
    digest: readRunDigest(sqlite, run.id),
  };
}
