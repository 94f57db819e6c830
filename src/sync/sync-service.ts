import { randomUUID } from "node:crypto";
import { flatString } from "./shared-strings.js";
import { EventEmitter } from "node:events";
import type { Clock } from "../clock.js";
import type { ConnectorConfig } from "../config/types.js";
import { attentionOf, DETACHED, writeAttention } from "../connectors/registry.js";
import type { Db } from "../db/open.js";
import { pruneSuperseded } from "../directory/prune.js";
import { currentGeneration } from "../directory/read-generation.js";
import type { Logger } from "../logging/logger.js";
import type { Notifier } from "../notify/notifier.js";
import type { HrSource } from "../sources/types.js";
import { approveRun, rejectRun } from "./holds/approval.js";
import { decideHolds, type HoldSelection, type StoredHold } from "./holds/person-holds.js";
import {
  markInterruptedRuns,
  previousFinishedRun,
  readRun,
  runningElsewhere,
  type RunRecord,
  type RunTrigger,
} from "./run-store.js";
import { runSync, type RunHooks, type RunOutcome, type SyncContext } from "./run-sync.js";
import { DRY_RUN_LABEL, dryRunApiSwitch, type ApiSwitchReport } from "./api-switch/dry-run.js";
import { SyncError, toSyncError } from "./sync-error.js";

export interface SyncServiceDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The connector with its secrets resolved (ConnectorRegistry.resolve); undefined for an unknown id. */
  readonly connector: (connectorId: string) => ConnectorConfig | undefined;
  /** A fresh source per run (its stats count that run's calls and bytes). */
  readonly sourceFor: (connector: ConnectorConfig) => HrSource;
  /** Oldest generation an Okta import in progress still reads; undefined when none is. */
  readonly oldestPinnedGeneration: (connectorId: string) => number | undefined;
  readonly notifier?: Notifier | null;
  /** Link to a run in the console, put in notifications. */
  readonly runUrl?: (connectorId: string, runId: number) => string;
  /** Link to a connector's holds in the console. */
  readonly holdsUrl?: (connectorId: string) => string;
  /** A check about the connector rather than the run, made after each of its runs (the Nmbrs consent's age). */
  readonly checkConnector?: (connectorId: string) => Promise<void>;
  readonly newId?: () => string;
  /** The connector's key for birth-date hashes (connectors/birth-date-key.ts); without it none are kept. */
  readonly birthDateKey?: (connectorId: string) => Buffer;
  /**
   * Where runs read, plan and apply: by default here, on the caller's thread, with `sourceFor`, `clock` and
   * `newId`; the gateway runs them on a thread of their own (process/sync-process.ts).
   */
  readonly runner?: SyncRunner;
  /** Where dry runs of an API switch read and plan: by default here, like runs (process/sync-process.ts). */
  readonly dryRunner?: (connector: ConnectorConfig, signal?: AbortSignal) => Promise<ApiSwitchReport>;
  /** Where a held run's approval applies its plan: by default here, like runs (process/sync-process.ts). */
  readonly approver?: Approver;
}

/** Applies a held run's plan (approval.ts approveRun) and resolves with the run as recorded; fails with SyncError. */
export type Approver = (connector: ConnectorConfig, runId: number, by: string) => Promise<RunRecord>;

/** Runs one sync of a connector and resolves with its outcome (see runSync). */
export type SyncRunner = (connector: ConnectorConfig, trigger: RunTrigger, hooks: RunHooks) => Promise<RunOutcome>;

/** Live progress of a run, for the console. */
export interface SyncProgress {
  readonly connectorId: string;
  readonly runId: number | null;
  readonly trigger: RunTrigger;
  readonly startedAt: string;
  /** reading: companies are being fetched; applying: everything is read, the plan is computed and written. */
  readonly phase: "reading" | "applying";
  readonly companiesDone: number;
  readonly companiesTotal: number;
  readonly employeesRead: number;
}

interface InFlight {
  readonly promise: Promise<RunOutcome>;
  readonly abort: AbortController;
  progress: SyncProgress;
}

/** A held run's plan being applied: the connector is busy as during a run, and a run asked for meanwhile waits. */
interface Approval {
  readonly done: Promise<unknown>;
  readonly progress: SyncProgress;
}

/**
 * Runs syncs for the server, the scheduler and the CLI. At most one run per connector at a time: a second request
 * while one is in progress joins it and gets its outcome (the data it would read is the same). After each run it
 * prunes directory rows no reader needs, keeps the connector's attention flag current and notifies the admin
 * once per episode (the first failure, the first hold; not every hourly repeat).
 */
export class SyncService extends EventEmitter<{ progress: [SyncProgress]; finished: [RunOutcome] }> {
  private readonly inFlight = new Map<string, InFlight>();
  private readonly approvals = new Map<string, Approval>();
  private readonly context: SyncContext;
  private readonly runner: SyncRunner;
  private readonly approver: Approver;

  constructor(private readonly deps: SyncServiceDeps) {
    super();
    this.context = {
      sqlite: deps.db.sqlite,
      clock: deps.clock,
      newId: deps.newId ?? newScimId,
      ...(deps.birthDateKey ? { birthDateKey: deps.birthDateKey } : {}),
    };
    this.runner =
      deps.runner ??
      ((connector, trigger, hooks) =>
        runSync(this.context, connector, () => deps.sourceFor(connector), trigger, hooks));
    this.approver =
      deps.approver ?? (async (connector, runId, by) => approveRun(this.context, runId, by, connector.settings));
  }

  /** Marks runs left 'running' by a crashed or killed process as failed. Call once at start-up. */
  recoverInterruptedRuns(): number {
    const count = markInterruptedRuns(this.deps.db.sqlite, this.deps.clock().toISOString());
    if (count > 0) this.deps.logger.warn({ runs: count }, "marked sync runs interrupted by a previous stop as failed");
    return count;
  }

  /** A run of the connector is in progress, or a held run's approval is being applied. */
  isRunning(connectorId: string): boolean {
    return this.inFlight.has(connectorId) || this.approvals.has(connectorId);
  }

  progress(connectorId: string): SyncProgress | undefined {
    return (this.inFlight.get(connectorId) ?? this.approvals.get(connectorId))?.progress;
  }

  /**
   * Starts a run (or joins the one in progress). Resolves with the outcome, also when the run failed or was held;
   * rejects only when no run could start (unknown connector, a run of the same connector in another process).
   */
  runNow(connectorId: string, trigger: RunTrigger): Promise<RunOutcome> {
    const running = this.inFlight.get(connectorId);
    if (running) return running.promise;
    // After the approval: the run then plans against what the approval applied.
    const approval = this.approvals.get(connectorId);
    if (approval) return approval.done.then(() => this.runNow(connectorId, trigger));
    const connector = this.deps.connector(connectorId);
    if (!connector) return Promise.reject(new SyncError(`there is no connector "${connectorId}"`, { connectorId }));
    const elsewhere = runningElsewhere(this.deps.db.sqlite, connectorId);
    if (elsewhere) {
      return Promise.reject(
        new SyncError(
          `a sync of ${connectorId} is already running in process ${elsewhere.pid} (run ${elsewhere.id}, started ${elsewhere.startedAt})`,
          {
            connectorId,
            runId: elsewhere.id,
          },
        ),
      );
    }
    const abort = new AbortController();
    const startedAt = this.deps.clock().toISOString();
    const flight: InFlight = {
      abort,
      progress: {
        connectorId,
        runId: null,
        trigger,
        startedAt,
        phase: "reading",
        companiesDone: 0,
        companiesTotal: 0,
        employeesRead: 0,
      },
      promise: Promise.resolve()
        .then(() => this.execute(connector, trigger, flight, abort.signal))
        .finally(() => this.inFlight.delete(connectorId)),
    };
    this.inFlight.set(connectorId, flight);
    return flight.promise;
  }

  /**
   * What switching the connector to its other Nmbrs API would do (docs/migrate-to-rest.md): reads that API
   * completely and reports who matches, who does not, and what Okta would see. Changes nothing.
   */
  async dryRunApiSwitch(connectorId: string, signal?: AbortSignal): Promise<ApiSwitchReport> {
    const connector = this.deps.connector(connectorId);
    if (!connector) throw new SyncError(`there is no connector "${connectorId}"`, { connectorId });
    try {
      return await (this.deps.dryRunner
        ? this.deps.dryRunner(connector, signal)
        : dryRunApiSwitch(this.context, connector, this.deps.sourceFor, signal));
    } catch (error) {
      throw toSyncError(error, connectorId, { label: DRY_RUN_LABEL });
    }
  }

  /**
   * Applies a held run's plan as it was reviewed (approval.ts). Until it has, the connector counts as running: a run
   * asked for meanwhile starts after it, and the console shows the run applying.
   */
  async approve(runId: number, by: string): Promise<RunRecord> {
    const connectorId = this.connectorOfRun(runId);
    const connector = this.deps.connector(connectorId);
    if (!connector)
      throw new SyncError(`run ${runId} belongs to connector "${connectorId}", which is no longer configured`, {
        connectorId,
        runId,
      });
    const applying = this.approver(connector, runId, by);
    const progress: SyncProgress = {
      connectorId,
      runId,
      trigger: "approval",
      startedAt: this.deps.clock().toISOString(),
      phase: "applying",
      companiesDone: 0,
      companiesTotal: 0,
      employeesRead: 0,
    };
    this.approvals.set(connectorId, { done: applying.catch(() => undefined), progress });
    try {
      const run = await applying;
      this.deps.logger.info({ connector: connectorId, run: runId, by }, "held sync run approved and applied");
      this.prune(connectorId);
      return run;
    } finally {
      this.approvals.delete(connectorId);
    }
  }

  /**
   * Records an admin's decision on person holds (as a whole or per person). Approved holds apply at the run this
   * starts: the source is read again, so what applies is today's data for exactly the approved people. Resolves
   * with the decided holds at once; `applied` settles when that run has finished.
   */
  decideHolds(
    connectorId: string,
    selection: HoldSelection,
    status: "approved" | "rejected",
    by: string,
  ): { decided: StoredHold[]; applied: Promise<RunOutcome> | null } {
    if (!this.deps.connector(connectorId))
      throw new SyncError(`there is no connector "${connectorId}"`, { connectorId });
    const { sqlite } = this.deps.db;
    const at = this.deps.clock().toISOString();
    const decided = sqlite
      .transaction(() => decideHolds(sqlite, connectorId, selection, { status, by, at }))
      .immediate();
    if (decided.length === 0)
      throw new SyncError(
        `no open hold of ${connectorId} matches; nothing to ${status === "approved" ? "approve" : "reject"}`,
        { connectorId },
      );
    this.deps.logger.info(
      { connector: connectorId, holds: decided.map((hold) => hold.id), by },
      `person holds ${status}`,
    );
    if (status === "rejected") return { decided, applied: null };
    // A run in progress read the decisions before this one: wait for it, then run with the approval.
    const running = this.inFlight.get(connectorId)?.promise.catch(() => undefined) ?? Promise.resolve();
    return { decided, applied: running.then(() => this.runNow(connectorId, "approval")) };
  }

  reject(runId: number, by: string): RunRecord {
    const connectorId = this.connectorOfRun(runId);
    const run = rejectRun(this.context, runId, by);
    this.deps.logger.info({ connector: connectorId, run: runId, by }, "held sync run rejected");
    return run;
  }

  /** Graceful shutdown: aborts the reads in progress and waits until their runs (and approvals) are recorded. */
  async close(): Promise<void> {
    const flights = [...this.inFlight.values()];
    // A SyncError as the reason: a source that rethrows the signal's reason gives the run a readable failure.
    for (const flight of flights) flight.abort.abort(new SyncError("stopped: the gateway is shutting down"));
    await Promise.allSettled([
      ...flights.map((flight) => flight.promise),
      ...[...this.approvals.values()].map((approval) => approval.done),
    ]);
  }

  private async execute(
    connector: ConnectorConfig,
    trigger: RunTrigger,
    flight: InFlight,
    signal: AbortSignal,
  ): Promise<RunOutcome> {
    const connectorId = connector.settings.id;
    const update = (change: Partial<SyncProgress>) => {
      flight.progress = { ...flight.progress, ...change };
      this.emit("progress", flight.progress);
    };
    const outcome = await this.runner(connector, trigger, {
      signal,
      onStart: (runId) => update({ runId }),
      onProgress: (progress) =>
        update({ ...progress, phase: progress.companiesDone === progress.companiesTotal ? "applying" : "reading" }),
    });
    const log = { connector: connectorId, run: outcome.runId, trigger, stats: outcome.stats };
    if (outcome.status === "succeeded") this.deps.logger.info(log, `sync succeeded: ${outcome.message}`);
    else this.deps.logger.warn(log, `sync ${outcome.status}: ${outcome.message}`);
    if (outcome.status === "succeeded") this.prune(connectorId);
    await this.afterRun(connector, outcome);
    await this.checkConnector(connectorId);
    this.emit("finished", outcome);
    return outcome;
  }

  private async afterRun(connector: ConnectorConfig, outcome: RunOutcome): Promise<void> {
    const connectorId = connector.settings.id;
    const newAttention = this.updateAttention(connectorId, outcome);
    const kind = newAttention ? "attention" : this.notificationKind(outcome);
    if (kind === null || !this.deps.notifier) return;
    await this.deps.notifier.notify(connector.settings.notify, {
      kind,
      connector: { id: connectorId, name: connector.settings.name },
      runId: outcome.runId,
      message: outcome.message,
      at: this.deps.clock().toISOString(),
      url:
        (kind === "people_held" ? this.deps.holdsUrl?.(connectorId) : this.deps.runUrl?.(connectorId, outcome.runId)) ??
        null,
    });
  }

  private async checkConnector(connectorId: string): Promise<void> {
    try {
      await this.deps.checkConnector?.(connectorId);
    } catch (error) {
      // Logged, not rethrown: the run is recorded already, and a failing check must not make it look failed.
      this.deps.logger.warn(
        { connector: connectorId, err: (error as Error).message },
        "the check after the run failed",
      );
    }
  }

  /**
   * A failure the admin must fix (credentials, consent, a company no longer visible) flags the connector; a
   * successful run clears the flag. The registry's own "detached" flag is left alone. True when newly flagged.
   */
  private updateAttention(connectorId: string, outcome: RunOutcome): boolean {
    const { sqlite } = this.deps.db;
    const before = attentionOf(sqlite, connectorId);
    const flagged = outcome.error?.details.needsAttention ? outcome.message : null;
    const after = flagged ?? (outcome.status === "succeeded" ? null : before);
    if (before === DETACHED || after === before) return false;
    writeAttention(sqlite, connectorId, after, this.deps.clock());
    return flagged !== null;
  }

  /** Once per episode: the first failure (or a different one), the first hold; not every hourly repeat. */
  private notificationKind(outcome: RunOutcome): "failed" | "held" | "people_held" | null {
    // New holds only: people still held from an earlier run were notified then.
    if (outcome.holds && outcome.holds.added > 0) return "people_held";
    const previous = previousFinishedRun(this.deps.db.sqlite, outcome.connectorId, outcome.runId);
    if (outcome.status === "failed")
      return previous?.status === "failed" && previous.error === outcome.message ? null : "failed";
    // A held run supersedes the previous held one, so "superseded" just before means the hold continues.
    if (outcome.status === "held")
      return previous?.status === "held" || previous?.status === "superseded" ? null : "held";
    return null;
  }

  /** Deletes superseded directory rows that neither Okta's current view nor an import in progress can read. */
  private prune(connectorId: string): void {
    const { sqlite } = this.deps.db;
    const oldestNeeded = this.deps.oldestPinnedGeneration(connectorId) ?? currentGeneration(sqlite, connectorId);
    const deleted = pruneSuperseded(sqlite, connectorId, oldestNeeded);
    if (deleted > 0)
      this.deps.logger.debug({ connector: connectorId, rows: deleted }, "pruned superseded directory rows");
  }

  private connectorOfRun(runId: number): string {
    const connectorId = readRun(this.deps.db.sqlite, runId)?.connectorId;
    if (connectorId === undefined) throw new SyncError(`there is no run ${runId}`, { runId });
    if (this.isRunning(connectorId)) {
      throw new SyncError(`a sync of ${connectorId} is running; decide on run ${runId} when it has finished`, {
        connectorId,
        runId,
      });
    }
    return connectorId;
  }
}

/**
 * A new SCIM id. randomUUID() concatenates its result from pieces, which V8 keeps as a tree several times the size of
 * the flat string; a first run holds every new id until it commits, so each is copied into one flat string.
 */
export function newScimId(): string {
  return flatString(randomUUID());
}
