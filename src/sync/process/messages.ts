import type { ConnectorConfig } from "../../config/types.js";
import { knownSecrets } from "../../secrets/known-secrets.js";
import type { KeyedForecast } from "../../forecast/next-import.js";
import type { ApiSwitchReport } from "../api-switch/dry-run.js";
import type { PreviewReport } from "../preview/preview-types.js";
import type { SourceProgress } from "../../sources/types.js";
import type { RunRecord, RunTrigger } from "../run-store.js";
import type { RunOutcome } from "../run-sync.js";
import { SyncError } from "../sync-error.js";

/**
 * What the gateway and a sync process say to each other (sync-process.ts, sync-child.ts), over IPC. Everything
 * crosses as structured clones, which keep plain data only: a SyncError crosses as its message and details.
 */

/**
 * What a sync process does for one connector: a run, a preview of its next run (sync/preview/), the dry run of a
 * switch to its other Nmbrs API (sync/api-switch/dry-run.ts), or the approval of a held run (sync/holds/approval.ts).
 */
export type SyncThreadJob =
  | { readonly kind: "run"; readonly trigger: RunTrigger }
  | { readonly kind: "preview"; readonly by: string }
  | { readonly kind: "dry-run" }
  | { readonly kind: "approve"; readonly runId: number; readonly by: string };

/** The first message to a sync process: one job for one connector. */
export interface SyncThreadInput {
  readonly databasePath: string;
  /** The key that seals connector secrets (OAuth tokens, the birth-date key), as the gateway loaded it. */
  readonly secretsKey: Uint8Array;
  /** The connector with its secrets resolved by the gateway's registry. */
  readonly connector: ConnectorConfig;
  /** The gateway's known secret values (secrets/known-secrets.ts): the process's texts are cleaned of them too. */
  readonly knownSecrets: readonly string[];
  readonly job: SyncThreadJob;
  /**
   * Tests only: the instant the job's clock reads (an ISO timestamp), fixed for the job; without it the process reads
   * the system clock. Only SyncThreadDeps.testClock sets it; job-clock.ts validates it.
   */
  readonly fixedNow?: string;
}

export type FromSyncThread =
  /** The process has loaded its modules: the gateway lowers its priority now (sync-process.ts says why not sooner). */
  | { readonly kind: "ready" }
  | { readonly kind: "started"; readonly runId: number }
  | { readonly kind: "progress"; readonly progress: SourceProgress }
  /** A pino line written in the sync process, logged again by the gateway's logger (stdout and the console's log page). */
  | { readonly kind: "log"; readonly line: string }
  /** With the forecast of Okta's next import when the run applied (made here, so the gateway need not). */
  | { readonly kind: "finished"; readonly outcome: PlainOutcome; readonly forecast?: KeyedForecast }
  | { readonly kind: "previewed"; readonly id: number; readonly report: PreviewReport }
  | { readonly kind: "dry-run-report"; readonly report: ApiSwitchReport }
  /** The approved run as recorded, with the forecast of Okta's next import (the approval changed what is served). */
  | { readonly kind: "approved"; readonly run: RunRecord; readonly forecast?: KeyedForecast }
  /** A preview, dry run or approval that failed, as the SyncError it would have thrown on the gateway's thread. */
  | { readonly kind: "failed"; readonly error: PlainSyncError }
  /** What escaped the job (the database could not be opened, the run not even recorded): the process then exits. */
  | { readonly kind: "broken"; readonly message: string };

/** The gateway shuts down (or a preview timed out): the job stops reading, and a run records its failure. */
export interface ToSyncThread {
  readonly kind: "abort";
  readonly message: string;
}

export interface PlainSyncError {
  readonly message: string;
  readonly details: SyncError["details"];
}

type PlainOutcome = Omit<RunOutcome, "error"> & { readonly error?: PlainSyncError };

/** What leaves a sync process is cleaned of the secrets it knows (some are known only there: an opened token). */
export function plainError(error: SyncError): PlainSyncError {
  return { message: knownSecrets.redact(error.message), details: error.details };
}

export function syncError(plain: PlainSyncError): SyncError {
  return new SyncError(plain.message, plain.details);
}

export function plainOutcome(outcome: RunOutcome): PlainOutcome {
  const { error, ...rest } = outcome;
  const cleaned = { ...rest, message: knownSecrets.redact(rest.message) };
  return error ? { ...cleaned, error: plainError(error) } : cleaned;
}

export function runOutcome(plain: PlainOutcome): RunOutcome {
  const { error, ...rest } = plain;
  return error ? { ...rest, error: syncError(error) } : rest;
}
