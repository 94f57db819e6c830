import { setFlagsFromString } from "node:v8";
import type { Worker } from "node:worker_threads";
import type { Clock } from "../../clock.js";
import type { Sqlite } from "../../db/open.js";
import type { KeyedForecast } from "../../forecast/next-import.js";
import type { Logger } from "../../logging/logger.js";
import type { ConnectorConfig } from "../../config/types.js";
import { whileSyncing } from "../heap-growth.js";
import { DRY_RUN_LABEL, type ApiSwitchReport } from "../api-switch/dry-run.js";
import { PREVIEW_LABEL } from "../preview/create-preview.js";
import type { PreviewReport } from "../preview/preview-types.js";
import { startModuleThread } from "../../runtime/module-thread.js";
import { finishRun, startRun, type RunStats, type RunTrigger } from "../run-store.js";
import type { RunOutcome } from "../run-sync.js";
import type { Approver, SyncRunner } from "../sync-service.js";
import { SyncError } from "../sync-error.js";
import { knownSecrets } from "../../secrets/known-secrets.js";
import { SYNC_THREAD_NICE } from "./background-priority.js";
import { returnFreeMemory } from "./return-free-memory.js";
import {
  runOutcome,
  syncError,
  type FromSyncThread,
  type SyncThreadInput,
  type SyncThreadJob,
  type ToSyncThread,
} from "./messages.js";

export interface SyncThreadDeps {
  readonly databasePath: string;
  readonly secretsKey: Buffer;
  readonly logger: Logger;
  /** The gateway's own connection: records a run that its thread left unfinished. */
  readonly sqlite: Sqlite;
  readonly clock: Clock;
  /** The forecast of Okta's next import the thread made after a run that applied. */
  readonly onForecast?: (connectorId: string, keyed: KeyedForecast) => void;
}

/**
 * The gateway's own young generation is small (`--max-semi-space-size=4`, the Dockerfile's command), and a thread
 * would inherit the flag: a sync, which allocates ~1 GB of short-lived XML and objects, then took ~40 % more CPU.
 * V8 reads the flag when it makes a thread's heap, so clearing it here gives sync threads V8's default; the
 * gateway's own heap keeps the size it started with.
 */
function useDefaultYoungGeneration(): void {
  setFlagsFromString("--max-semi-space-size=0");
}

function startThread(input: SyncThreadInput): Worker {
  useDefaultYoungGeneration();
  return startModuleThread(import.meta.url, "sync-worker", input);
}

/** Makes and stores a preview of a connector's next run (sync/preview/create-preview.ts); fails with SyncError. */
export type Previewer = (
  connector: ConnectorConfig,
  by: string,
  signal?: AbortSignal,
) => Promise<{ id: number; report: PreviewReport }>;

/**
 * Runs each sync on a thread of its own. Reading parses megabytes of XML at a time and the plan and its commit are
 * one synchronous stretch (about 10 s at 100,000 employees): on the gateway's own thread that stretch stalls every
 * Okta page, lookup and console request behind it. On a thread of its own the run shares only the CPU, and its
 * heap (a few hundred MB at that size) goes when the thread ends.
 *
 * The thread opens its own connection to the database (WAL: the gateway keeps reading while it writes) and gets
 * the connector with its secrets already resolved. After a run that applied, it also makes the dashboard's forecast
 * of Okta's next import, which parses every served user twice (~3 s at 100,000). If the thread dies without an
 * outcome, the run is recorded as failed here, so nothing is left "running".
 */
export function syncInThread(deps: SyncThreadDeps): SyncRunner {
  return (connector, trigger, hooks) =>
    new Promise<RunOutcome>((resolve) => {
      const connectorId = connector.settings.id;
      let runId: number | null = null;
      let read = { companies: 0, employees: 0 };
      startJob(deps, connector, { kind: "run", trigger }, hooks.signal, {
        answer: (message, end) => {
          if (message.kind === "started") {
            runId = message.runId;
            const priority = message.osThread === null ? "normal priority" : `nice ${SYNC_THREAD_NICE}`;
            deps.logger.debug(
              { connector: connectorId, run: runId, osThread: message.osThread },
              `sync run started on its own thread (${priority})`,
            );
            hooks.onStart?.(runId);
          } else if (message.kind === "progress") {
            read = { companies: message.progress.companiesDone, employees: message.progress.employeesRead };
            hooks.onProgress?.(message.progress);
          } else if (message.kind === "finished") {
            if (message.forecast) deps.onForecast?.(connectorId, message.forecast);
            end(() => resolve(runOutcome(message.outcome)));
          }
        },
        crashed: (why) => {
          const stats: RunStats = { ...read, calls: 0, bytes: 0 };
          const error = new SyncError(`the sync stopped unexpectedly (${why}); nothing of this run was applied`, {
            connectorId,
          });
          runId = recordFailedRun(deps, connectorId, trigger, runId, stats, error.message);
          resolve({ runId: runId ?? 0, connectorId, status: "failed", message: error.message, stats, error });
        },
      });
    });
}

/** Previews on a thread of their own, for the same reason as runs: planning 100,000 people is seconds of CPU. */
export function previewInThread(deps: SyncThreadDeps): Previewer {
  return (connector, by, signal) =>
    answerOf(deps, connector, { kind: "preview", by }, signal, (message) =>
      message.kind === "previewed" ? { id: message.id, report: message.report } : undefined,
    );
}

/**
 * Approvals of held runs on a thread of their own: applying a stored plan is one transaction that rewrites what
 * Okta is served (seconds at 100,000 people), which would otherwise hold up every Okta page meanwhile.
 */
export function approveInThread(deps: SyncThreadDeps): Approver {
  return (connector, runId, by) =>
    answerOf(deps, connector, { kind: "approve", runId, by }, undefined, (message) => {
      if (message.kind !== "approved") return undefined;
      if (message.forecast) deps.onForecast?.(connector.settings.id, message.forecast);
      return message.run;
    });
}

/** Dry runs of an API switch on a thread of their own: a whole read of the other API and a plan. */
export function dryRunInThread(
  deps: SyncThreadDeps,
): (connector: ConnectorConfig, signal?: AbortSignal) => Promise<ApiSwitchReport> {
  return (connector, signal) =>
    answerOf(deps, connector, { kind: "dry-run" }, signal, (message) =>
      message.kind === "dry-run-report" ? message.report : undefined,
    );
}

/**
 * How the message of a job whose thread died starts: a preview's and a dry run's as their other failures on the
 * gateway's thread (create-preview.ts, migration-dry-run.ts). An approval's other failures name their run and need
 * no label; one whose thread dies has applied nothing, since the approval is one transaction.
 */
const JOB_LABELS: Readonly<Record<AnsweringJob["kind"], string>> = {
  preview: PREVIEW_LABEL,
  "dry-run": DRY_RUN_LABEL,
  approve: "approval",
};

/** The jobs that answer with a report or a SyncError; a run answers with its outcome (syncInThread). */
type AnsweringJob = Exclude<SyncThreadJob, { kind: "run" }>;

/** A job that answers once: with what `pick` finds in its answer, or with the SyncError it failed with. */
function answerOf<T>(
  deps: SyncThreadDeps,
  connector: ConnectorConfig,
  job: AnsweringJob,
  signal: AbortSignal | undefined,
  pick: (message: FromSyncThread) => T | undefined,
): Promise<T> {
  return new Promise((resolve, reject) => {
    startJob(deps, connector, job, signal, {
      answer: (message, end) => {
        const answer = pick(message);
        if (answer !== undefined) end(() => resolve(answer));
        else if (message.kind === "failed") end(() => reject(syncError(message.error)));
      },
      crashed: (why) =>
        reject(
          new SyncError(`${JOB_LABELS[job.kind]}: stopped unexpectedly (${why})`, {
            connectorId: connector.settings.id,
          }),
        ),
    });
  });
}

interface JobHandlers {
  /** A message of the job's own (every kind but log lines); `end` settles the job with its answer. */
  answer(message: FromSyncThread, end: (settle: () => void) => void): void;
  /** The thread died (or could not start) before its answer. */
  crashed(why: string): void;
}

/** Threads started and not yet ended: the memory they free goes back to the system once none is left. */
let liveThreads = 0;

/**
 * One job on a new thread: relays its log lines, passes an abort on, and ends the thread once the job has its
 * answer. Exactly one of `end` and `crashed` settles a job.
 */
function startJob(
  deps: SyncThreadDeps,
  connector: ConnectorConfig,
  job: SyncThreadJob,
  signal: AbortSignal | undefined,
  handlers: JobHandlers,
): void {
  const worker = startThread({
    databasePath: deps.databasePath,
    secretsKey: deps.secretsKey,
    connector,
    knownSecrets: knownSecrets.list(),
    job,
  });
  liveThreads += 1;
  worker.once("exit", () => {
    if (--liveThreads === 0) void returnFreeMemory(deps.logger);
  });
  const syncEnded = whileSyncing();
  let settled = false;
  const onAbort = () => {
    const reason = signal?.reason as unknown;
    const message: ToSyncThread = { kind: "abort", message: reason instanceof Error ? reason.message : "stopped" };
    worker.postMessage(message);
  };
  const end = (settle: () => void) => {
    if (settled) return; // the thread ended after its answer, or was ended for it
    settled = true;
    syncEnded();
    signal?.removeEventListener("abort", onAbort);
    settle();
    void worker.terminate();
  };
  if (signal?.aborted) onAbort();
  else signal?.addEventListener("abort", onAbort, { once: true });
  worker.on("message", (message: FromSyncThread) => {
    if (message.kind === "log") relog(deps.logger, message.line);
    else handlers.answer(message, end);
  });
  worker.on("error", (error: unknown) =>
    end(() => handlers.crashed((error as Partial<Error> | undefined)?.message ?? String(error))),
  );
  worker.on("exit", (code) => end(() => handlers.crashed(`its thread ended with exit code ${code}`)));
}

/**
 * Records a run its thread left unfinished as failed, starting its record if the thread did not get that far.
 * Returns the run's id, or null when not even that could be recorded (the connector was deleted meanwhile, the disk
 * is full): the outcome and the log line still say what happened, and the next start marks a run left "running".
 */
function recordFailedRun(
  deps: SyncThreadDeps,
  connectorId: string,
  trigger: RunTrigger,
  runId: number | null,
  stats: RunStats,
  message: string,
): number | null {
  const at = deps.clock().toISOString();
  let recorded = runId;
  try {
    recorded ??= startRun(deps.sqlite, connectorId, trigger, at);
    finishRun(deps.sqlite, recorded, { status: "failed", finishedAt: at, stats, error: message });
  } catch (error) {
    deps.logger.error(
      { connector: connectorId, err: (error as Error).message },
      "the failed sync run could not be recorded",
    );
  }
  deps.logger.error(
    { connector: connectorId, run: recorded, err: message },
    "the sync thread stopped without an outcome",
  );
  return recorded;
}

/** A line the thread's pino wrote, logged by the gateway's logger: its level, its redaction, its destinations. */
function relog(logger: Logger, line: string): void {
  const { level, msg, ...fields } = JSON.parse(line) as { level: string; msg?: string } & Record<string, unknown>;
  const log = (logger as unknown as Record<string, (fields: object, msg?: string) => void>)[level];
  log?.call(logger, fields, msg);
}
