import { chmodSync, closeSync, fsyncSync, openSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import type { Clock } from "../clock.js";
import { recordAudit } from "../audit/audit-store.js";
import type { Db } from "../db/open.js";
import { syncDirectory, writeKeyFile } from "../secrets/key-file.js";
import { OpsError } from "./ops-error.js";

export interface BackupOptions {
  /** Where the backup goes; an existing file there is replaced only once the new one is complete. */
  readonly target: string;
  /** The encryption key to write beside the backup as `<target>.key`; null = back it up separately (the default). */
  readonly key: Buffer | null;
  /** Who made it, for the audit trail. */
  readonly actor: string;
  readonly clock: Clock;
}

export interface BackupResult {
  readonly file: string;
  readonly bytes: number;
  readonly keyFile: string | null;
}

// In one step: the copy is one read transaction, so writes the running gateway commits meanwhile (WAL) neither
// block it nor make it start over, which a page-by-page backup does each time the source changes.
const ALL_PAGES = 0x7fffffff;

/**
 * An online backup of the gateway's database with SQLite's backup API: consistent, taken while the server runs.
 * The copy is a single self-contained file (no -wal), readable only by its owner (it holds the HR data of the
 * whole workforce), checked with quick_check, and moved into place only when complete. Stored secrets stay sealed:
 * without the encryption key the copy reveals no credential.
 */
export async function backupDatabase(db: Db, options: BackupOptions): Promise<BackupResult> {
  const { target } = options;
  const partial = `${target}.partial-${process.pid}`;
  try {
    // Created empty with mode 0600 first, so the data is never in a file others may read, not even briefly.
    closeSync(openSync(partial, "w", 0o600));
    chmodSync(partial, 0o600);
  } catch (error) {
    throw new OpsError(`cannot write ${target}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {
      cause: error,
    });
  }
  try {
    await db.sqlite.backup(partial, { progress: () => ALL_PAGES });
    seal(partial);
    renameSync(partial, target);
    syncDirectory(dirname(target));
  } catch (error) {
    rmSync(partial, { force: true });
    if (error instanceof OpsError) throw error;
    throw new OpsError(`the backup to ${target} failed: ${(error as Error).message}`, { cause: error });
  }
  const keyFile = options.key ? `${target}.key` : null;
  if (keyFile) writeKeyFile(keyFile, options.key!, { replace: true });
  const bytes = statSync(target).size;
  recordAudit(
    db.sqlite,
    {
      action: "backup",
      actor: options.actor,
      address: null,
      detail: `${target} (${bytes} bytes${keyFile ? ", key written beside it" : ""})`,
    },
    options.clock(),
  );
  return { file: target, bytes, keyFile };
}

/** Makes the copy one self-contained file and checks it before it may replace an older backup. */
function seal(file: string): void {
  const copy = new Database(file);
  try {
    copy.pragma("journal_mode = DELETE");
    const check = copy.pragma("quick_check", { simple: true });
    if (check !== "ok")
      throw new OpsError(`the backup copy failed its check (${String(check)}); the database may be damaged`);
  } finally {
    copy.close();
  }
  const fd = openSync(file, "r+");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
