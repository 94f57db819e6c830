import pino from "pino";
import type { ConnectorConfig } from "../../config/types.js";
import { openDatabase, type Db } from "../../db/open.js";
import { keyedForecast, type KeyedForecast } from "../../forecast/next-import.js";
import { knownSecrets } from "../../secrets/known-secrets.js";
import type { HrSource } from "../../sources/types.js";
import { approveRun } from "../holds/approval.js";
import { DRY_RUN_LABEL, dryRunApiSwitch } from "../api-switch/dry-run.js";
import { createPreview } from "../preview/create-preview.js";
import type { RunTrigger } from "../run-store.js";
import { runSync, type SyncContext } from "../run-sync.js";
import { SyncError, toSyncError } from "../sync-error.js";
import { wireConnectors } from "../../wiring.js";
import { jobClock } from "./job-clock.js";
import { plainError, plainOutcome, type FromSyncThread, type SyncThreadInput, type ToSyncThread } from "./messages.js";

/**
 * A sync process: one job for one connector (a run, a preview of its next run, the dry run of an API switch, or the
 * approval of a held run), in a process of its own (see sync-process.ts for why), started by the gateway with its
 * own node flags, at a lower CPU priority once its modules are loaded. It opens its own connection to the database, does exactly what the same
 * job on the gateway's thread does, and reports its start, progress, log lines and answer to the gateway over IPC.
 */
const send = (message: FromSyncThread) =>
  new Promise<void>((resolve) => {
    // Not connected: the gateway is gone, and this process is ending (below).
    if (!process.connected) return resolve();
    process.send!(message, undefined, undefined, () => resolve());
  });
// The gateway gone (it crashed, or was killed), nobody is left to report to: end at once. SQLite rolls back a
// commit this process had not finished, so Okta keeps being served the last good generation.
process.once("disconnect", () => process.exit(1));
void send({ kind: "ready" });
const input = await new Promise<SyncThreadInput>((resolve) =>
  process.once("message", (message) => resolve(message as SyncThreadInput)),
);
// A process has a registry of its own: the gateway's values, plus what this job opens (registry.ts registers them).
for (const secret of input.knownSecrets) knownSecrets.register(secret);

// Every level: the gateway's logger decides what reaches stdout and the console's log page, and redacts.
const logger = pino(
  { level: "debug", base: null, timestamp: false, formatters: { level: (label) => ({ level: label }) } },
  { write: (line: string) => void send({ kind: "log", line: knownSecrets.redact(line) }) },
).child({ connector: input.connector.settings.id });

const abort = new AbortController();
process.on("message", (message: ToSyncThread) => {
  if (message.kind === "abort") abort.abort(new SyncError(message.message));
});

try {
  await send(
    await withDatabase((db) => {
      const { job } = input;
      if (job.kind === "run") return run(db, job.trigger);
      if (job.kind === "approve") return approve(db, job.runId, job.by);
      return job.kind === "preview" ? preview(db, job.by) : dryRun(db);
    }),
  );
} catch (error) {
  // What escapes a job (the database cannot be opened, the run cannot even be recorded) ends this process, and the
  // gateway records the failure with this message.
  await send({ kind: "broken", message: knownSecrets.redact(error instanceof Error ? error.message : String(error)) });
  process.exitCode = 1;
}
// The answer is sent: let go of the IPC channel, so the process ends (the gateway also ends it once answered).
process.removeAllListeners("disconnect");
process.disconnect();

/** The job with the process's own connection, closed before the answer is sent: the gateway then ends the process. */
async function withDatabase(job: (db: Db) => Promise<FromSyncThread>): Promise<FromSyncThread> {
  const db = openDatabase(input.databasePath);
  try {
    return await job(db);
  } finally {
    db.close();
  }
}

/** The same wiring the gateway and the CLI build (src/wiring.ts), on this thread's connection and with its logger. */
function contextOf(db: Db): { context: SyncContext; sourceFor: (connector: ConnectorConfig) => HrSource } {
  const clock = jobClock(input.fixedNow);
  const wiring = wireConnectors({ db, secretsKey: Buffer.from(input.secretsKey), clock, logger });
  return { context: wiring.syncContext, sourceFor: wiring.sourceFor };
}

async function run(db: Db, trigger: RunTrigger): Promise<FromSyncThread> {
  const { context, sourceFor } = contextOf(db);
  const outcome = await runSync(context, input.connector, () => sourceFor(input.connector), trigger, {
    signal: abort.signal,
    onStart: (runId) => void send({ kind: "started", runId }),
    onProgress: (progress) => void send({ kind: "progress", progress }),
  });
  const forecast = outcome.status === "succeeded" ? forecastAfter(db) : undefined;
  return { kind: "finished", outcome: plainOutcome(outcome), ...(forecast ? { forecast } : {}) };
}

function approve(db: Db, runId: number, by: string): Promise<FromSyncThread> {
  const { context } = contextOf(db);
  return answerOrFailure(async () => {
    const run = approveRun(context, runId, by, input.connector.settings);
    const forecast = forecastAfter(db);
    return { kind: "approved", run, ...(forecast ? { forecast } : {}) };
  });
}

function preview(db: Db, by: string): Promise<FromSyncThread> {
  const { context, sourceFor } = contextOf(db);
  const deps = { ...context, connector: () => input.connector, sourceFor };
  return answerOrFailure(async () => {
    const { id, report } = await createPreview(deps, input.connector.settings.id, by, abort.signal);
    return { kind: "previewed", id, report };
  });
}

function dryRun(db: Db): Promise<FromSyncThread> {
  const { context, sourceFor } = contextOf(db);
  return answerOrFailure(async () => {
    try {
      return {
        kind: "dry-run-report",
        report: await dryRunApiSwitch(context, input.connector, sourceFor, abort.signal),
      };
    } catch (error) {
      throw toSyncError(error, input.connector.settings.id, { label: DRY_RUN_LABEL });
    }
  });
}

/** A SyncError is the job's answer (the gateway throws it again); anything else escapes and ends the process. */
async function answerOrFailure(job: () => Promise<FromSyncThread>): Promise<FromSyncThread> {
  try {
    return await job();
  } catch (error) {
    if (error instanceof SyncError) return { kind: "failed", error: plainError(error) };
    throw error;
  }
}

/**
 * The dashboard's forecast of Okta's next import changes with every applied run or approval; made here it costs the
 * gateway nothing (it parses every served user twice). Failing to make it fails nothing.
 */
function forecastAfter(db: Db): KeyedForecast | undefined {
  try {
    return keyedForecast(db.sqlite, input.connector.settings.id);
  } catch (error) {
    logger.warn(
      { connector: input.connector.settings.id, err: (error as Error).message },
      "the forecast of the next Okta import could not be computed",
    );
    return undefined;
  }
}
