import type { Sqlite } from "../../db/open.js";
import { prepared } from "../../db/statements.js";
import { currentById } from "../../directory/read-generation.js";
import type { GenerationChanges } from "../../directory/resource.js";
import { changeSetDigest } from "./change-digest.js";

/**
 * Records the change-set digest of an applied run, so its preview can be checked against exactly what it applied.
 *
 * Must be called inside the apply transaction, right after applyPlan() committed the generation: in run-sync.ts
 * (decide(), the "succeeded" branch) and in approval.ts (approving a held run), with the run's id and the
 * `changes` applyPlan returned. A run applied at once does not keep the bodies of created resources (a first run's
 * 100,000 bodies), so they are read back from the generation just committed: one seek per created resource on
 * scim_resources_current_id. Runs applied without it have no digest; their comparison uses the history only.
 */
export function recordChangeDigest(sqlite: Sqlite, connectorId: string, runId: number, changes: GenerationChanges): string {
  const created = changes.created.map((change) =>
    change.after !== null ? change : { ...change, after: currentById(sqlite, connectorId, change.type, change.scimId)?.body ?? null },
  );
  const digest = changeSetDigest({ created, updated: changes.updated, removed: changes.removed });
  prepared(sqlite, "INSERT OR REPLACE INTO sync_run_digests (run_id, digest) VALUES (?, ?)").run(runId, digest);
  return digest;
}

export function readRunDigest(sqlite: Sqlite, runId: number): string | null {
  return (prepared(sqlite, "SELECT digest FROM sync_run_digests WHERE run_id = ?").pluck().get(runId) as string | undefined) ?? null;
}
