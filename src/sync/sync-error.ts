import { knownSecrets } from "../secrets/known-secrets.js";
import { SourceError } from "../sources/types.js";

/**
 * The one error type of the sync boundary. `message` is for the admin (console, CLI, notification): it names the
 * company when the failure is company-specific and never contains a secret.
 */
export class SyncError extends Error {
  override readonly name = "SyncError";
  constructor(
    message: string,
    readonly details: {
      readonly connectorId?: string;
      readonly runId?: number;
      /** Company number the failure belongs to. */
      readonly company?: string;
      /** The admin must act (credentials, consent) before a retry can succeed. */
      readonly needsAttention?: boolean;
    } = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Converts whatever a run ran into, once, at the sync boundary: a source's own error keeps its admin-readable
 * message (prefixed with where it happened, e.g. "company 2 (Beta BV)"), anything else is reported as unexpected.
 */
export function toSyncError(
  error: unknown,
  connectorId: string,
  where?: { label: string; company?: string },
): SyncError {
  if (error instanceof SyncError) return error;
  const prefix = where ? `${where.label}: ` : "";
  const message =
    error instanceof SourceError
      ? error.message
      : (storageProblem(error) ?? `unexpected error: ${(error as Error)?.message ?? String(error)}`);
  return new SyncError(
    // An HR system may quote the request, token included, in its fault text.
    knownSecrets.redact(`${prefix}${message}`),
    {
      connectorId,
      ...(where?.company ? { company: where.company } : {}),
      needsAttention: error instanceof SourceError && error.details.needsAttention === true,
    },
    { cause: error },
  );
}

/** What the admin can do about a SQLite failure while a run wrote (better-sqlite3's SqliteError carries `code`). */
function storageProblem(error: unknown): string | null {
  const code = (error as { code?: unknown })?.code;
  if (typeof code !== "string" || !code.startsWith("SQLITE_")) return null;
  if (code.startsWith("SQLITE_BUSY")) {
    return "the database was locked by another process for longer than the busy timeout (5 s): a second `npm run sync`, a long backup? Nothing was applied; the next run retries";
  }
  if (code === "SQLITE_FULL")
    return "the disk is full (or the database reached its size limit): nothing was applied; free space, then run again";
  if (code.startsWith("SQLITE_IOERR"))
    return `the database file could not be written (${code}): check the disk; nothing was applied`;
  if (code === "SQLITE_CORRUPT")
    return "the database file is damaged: stop the gateway and restore the last backup (docs/operations.md)";
  return null;
}
