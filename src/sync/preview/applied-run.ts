import type { Sqlite } from "../../db/open.js";
import { changesOfRun, type RunChangeByPerson } from "../history.js";
import { firstAppliedRunSince, type RunStats } from "../run-store.js";
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
export type AppliedChange = RunChangeByPerson;

/**
 * The first run that applied after the preview was made (a held run counts when it was approved), if any. The run
 * that made the served generation itself started from an older one, which tells it apart when both share an instant.
 */
export function appliedRunAfter(
  sqlite: Sqlite,
  preview: Pick<PreviewRecord, "connectorId" | "createdAt" | "baseGen">,
): AppliedRun | undefined {
  const run = firstAppliedRunSince(sqlite, preview.connectorId, preview.createdAt, preview.baseGen);
  if (!run) return undefined;
  const history = changesOfRun(sqlite, run.id);
  return {
    ...run,
    stats: run.stats ? (JSON.parse(run.stats) as RunStats) : null,
    history,
    digest: readRunDigest(sqlite, run.id),
  };
}
