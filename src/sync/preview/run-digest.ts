import type { Sqlite } from "../../db/open.js";
import { prepared } from "../../db/statements.js";
import { currentById, currentKeyReader } from "../../directory/read-generation.js";
import type { GenerationChanges } from "../../directory/resource.js";
import { changeSetDigest, type BodySource } from "./change-digest.js";
import { hasPreviewFrom } from "./preview-store.js";

/**
 * Records the change-set digest of an applied run, so its preview can be checked against exactly what it applied.
 *
 * Must be called inside the apply transaction, right after applyPlan() committed the generation: in run-sync.ts
 * (decide(), the "succeeded" branch) and in approval.ts (approving a held run), with the run's id and the
 * `changes` applyPlan returned. A run applied at once does not keep the bodies of created resources (a first run's
 * 100,000 bodies), so they are read back from the generation just committed: one seek per created resource on
 * scim_resources_current_id. Runs applied without it, and runs no preview was made for, have no digest; a comparison
 * then uses the history only.
 */
export function recordChangeDigest(
  sqlite: Sqlite,
  connectorId: string,
  runId: number,
  baseGen: number,
  changes: GenerationChanges,
): string | null {
  // Only a run that a stored preview will be compared with needs it (one computed from the generation this run
  // started from): for a first run that nobody previewed, the digest of every created user costs seconds.
  if (!hasPreviewFrom(sqlite, connectorId, baseGen)) return null;
  const digest = changeSetDigest(changes, directorySource(sqlite, connectorId));
  prepared(sqlite, "INSERT OR REPLACE INTO sync_run_digests (run_id, digest) VALUES (?, ?)").run(runId, digest);
  return digest;
}

/**
 * Bodies and keys read back from the generation just committed, one seek each on scim_resources_current_id; the
 * key is read without the body (SQLite extracts a group's displayName itself).
 */
function directorySource(sqlite: Sqlite, connectorId: string): BodySource {
  const keyOf = currentKeyReader(sqlite, connectorId);
  return {
    key: (change) => keyOf(change.type, change.scimId),
    body: (change) => change.after ?? currentById(sqlite, connectorId, change.type, change.scimId)?.body ?? "{}",
  };
}

export function readRunDigest(sqlite: Sqlite, runId: number): string | null {
  return (
    (prepared(sqlite, "SELECT digest FROM sync_run_digests WHERE run_id = ?").pluck().get(runId) as
      | string
      | undefined) ?? null
  );
}
