import type { GroupBudgetReport } from "../lifecycle/group-budget.js";
import type { Sqlite } from "../db/open.js";
import { prepared } from "../db/statements.js";
import { knownSecrets } from "../secrets/known-secrets.js";
import type { AffectedPerson } from "./plan-types.js";

export type RunStatus = "running" | "succeeded" | "failed" | "held" | "approved" | "rejected" | "superseded";
/** What started a run; "approval": an admin approved person holds, which apply at this run. */
export type RunTrigger = "schedule" | "daily" | "manual" | "cli" | "approval";

/** Counters of one run (sync_runs.stats). */
export interface RunStats {
  readonly companies: number;
  readonly employees: number;
  /** Source calls and bytes received (from the source's own counters). */
  readonly calls: number;
  readonly bytes: number;
  readonly served?: number;
  readonly active?: number;
  readonly inactive?: number;
  readonly groups?: number;
  readonly problems?: number;
  /** Served users signing in with a private e-mail address; absent in runs before it was counted. */
  readonly privateLogins?: number;
  readonly created?: number;
  readonly updated?: number;
  readonly removed?: number;
  /** People held for approval after the run (sync/holds/person-holds.ts). */
  readonly held?: number;
  /**
   * Why the brake tripped at this run, with its numbers and limit (lifecycle/hold-policy.ts); absent when it did not.
   * Kept with the run because the holds it made are decided later, when the admin needs the why.
   */
  readonly brake?: string;
  /** The plan's groups against the connector's budget (lifecycle/group-budget.ts); absent in runs before it was kept. */
  readonly groupBudget?: GroupBudgetReport;
}

/** A sync_runs row as the console and CLI read it (the held plan blob is read separately). */
export interface RunRecord {
  readonly id: number;
  readonly connectorId: string;
  readonly trigger: string;
  readonly status: RunStatus;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly baseGen: number | null;
  readonly appliedGen: number | null;
  readonly stats: RunStats | null;
  readonly error: string | null;
  readonly pid: number | null;
  readonly affected: readonly AffectedPerson[] | null;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
}

export const INTERRUPTED =
  "interrupted: the process stopped during the run (crash, kill or power loss); nothing of this run was applied";

export function startRun(sqlite: Sqlite, connectorId: string, trigger: RunTrigger, startedAt: string): number {
  return Number(
    prepared(
      sqlite,
      "INSERT INTO sync_runs (connector_id, trigger, status, started_at, pid) VALUES (?, ?, 'running', ?, ?)",
    ).run(connectorId, trigger, startedAt, process.pid).lastInsertRowid,
  );
}

export interface RunEnd {
  readonly status: RunStatus;
  readonly finishedAt: string;
  readonly baseGen?: number | null;
  readonly appliedGen?: number | null;
  readonly stats?: RunStats | null;
  readonly error?: string | null;
  readonly plan?: Buffer | null;
  readonly affected?: readonly AffectedPerson[] | null;
}

export function finishRun(sqlite: Sqlite, runId: number, end: RunEnd): void {
  prepared(
    sqlite,
    `UPDATE sync_runs SET status = ?, finished_at = ?, base_gen = ?, applied_gen = ?, stats = ?, error = ?, plan = ?,
       affected = ? WHERE id = ?`,
  ).run(
    end.status,
    end.finishedAt,
    end.baseGen ?? null,
    end.appliedGen ?? null,
    end.stats ? JSON.stringify(end.stats) : null,
    knownSecrets.redactMaybe(end.error ?? null),
    end.plan ?? null,
    end.affected ? JSON.stringify(end.affected) : null,
    runId,
  );
}

/** Records an admin's decision on a held run; the stored plan is dropped either way (it can be large). */
export function decideRun(
  sqlite: Sqlite,
  runId: number,
  decision: { status: "approved" | "rejected"; by: string; at: string; appliedGen?: number },
): void {
  prepared(
    sqlite,
    "UPDATE sync_runs SET status = ?, decided_by = ?, decided_at = ?, applied_gen = coalesce(?, applied_gen), plan = NULL WHERE id = ?",
  ).run(decision.status, decision.by, decision.at, decision.appliedGen ?? null, runId);
}

/**
 * Marks 'running' rows whose process is gone as failed. Called at start-up: a row of a process that crashed (or
 * was killed) mid-run would otherwise read "running" forever. A row of this very process is stale too (the process
 * just started, so it cannot be running anything yet: container restarts reuse pid 1).
 */
export function markInterruptedRuns(
  sqlite: Sqlite,
  now: string,
  isAlive: (pid: number) => boolean = processIsAlive,
): number {
  const running = prepared(sqlite, "SELECT id, pid FROM sync_runs WHERE status = 'running'").all() as {
    id: number;
    pid: number | null;
  }[];
  const stale = running.filter((run) => run.pid === null || run.pid === process.pid || !isAlive(run.pid));
  const mark = prepared(
    sqlite,
    "UPDATE sync_runs SET status = 'failed', finished_at = ?, error = ?, plan = NULL WHERE id = ?",
  );
  for (const run of stale) mark.run(now, INTERRUPTED, run.id);
  return stale.length;
}

/** A run in progress for the connector in another live process, if any. */
export function runningElsewhere(
  sqlite: Sqlite,
  connectorId: string,
  isAlive: (pid: number) => boolean = processIsAlive,
): RunRecord | undefined {
  const rows = (
    prepared(sqlite, `SELECT ${COLUMNS} FROM sync_runs WHERE connector_id = ? AND status = 'running'`).all(
      connectorId,
    ) as RunRow[]
  ).map(toRecord);
  return rows.find((run) => run.pid !== null && run.pid !== process.pid && isAlive(run.pid));
}

/** Held runs other than `keepRunId` lose their chance: what they planned is out of date once anything is applied. */
export function supersedeHeldRuns(sqlite: Sqlite, connectorId: string, keepRunId: number, now: string): void {
  prepared(
    sqlite,
    "UPDATE sync_runs SET status = 'superseded', decided_at = ?, plan = NULL WHERE connector_id = ? AND status = 'held' AND id <> ?",
  ).run(now, connectorId, keepRunId);
}

export function supersedeRun(sqlite: Sqlite, runId: number, now: string): void {
  prepared(sqlite, "UPDATE sync_runs SET status = 'superseded', decided_at = ?, plan = NULL WHERE id = ?").run(
    now,
    runId,
  );
}

export function readRun(sqlite: Sqlite, runId: number): RunRecord | undefined {
  const row = prepared(sqlite, `SELECT ${COLUMNS} FROM sync_runs WHERE id = ?`).get(runId) as RunRow | undefined;
  return row && toRecord(row);
}

/** The newest finished run of the connector before `runId` (to notify once per episode, not once per run). */
export function previousFinishedRun(sqlite: Sqlite, connectorId: string, runId: number): RunRecord | undefined {
  const row = prepared(
    sqlite,
    `SELECT ${COLUMNS} FROM sync_runs WHERE connector_id = ? AND id < ? AND status <> 'running' ORDER BY id DESC LIMIT 1`,
  ).get(connectorId, runId) as RunRow | undefined;
  return row && toRecord(row);
}

export function readPlanBlob(sqlite: Sqlite, runId: number): Buffer | null {
  return (
    (prepared(sqlite, "SELECT plan FROM sync_runs WHERE id = ?").pluck().get(runId) as Buffer | null | undefined) ??
    null
  );
}

const COLUMNS = `id, connector_id AS connectorId, trigger, status, started_at AS startedAt, finished_at AS finishedAt,
  base_gen AS baseGen, applied_gen AS appliedGen, stats, error, pid, affected, decided_by AS decidedBy, decided_at AS decidedAt`;

type RunRow = Omit<RunRecord, "stats" | "affected"> & { stats: string | null; affected: string | null };

function toRecord(row: RunRow): RunRecord {
  return {
    ...row,
    stats: row.stats === null ? null : (JSON.parse(row.stats) as RunStats),
    affected: row.affected === null ? null : (JSON.parse(row.affected) as AffectedPerson[]),
  };
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else; only ESRCH means it is gone.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
