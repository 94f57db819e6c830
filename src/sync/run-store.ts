import type { GroupBudgetReport } from "../lifecycle/group-budget.js";
import { and, asc, count, desc, eq, gt, inArray, lt, max, ne, type SQL, sql } from "drizzle-orm";
import { drizzleOf, type Sqlite } from "../db/open.js";
import { prepared } from "../db/statements.js";
import { connectors, syncRuns } from "../db/schema.js";
import { knownSecrets } from "../secrets/known-secrets.js";
import type { AffectedPerson } from "./plan-types.js";

export type RunStatus = "running" | "succeeded" | "failed" | "held" | "approved" | "rejected" | "superseded";
/** What started a run; "approval": an admin approved person holds, which apply at this run. */
export type RunTrigger = "schedule" | "daily" | "manual" | "cli" | "approval";

type ServedKey = "served" | "active" | "inactive" | "groups" | "problems" | "privateLogins";

/** What a plan serves, as a run's stats keep it: from the plan that was made, or carried from the run that made it. */
export function servedCounters<C extends Partial<Record<ServedKey, number>>>(counts: C): Pick<C, ServedKey> {
  const { served, active, inactive, groups, problems, privateLogins } = counts;
  return { served, active, inactive, groups, problems, privateLogins };
}

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
  /**
   * Generated logins given at this run, and people keeping theirs whose new name suggests another (listed as
   * problems of kind login_suggested); absent when none of either.
   */
  readonly loginsGiven?: number;
  readonly loginsSuggested?: number;
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
  /**
   * The run read exactly what this earlier run planned from, so it planned and applied nothing
   * (sync/unchanged/); the counters above are that run's. Absent when the run planned.
   */
  readonly unchangedSince?: number;
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
  return drizzleOf(sqlite)
    .insert(syncRuns)
    .values({ connectorId, trigger, status: "running", startedAt, pid: process.pid })
    .returning({ id: syncRuns.id })
    .get().id;
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
  drizzleOf(sqlite)
    .update(syncRuns)
    .set({
      status: end.status,
      finishedAt: end.finishedAt,
      baseGen: end.baseGen ?? null,
      appliedGen: end.appliedGen ?? null,
      stats: end.stats ? JSON.stringify(end.stats) : null,
      error: knownSecrets.redactMaybe(end.error ?? null),
      plan: end.plan ?? null,
      affected: end.affected ? JSON.stringify(end.affected) : null,
    })
    .where(eq(syncRuns.id, runId))
    .run();
}

/** Records an admin's decision on a held run; the stored plan is dropped either way (it can be large). */
export function decideRun(
  sqlite: Sqlite,
  runId: number,
  decision: { status: "approved" | "rejected"; by: string; at: string; appliedGen?: number },
): void {
  drizzleOf(sqlite)
    .update(syncRuns)
    .set({
      status: decision.status,
      decidedBy: decision.by,
      decidedAt: decision.at,
      appliedGen: decision.appliedGen ?? sql`${syncRuns.appliedGen}`,
      plan: null,
    })
    .where(eq(syncRuns.id, runId))
    .run();
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
  const orm = drizzleOf(sqlite);
  const running = orm
    .select({ id: syncRuns.id, pid: syncRuns.pid })
    .from(syncRuns)
    .where(eq(syncRuns.status, "running"))
    .all();
  const stale = running.filter((run) => run.pid === null || run.pid === process.pid || !isAlive(run.pid));
  if (stale.length === 0) return 0;
  orm
    .update(syncRuns)
    .set({ status: "failed", finishedAt: now, error: INTERRUPTED, plan: null })
    .where(
      inArray(
        syncRuns.id,
        stale.map((run) => run.id),
      ),
    )
    .run();
  return stale.length;
}

/** A run in progress for the connector in another live process, if any. */
export function runningElsewhere(
  sqlite: Sqlite,
  connectorId: string,
  isAlive: (pid: number) => boolean = processIsAlive,
): RunRecord | undefined {
  const rows = runsWhere(sqlite, and(eq(syncRuns.connectorId, connectorId), eq(syncRuns.status, "running")));
  return rows.find((run) => run.pid !== null && run.pid !== process.pid && isAlive(run.pid));
}

/** Held runs other than `keepRunId` lose their chance: what they planned is out of date once anything is applied. */
export function supersedeHeldRuns(sqlite: Sqlite, connectorId: string, keepRunId: number, now: string): void {
  drizzleOf(sqlite)
    .update(syncRuns)
    .set({ status: "superseded", decidedAt: now, plan: null })
    .where(and(eq(syncRuns.connectorId, connectorId), eq(syncRuns.status, "held"), ne(syncRuns.id, keepRunId)))
    .run();
}

export function supersedeRun(sqlite: Sqlite, runId: number, now: string): void {
  drizzleOf(sqlite)
    .update(syncRuns)
    .set({ status: "superseded", decidedAt: now, plan: null })
    .where(eq(syncRuns.id, runId))
    .run();
}

export function readRun(sqlite: Sqlite, runId: number): RunRecord | undefined {
  return runsWhere(sqlite, eq(syncRuns.id, runId))[0];
}

/** The newest finished run of the connector before `runId` (to notify once per episode, not once per run). */
export function previousFinishedRun(sqlite: Sqlite, connectorId: string, runId: number): RunRecord | undefined {
  return newestRun(sqlite, connectorId, and(lt(syncRuns.id, runId), ne(syncRuns.status, "running"))) ?? undefined;
}

export function readPlanBlob(sqlite: Sqlite, runId: number): Buffer | null {
  return (
    drizzleOf(sqlite).select({ plan: syncRuns.plan }).from(syncRuns).where(eq(syncRuns.id, runId)).get()?.plan ?? null
  );
}

/** Newest first, `limit` rows (sync_runs_by_connector, or the primary key, walked backwards). */
export function listRuns(
  sqlite: Sqlite,
  query: { connectorId?: string; beforeId?: number; limit: number },
): RunRecord[] {
  return runsWhere(
    sqlite,
    and(
      query.connectorId ? eq(syncRuns.connectorId, query.connectorId) : undefined,
      query.beforeId !== undefined ? lt(syncRuns.id, query.beforeId) : undefined,
    ),
    query.limit,
  );
}

/** The newest run id of a connector (0 when none): what "Sync now" compares against to find its own run. */
export function newestRunId(sqlite: Sqlite, connectorId: string): number {
  return (
    drizzleOf(sqlite)
      .select({ id: max(syncRuns.id) })
      .from(syncRuns)
      .where(eq(syncRuns.connectorId, connectorId))
      .get()?.id ?? 0
  );
}

/** The first run of a connector after `since` that has finished. */
export function finishedRunAfter(sqlite: Sqlite, connectorId: string, since: number): RunRecord | null {
  const row = drizzleOf(sqlite)
    .select(RUN_COLUMNS)
    .from(syncRuns)
    .where(and(eq(syncRuns.connectorId, connectorId), gt(syncRuns.id, since), ne(syncRuns.status, "running")))
    .orderBy(asc(syncRuns.id))
    .limit(1)
    .get();
  return row ? toRecord(row) : null;
}

/** What the dashboard shows of a connector's runs: the last finished, the last that applied, one held. */
export function runHeadlines(
  sqlite: Sqlite,
  connectorId: string,
): { lastRun: RunRecord | null; lastSuccess: RunRecord | null; heldRun: RunRecord | null } {
  return {
    lastRun: newestRun(sqlite, connectorId, ne(syncRuns.status, "running")),
    lastSuccess: newestRun(sqlite, connectorId, inArray(syncRuns.status, ["succeeded", "approved"])),
    heldRun: newestRun(sqlite, connectorId, eq(syncRuns.status, "held")),
  };
}

/** Per connector, when its last successful run finished (null: never), for the metrics; sync_runs_by_status. */
export function lastSuccessPerConnector(sqlite: Sqlite): { connector: string; at: string | null }[] {
  const orm = drizzleOf(sqlite);
  const lastSuccess = orm
    .select({ at: max(syncRuns.finishedAt) })
    .from(syncRuns)
    .where(and(eq(syncRuns.connectorId, connectors.id), eq(syncRuns.status, "succeeded")));
  return orm
    .select({ connector: connectors.id, at: sql<string | null>`(${lastSuccess})` })
    .from(connectors)
    .all();
}

/** Per connector, how many runs wait for an admin's decision, for the metrics; sync_runs_by_status. */
export function heldRunsPerConnector(sqlite: Sqlite): { connector: string; held: number }[] {
  const orm = drizzleOf(sqlite);
  const held = orm
    .select({ n: count() })
    .from(syncRuns)
    .where(and(eq(syncRuns.connectorId, connectors.id), eq(syncRuns.status, "held")));
  return orm
    .select({ connector: connectors.id, held: sql<number>`(${held})` })
    .from(connectors)
    .all();
}

/** sync_runs_by_connector (connector_id, id) walked backwards. */
function newestRun(sqlite: Sqlite, connectorId: string, where: SQL | undefined): RunRecord | null {
  return runsWhere(sqlite, and(eq(syncRuns.connectorId, connectorId), where), 1)[0] ?? null;
}

/** Every column but the held plan (it can be large: readPlanBlob reads it). */
const RUN_COLUMNS = {
  id: syncRuns.id,
  connectorId: syncRuns.connectorId,
  trigger: syncRuns.trigger,
  status: syncRuns.status,
  startedAt: syncRuns.startedAt,
  finishedAt: syncRuns.finishedAt,
  baseGen: syncRuns.baseGen,
  appliedGen: syncRuns.appliedGen,
  stats: syncRuns.stats,
  error: syncRuns.error,
  pid: syncRuns.pid,
  affected: syncRuns.affected,
  decidedBy: syncRuns.decidedBy,
  decidedAt: syncRuns.decidedAt,
};

/** Newest first. */
function runsWhere(sqlite: Sqlite, where: SQL | undefined, limit?: number): RunRecord[] {
  const query = drizzleOf(sqlite).select(RUN_COLUMNS).from(syncRuns).where(where).orderBy(desc(syncRuns.id));
  return (limit === undefined ? query.all() : query.limit(limit).all()).map(toRecord);
}

type RunRow = Omit<RunRecord, "stats" | "affected" | "status"> & {
  status: string;
  stats: string | null;
  affected: string | null;
};

function toRecord(row: RunRow): RunRecord {
  return {
    ...row,
    status: row.status as RunStatus,
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

/**
 * The group budget of each connector's last applied run that kept one (lifecycle/group-budget.ts), for the metrics:
 * one probe of sync_runs_by_connector per connector.
 */
export function groupBudgetOfLastRuns(sqlite: Sqlite): { connector: string; budget: GroupBudgetReport }[] {
  const latest = drizzleOf(sqlite)
    .select({
      connector: connectors.id,
      stats: sql<string | null>`(SELECT r.stats FROM sync_runs r WHERE r.connector_id = connectors.id
        AND r.status = 'succeeded' AND json_type(r.stats, '$.groupBudget') IS NOT NULL ORDER BY r.id DESC LIMIT 1)`,
    })
    .from(connectors)
    .all();
  return latest.flatMap((row) =>
    row.stats === null
      ? []
      : [
          {
            connector: row.connector,
            budget: (JSON.parse(row.stats) as { groupBudget: GroupBudgetReport }).groupBudget,
          },
        ],
  );
}

/** A run that applied a plan, as the preview's verdict compares it (stats still JSON). */
export interface AppliedRunRow {
  readonly id: number;
  readonly status: "succeeded" | "approved";
  readonly baseGen: number | null;
  readonly appliedAt: string;
  readonly stats: string | null;
}

/** The connector's first run applied at or after `since` that started from `baseGen` or later. */
export function firstAppliedRunSince(
  sqlite: Sqlite,
  connectorId: string,
  since: string,
  baseGen: number,
): AppliedRunRow | undefined {
  // sync_runs_by_status: the connector's succeeded and approved runs.
  return prepared(
    sqlite,
    `SELECT id, status, base_gen AS baseGen, coalesce(decided_at, finished_at) AS appliedAt, stats FROM sync_runs
     WHERE connector_id = ? AND status IN ('succeeded', 'approved') AND coalesce(decided_at, finished_at) >= ? AND base_gen >= ?
     ORDER BY appliedAt, id LIMIT 1`,
  ).get(connectorId, since, baseGen) as AppliedRunRow | undefined;
}
