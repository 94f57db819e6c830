import { Worker } from "node:worker_threads";
import type { Clock } from "../../clock.js";
import type { Sqlite } from "../../db/open.js";
import type { KeyedForecast } from "../../forecast/next-import.js";
import type { Logger } from "../../logging/logger.js";
import { finishRun, startRun, type RunStats } from "../run-records.js";
import type { RunOutcome } from "../run-sync.js";
import type { SyncRunner } from "../sync-service.js";
import { SyncError } from "../sync-error.js";
import { SYNC_THREAD_NICE } from "./background-priority.js";
import { runOutcome, type FromSyncThread, type SyncThreadInput, type ToSyncThread } from "./messages.js";

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

// Beside this file: sync-worker.js in dist. Run from source (tsx, vitest) it is sync-worker.ts, which a thread can
// load only after registering tsx's loader in that thread (a `--import tsx` in the thread's execArgv is not applied
// to its entry module on Node 20).
const FROM_SOURCE = import.meta.url.endsWith(".ts");
const WORKER_URL = new URL(FROM_SOURCE ? "./sync-worker.ts" : "./sync-worker.js", import.meta.url);

function startThread(input: SyncThreadInput): Worker {
  if (!FROM_SOURCE) return new Worker(WORKER_URL, { workerData: input });
  const bootstrap = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(WORKER_URL.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData: input, execArgv: [] });
}

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
      const input: SyncThreadInput = { databasePath: deps.databasePath, secretsKey: deps.secretsKey, connector, trigger };
      const worker = startThread(input);
      const connectorId = connector.settings.id;
      let runId: number | null = null;
      let read = { companies: 0, employees: 0 };
      let settled = false;
      const onAbort = () => {
        const reason = hooks.signal?.reason as unknown;
        const message: ToSyncThread = { kind: "abort", message: reason instanceof Error ? reason.message : "stopped" };
        worker.postMessage(message);
      };
      const settle = (outcome: RunOutcome) => {
        if (settled) return;
        settled = true;
        hooks.signal?.removeEventListener("abort", onAbort);
        resolve(outcome);
        void worker.terminate();
      };
      const crashed = (why: string) => {
        if (settled) return; // the thread ended after its outcome, or was ended for it
        const stats: RunStats = { ...read, calls: 0, bytes: 0 };
        const error = new SyncError(`the sync stopped unexpectedly (${why}); nothing of this run was applied`, { connectorId });
        const at = deps.clock().toISOString();
        try {
          runId ??= startRun(deps.sqlite, connectorId, trigger, at);
          finishRun(deps.sqlite, runId, { status: "failed", finishedAt: at, stats, error: error.message });
        } catch (recording) {
          // Not even the failure could be recorded (the connector was deleted meanwhile, the disk is full): the
          // outcome and this line still say what happened, and the next start marks a run left "running".
          deps.logger.error({ connector: connectorId, err: (recording as Error).message }, "the failed sync run could not be recorded");
        }
        deps.logger.error({ connector: connectorId, run: runId, err: why }, "the sync thread stopped without an outcome");
        settle({ runId: runId ?? 0, connectorId, status: "failed", message: error.message, stats, error });
      };
      if (hooks.signal?.aborted) onAbort();
      else hooks.signal?.addEventListener("abort", onAbort, { once: true });
      worker.on("message", (message: FromSyncThread) => {
        if (message.kind === "started") {
          runId = message.runId;
          const priority = message.osThread === null ? "normal priority" : `nice ${SYNC_THREAD_NICE}`;
          deps.logger.debug({ connector: connectorId, run: runId, osThread: message.osThread }, `sync run started on its own thread (${priority})`);
          hooks.onStart?.(runId);
        } else if (message.kind === "progress") {
          read = { companies: message.progress.companiesDone, employees: message.progress.employeesRead };
          hooks.onProgress?.(message.progress);
        } else if (message.kind === "log") {
          relog(deps.logger, message.line);
        } else {
          if (message.forecast) deps.onForecast?.(connectorId, message.forecast);
          settle(runOutcome(message.outcome));
        }
      });
      worker.on("error", (error: unknown) => crashed((error as Partial<Error> | undefined)?.message ?? String(error)));
      worker.on("exit", (code) => crashed(`its thread ended with exit code ${code}`));
    });
}

/** A line the thread's pino wrote, logged by the gateway's logger: its level, its redaction, its destinations. */
function relog(logger: Logger, line: string): void {
  const { level, msg, ...fields } = JSON.parse(line) as { level: string; msg?: string } & Record<string, unknown>;
  const log = (logger as unknown as Record<string, (fields: object, msg?: string) => void>)[level];
  log?.call(logger, fields, msg);
}
