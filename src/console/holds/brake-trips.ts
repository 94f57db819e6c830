import type { Sqlite } from "../../db/open.js";
import type { StoredHold } from "../../sync/holds/person-holds.js";
import { readRun } from "../../sync/run-store.js";

/** Why the brake tripped, per run that first held someone still waiting (the run's stats keep it). */
export interface BrakeTrip {
  readonly runId: number;
  /** null when the run was purged since. */
  readonly at: string | null;
  /** null for a run recorded before runs kept the reason. */
  readonly reason: string | null;
}

export function brakeTrips(sqlite: Sqlite, holds: readonly StoredHold[]): BrakeTrip[] {
  const runIds = [
    ...new Set(
      holds.filter((hold) => hold.kind === "brake" && hold.status !== "approved").map((hold) => hold.firstRunId),
    ),
  ].sort((a, b) => a - b);
  return runIds.map((runId) => {
    const run = readRun(sqlite, runId);
    return { runId, at: run?.finishedAt ?? null, reason: run?.stats?.brake ?? null };
  });
}
