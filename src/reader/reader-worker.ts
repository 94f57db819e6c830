import { parentPort, workerData } from "node:worker_threads";
import { foldCase } from "../directory/fold-case.js";
import { openDatabase } from "../db/open.js";
import { StatementCache } from "../scim/list/statement-cache.js";
import { runInBackground } from "./background-priority.js";
import { runReaderJob, transferablesOf } from "./reader-jobs.js";
import type { FromReader, ReaderInput, ToReader } from "./reader-thread.js";

/**
 * A reader thread (see reader-thread.ts for why): its own read-only connection to the database file, one job at a
 * time; a background reader at a lower CPU priority than the serving thread, so that Okta's pages get the cores first.
 */
const input = workerData as ReaderInput;
const port = parentPort!;
if (input.background) runInBackground();
const db = openDatabase(input.databasePath, { readonly: true });
const statements = new StatementCache(db.sqlite);

// SQLite cannot be interrupted from outside its thread, and a thread that is told to end still finishes the
// statement it is in. A filter on an attribute without a column folds every row's value in JavaScript
// (db/open.ts); this fold also watches the job's time limit, so such a statement stops by itself at the limit.
let deadline = Number.POSITIVE_INFINITY;
db.sqlite.function("scim_fold", { deterministic: true }, (value: unknown) => {
  if (performance.now() > deadline) throw new Error(`stopped after its time limit of ${input.timeLimitMs} ms`);
  return typeof value === "string" ? foldCase(value) : value;
});
port.postMessage({ kind: "ready" } satisfies FromReader);

port.on("message", ({ id, job }: ToReader) => {
  let message: FromReader;
  let transfer: ArrayBuffer[] = [];
  deadline = performance.now() + input.timeLimitMs;
  try {
    const answer = runReaderJob(db.sqlite, statements, job);
    message = { kind: "answer", id, answer };
    transfer = transferablesOf(answer);
  } catch (error) {
    // A plain message: cloning to the gateway keeps the message of a plain Error but not of better-sqlite3's.
    message = { kind: "error", id, error: error instanceof Error ? error.message : String(error) };
  }
  // A download's bytes move to the serving thread rather than being copied: one copy of a large file at a time.
  port.postMessage(message, transfer);
});
