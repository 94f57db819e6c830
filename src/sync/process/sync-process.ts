import { fork, type ChildProcess } from "node:child_process";
import { setPriority } from "node:os";
import { extname } from "node:path";
import { fileURLToPath } from "node:url";
import type { Clock } from "../../clock.js";
import type { Sqlite } from "../../db/open.js";
import type { KeyedForecast } from "../../forecast/next-import.js";
import type { Logger } from "../../logging/logger.js";
import type { ConnectorConfig } from "../../config/types.js";
import { DRY_RUN_LABEL, type ApiSwitchReport } from "../api-switch/dry-run.js";
import { PREVIEW_LABEL } from "../preview/create-preview.js";
import type { PreviewReport } from "../preview/preview-types.js";
import { nodeFlagsFor, SYNC_NICE, tunedEnv } from "../../runtime/tuning.js";
import { finishRun, startRun, type RunStats, type RunTrigger } from "../run-store.js";
import type { RunOutcome } from "../run-sync.js";
import type { Approver, SyncRunner } from "../sync-service.js";
import { SyncError } from "../sync-error.js";
import { knownSecrets } from "../../secrets/known-secrets.js";
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
  /** The gateway's own connection: records a run that its process left unfinished. */
  readonly sqlite: Sqlite;
  readonly clock: Clock;
  /**
   * Tests only: each job's process reads this clock's instant, taken when the job starts and fixed for the job, instead
   * of the system clock (job-clock.ts). A test moves through simulated days with it on the path production takes; the
   * gateway sets it only from GatewayOptions.clock, a test hook, and no setting in config.toml or the environment can.
   */
  readonly testClock?: Clock;
  /**
   * Tests only: the module each process runs instead of sync-child beside this file. Tests that run many jobs give a
   * bundle of that same file (test/support/sync-child-bundle.ts), which starts without tsx's loader.
   */
  readonly childModule?: string;
  /** The forecast of Okta's next import the sync process made after a run that applied. */
  readonly onForecast?: (connectorId: string, keyed: KeyedForecast) => void;
}

/** The sync's module beside this one: sync-child.js in dist, sync-child.ts run from source (tsx, vitest). */
const SYNC_CHILD = fileURLToPath(new URL(`./sync-child${extname(import.meta.url)}`, import.meta.url));

/**
 * A process of its own for one job, with the sync's node flags and allocator settings (runtime/tuning.ts), at a
 * lower CPU priority than the gateway. Messages cross by IPC as structured clones (`advanced`), as they did between
 * threads. stdout and stderr are the gateway's: what the process prints past its logger (a crash's stack, V8 running
 * out of memory) is seen where the gateway's own output is.
 */
function startProcess(input: SyncThreadInput, module = SYNC_CHILD): ChildProcess {
  const child = fork(module, [], {
    execArgv: nodeFlagsFor("sync", module),
    env: tunedEnv("sync"),
    serialization: "advanced",
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  child.send(input);
  return child;
}

/**
 * Lowered once the process has loaded its modules (its "ready"), so that its start-up, which a request may be
 * waiting for (a preview, an approval), is not slowed on a busy machine. Only the process's main thread, which runs
 * the sync, gets the lower priority (Linux sets a thread's); that is the one that wants a core for tens of seconds.
 * The priority may not be lowered where the system refuses: the sync then runs at normal priority, and says so in
 * its log line.
 */
function lowerPriority(child: ChildProcess, logger: Logger): number | null {
  if (child.pid === undefined) return null; // it could not start: its error event says why
  try {
    setPriority(child.pid, SYNC_NICE);
    return SYNC_NICE;
  } catch (error) {
    logger.debug({ err: (error as Error).message }, "the sync process runs at normal priority");
    return null;
  }
}

/** Makes and stores a preview of a connector's next run (sync/preview/create-preview.ts); fails with SyncError. */
export type Previewer = (
  connector: ConnectorConfig,
  by: string,
  signal?: AbortSignal,
) => Promise<{ id: number; report: PreviewReport }>;

/**
 * Runs each sync in a process of its own. Reading parses megabytes of XML at a time and the plan and its commit are
 * one synchronous stretch (seconds at 100,000 employees): on the gateway's own thread that stretch stalls every
 * Okta page, lookup and console request behind it. In a process of its own the run shares only the CPU, at a lower
 * priority, and all its memory (a heap of a few hundred MB at that size, and what glibc keeps) goes back to the
 * system when the process ends. A worker thread did the same before; BENCHMARKS.md has the A/B, and
 * docs/decisions.md why the process won.
 *
 * The process opens its own connection to the database (WAL: the gateway keeps reading while it writes) and gets
 * the connector with its secrets already resolved. After a run that applied, it also makes the dashboard's forecast
 * of Okta's next import, which parses every served user twice. If the process dies without an
 * outcome, the run is recorded as failed here, so nothing is left "running".
 */
export function syncInProcess(deps: SyncThreadDeps): SyncRunner {
  return (connector, trigger, hooks) =>
    new Promise<RunOutcome>((resolve) => {
      const connectorId = connector.settings.id;
      let runId: number | null = null;
      let read = { companies: 0, employees: 0 };
      const started = startJob(deps, connector, { kind: "run", trigger }, hooks.signal, {
        answer: (message, end) => {
          if (message.kind === "started") {
            runId = message.runId;
            const priority = started.nice === null ? "normal priority" : `nice ${started.nice}`;
            deps.logger.debug(
              { connector: connectorId, run: runId, syncProcess: started.pid },
              `sync run started in its own process (${priority})`,
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

/** Previews in a process of their own, for the same reason as runs: planning 100,000 people is seconds of CPU. */
export function previewInProcess(deps: SyncThreadDeps): Previewer {
  return (connector, by, signal) =>
    answerOf(deps, connector, { kind: "preview", by }, signal, (message) =>
      message.kind === "previewed" ? { id: message.id, report: message.report } : undefined,
    );
}

/**
 * Approvals of held runs in a process of their own: applying a stored plan is one transaction that rewrites what
 * Okta is served (seconds at 100,000 people), which would otherwise hold up every Okta page meanwhile.
 */
export function approveInProcess(deps: SyncThreadDeps): Approver {
  return (connector, runId, by) =>
    answerOf(deps, connector, { kind: "approve", runId, by }, undefined, (message) => {
      if (message.kind !== "approved") return undefined;
      if (message.forecast) deps.onForecast?.(connector.settings.id, message.forecast);
      return message.run;
    });
}

/** Dry runs of an API switch in a process of their own: a whole read of the other API and a plan. */
export function dryRunInProcess(
  deps: SyncThreadDeps,
): (connector: ConnectorConfig, signal?: AbortSignal) => Promise<ApiSwitchReport> {
  return (connector, signal) =>
    answerOf(deps, connector, { kind: "dry-run" }, signal, (message) =>
      message.kind === "dry-run-report" ? message.report : undefined,
    );
}

/**
 * How the message of a job whose process died starts: a preview's and a dry run's as their other failures on the
 * gateway's thread (preview/create-preview.ts, api-switch/dry-run.ts). An approval's other failures name their run
 * and need no label; one whose process dies has applied nothing, since the approval is one transaction.
 */
const JOB_LABELS: Readonly<Record<AnsweringJob["kind"], string>> = {
  preview: PREVIEW_LABEL,
  "dry-run": DRY_RUN_LABEL,
  approve: "approval",
};

/** The jobs that answer with a report or a SyncError; a run answers with its outcome (syncInProcess). */
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
  /** The process died (or could not start) before its answer. */
  crashed(why: string): void;
}

/**
 * One job in a new process: relays its log lines, passes an abort on, and ends the process once the job has its
 * answer; all the memory the job used goes back to the system with it. Exactly one of `end` and `crashed` settles a
 * job. Returns the process's id (undefined if it could not start) and its nice value once lowered (null: normal
 * priority, or not yet).
 */
function startJob(
  deps: SyncThreadDeps,
  connector: ConnectorConfig,
  job: SyncThreadJob,
  signal: AbortSignal | undefined,
  handlers: JobHandlers,
): { readonly pid: number | undefined; nice: number | null } {
  const input: SyncThreadInput = {
    databasePath: deps.databasePath,
    secretsKey: deps.secretsKey,
    connector,
    knownSecrets: knownSecrets.list(),
    job,
    ...(deps.testClock ? { fixedNow: deps.testClock().toISOString() } : {}),
  };
  const child = startProcess(input, deps.childModule);
  const started: { readonly pid: number | undefined; nice: number | null } = { pid: child.pid, nice: null };
  let settled = false;
  const onAbort = () => {
    const reason = signal?.reason as unknown;
    const message: ToSyncThread = { kind: "abort", message: reason instanceof Error ? reason.message : "stopped" };
    if (child.connected) child.send(message);
  };
  const end = (settle: () => void) => {
    if (settled) return; // the process ended after its answer, or was ended for it
    settled = true;
    signal?.removeEventListener("abort", onAbort);
    settle();
    child.kill();
  };
  if (signal?.aborted) onAbort();
  else signal?.addEventListener("abort", onAbort, { once: true });
  child.on("message", (message: FromSyncThread) => {
    if (message.kind === "log") relog(deps.logger, message.line);
    else if (message.kind === "ready") started.nice = lowerPriority(child, deps.logger);
    else if (message.kind === "broken") end(() => handlers.crashed(message.message));
    else handlers.answer(message, end);
  });
  child.on("error", (error: Error) => end(() => handlers.crashed(error.message)));
  child.on("exit", (code, exitSignal) =>
    end(() => handlers.crashed(`its process ended with ${exitSignal ? `signal ${exitSignal}` : `exit code ${code}`}`)),
  );
  return started;
}

/**
 * Records a run its process left unfinished as failed, starting its record if it did not get that far.
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
    "the sync process stopped without an outcome",
  );
  return recorded;
}

/** A line the sync process's pino wrote, logged by the gateway's logger: its level, its redaction, its destinations. */
function relog(logger: Logger, line: string): void {
  const { level, msg, ...fields } = JSON.parse(line) as { level: string; msg?: string } & Record<string, unknown>;
  const log = (logger as unknown as Record<string, (fields: object, msg?: string) => void>)[level];
  log?.call(logger, fields, msg);
}
