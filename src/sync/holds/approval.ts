import { currentGeneration } from "../../directory/read-generation.js";
import { applyPlan, resourcesThenRows } from "../apply-plan.js";
import { decodeHeldPlan, desiredAfter } from "./held-plan.js";
import { recordGeneratedLogins } from "../generated-login-store.js";
import { recordChangeDigest } from "../preview/run-digest.js";
import { decideRun, readPlanBlob, readRun, supersedeRun, type RunRecord } from "../run-store.js";
import type { SyncContext } from "../run-sync.js";
import { SyncError } from "../sync-error.js";

/**
 * Applies a held run's plan exactly as it was reviewed. Refused when anything was applied since the run was held
 * (its plan was computed against data that is no longer served): the admin runs a new sync and reviews that.
 */
export function approveRun(
  context: SyncContext,
  runId: number,
  by: string,
  retention: { readonly historyDays: number; readonly retentionDays: number },
): RunRecord {
  const { sqlite, clock } = context;
  const run = heldRun(context, runId, "approve");
  const blob = readPlanBlob(sqlite, runId);
  if (!blob) throw new SyncError(`run ${runId} has no stored plan; run again`, { connectorId: run.connectorId, runId });
  const plan = decodeHeldPlan(blob);
  const now = clock();
  const superseded = sqlite
    .transaction((): boolean => {
      if (currentGeneration(sqlite, run.connectorId) !== plan.baseGen) {
        supersedeRun(sqlite, runId, now.toISOString());
        return true;
      }
      const target = {
        connectorId: run.connectorId,
        runId,
        historyDays: retention.historyDays,
        retentionDays: retention.retentionDays,
      };
      const { changes } = applyPlan(
        sqlite,
        target,
        { ...plan, resources: resourcesThenRows(desiredAfter(sqlite, run.connectorId, plan), plan.people) },
        now,
      );
      recordChangeDigest(sqlite, run.connectorId, runId, plan.baseGen, changes);
      recordGeneratedLogins(sqlite, run.connectorId, plan.givenLogins ?? [], now.toISOString());
      decideRun(sqlite, runId, { status: "approved", by, at: now.toISOString(), appliedGen: changes.gen });
      return false;
    })
    .immediate();
  if (superseded) {
    throw new SyncError(`run ${runId} is superseded: what is served changed since it was held; run again`, {
      connectorId: run.connectorId,
      runId,
    });
  }
  return readRun(sqlite, runId)!;
}

/** Discards a held run's plan; nothing it planned is applied. */
export function rejectRun(context: SyncContext, runId: number, by: string): RunRecord {
  heldRun(context, runId, "reject");
  context.sqlite
    .transaction(() => {
      decideRun(context.sqlite, runId, { status: "rejected", by, at: context.clock().toISOString() });
    })
    .immediate();
  return readRun(context.sqlite, runId)!;
}

function heldRun(context: SyncContext, runId: number, action: "approve" | "reject"): RunRecord {
  const run = readRun(context.sqlite, runId);
  if (!run) throw new SyncError(`there is no run ${runId}`, { runId });
  if (run.status === "superseded") {
    throw new SyncError(`run ${runId} is superseded: a later run replaced its plan; run again`, {
      connectorId: run.connectorId,
      runId,
    });
  }
  if (run.status !== "held") {
    throw new SyncError(`run ${runId} is ${run.status}, not held: there is nothing to ${action}`, {
      connectorId: run.connectorId,
      runId,
    });
  }
  return run;
}
