import type { ConnectorConfig } from "../../config/types.js";
import type { KeyedForecast } from "../../forecast/next-import.js";
import type { SourceProgress } from "../../sources/types.js";
import type { RunTrigger } from "../run-records.js";
import type { RunOutcome } from "../run-sync.js";
import { SyncError } from "../sync-error.js";

/**
 * What the gateway's thread and a sync thread say to each other (sync-thread.ts, sync-worker.ts). Everything crosses
 * as structured clones, which keep plain data only: a SyncError crosses as its message and details.
 */

/** workerData of a sync thread: one run of one connector. */
export interface SyncThreadInput {
  readonly databasePath: string;
  /** The key that seals connector secrets (OAuth tokens, the birth-date key), as the gateway loaded it. */
  readonly secretsKey: Uint8Array;
  /** The connector with its secrets resolved by the gateway's registry. */
  readonly connector: ConnectorConfig;
  readonly trigger: RunTrigger;
}

export type FromSyncThread =
  /** `osThread`: the thread's id in the operating system, when its priority was lowered (background-priority.ts). */
  | { readonly kind: "started"; readonly runId: number; readonly osThread: number | null }
  | { readonly kind: "progress"; readonly progress: SourceProgress }
  /** A pino line written in the thread, logged again by the gateway's logger (stdout and the console's log page). */
  | { readonly kind: "log"; readonly line: string }
  /** With the forecast of Okta's next import when the run applied (made here, so the gateway's thread need not). */
  | { readonly kind: "finished"; readonly outcome: PlainOutcome; readonly forecast?: KeyedForecast };

/** The gateway shuts down: the run stops reading and records its failure with this message. */
export interface ToSyncThread {
  readonly kind: "abort";
  readonly message: string;
}

type PlainOutcome = Omit<RunOutcome, "error"> & { readonly error?: { readonly message: string; readonly details: SyncError["details"] } };

export function plainOutcome(outcome: RunOutcome): PlainOutcome {
  const { error, ...rest } = outcome;
  return error ? { ...rest, error: { message: error.message, details: error.details } } : rest;
}

export function runOutcome(plain: PlainOutcome): RunOutcome {
  const { error, ...rest } = plain;
  return error ? { ...rest, error: new SyncError(error.message, error.details) } : rest;
}
