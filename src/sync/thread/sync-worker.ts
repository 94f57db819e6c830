import { parentPort, workerData } from "node:worker_threads";
import pino from "pino";
import { systemClock } from "../../clock.js";
import { birthDateKeyOf } from "../../connectors/birth-date-key.js";
import { ConnectorRegistry } from "../../connectors/registry.js";
import { createSourceFor } from "../../connectors/source-for.js";
import { openDatabase, type Db } from "../../db/open.js";
import { keyedForecast, type KeyedForecast } from "../../forecast/next-import.js";
import { secretBoxFor } from "../../secrets/key-file.js";
import { runSync, type RunOutcome } from "../run-sync.js";
import { newScimId } from "../sync-service.js";
import { SyncError } from "../sync-error.js";
import { runInBackground } from "./background-priority.js";
import { plainOutcome, type FromSyncThread, type SyncThreadInput, type ToSyncThread } from "./messages.js";

/**
 * A sync thread: one run of one connector, on a thread of its own (see sync-thread.ts for why), with its own
 * connection to the database file, at a lower CPU priority than the serving thread. It reads, plans, applies and
 * records exactly as a run on the gateway's thread does, and reports its start, progress, log lines and outcome to
 * the gateway.
 */
const input = workerData as SyncThreadInput;
const port = parentPort!;
const send = (message: FromSyncThread) => port.postMessage(message);

// Every level: the gateway's logger decides what reaches stdout and the console's log page, and redacts.
const logger = pino(
  { level: "debug", base: null, timestamp: false, formatters: { level: (label) => ({ level: label }) } },
  { write: (line: string) => send({ kind: "log", line }) },
).child({ connector: input.connector.settings.id });

const osThread = runInBackground();
const abort = new AbortController();
port.on("message", (message: ToSyncThread) => {
  if (message.kind === "abort") abort.abort(new SyncError(message.message));
});

let finished: Extract<FromSyncThread, { kind: "finished" }>;
try {
  finished = await runOnce();
} catch (error) {
  // What escapes a run (the database cannot be opened, the run cannot even be recorded) ends this thread, and the
  // gateway records the run as failed with this message: a plain Error, because cloning to the gateway keeps the
  // message of a plain Error but not of better-sqlite3's or our own error classes.
  throw new Error(error instanceof Error ? error.message : String(error));
}
send(finished);

async function runOnce(): Promise<Extract<FromSyncThread, { kind: "finished" }>> {
  const db = openDatabase(input.databasePath);
  try {
    const registry = new ConnectorRegistry(db, secretBoxFor(Buffer.from(input.secretsKey)), systemClock);
    const context = {
      sqlite: db.sqlite,
      clock: systemClock,
      newId: newScimId,
      birthDateKey: (connectorId: string) => birthDateKeyOf(registry, connectorId),
    };
    const source = () => createSourceFor(input.connector, { logger, registry, clock: systemClock });
    const outcome = await runSync(context, input.connector, source, input.trigger, {
      signal: abort.signal,
      onStart: (runId) => send({ kind: "started", runId, osThread }),
      onProgress: (progress) => send({ kind: "progress", progress }),
    });
    const forecast = outcome.status === "succeeded" ? forecastAfter(db, outcome) : undefined;
    return { kind: "finished", outcome: plainOutcome(outcome), ...(forecast ? { forecast } : {}) };
  } finally {
    // Closed before the outcome is sent: the gateway ends this thread as soon as it has the outcome.
    db.close();
  }
}

/**
 * The dashboard's forecast of Okta's next import changes with every applied run; made here it costs the serving
 * thread nothing (it parses every served user twice: ~3 s at 100,000). Failing to make it fails nothing.
 */
function forecastAfter(db: Db, outcome: RunOutcome): KeyedForecast | undefined {
  try {
    return keyedForecast(db.sqlite, outcome.connectorId);
  } catch (error) {
    logger.warn({ err: (error as Error).message }, "the forecast of the next Okta import could not be computed");
    return undefined;
  }
}
