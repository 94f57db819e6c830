import type { Sqlite } from "../../db/open.js";
import { prepared } from "../../db/statements.js";
import { writeIfFree } from "../../db/write-if-free.js";

interface QueuedWrite {
  readonly sql: string;
  readonly params: readonly unknown[];
}

export interface DeferredWritesOptions {
  readonly flushAfterMs: number;
  /** Queued rows that start a write at once instead of at the timer. */
  readonly maxQueued: number;
  /** While the database is locked, rows beyond this many are dropped (oldest first) rather than kept growing. */
  readonly maxHeld: number;
}

/**
 * Bookkeeping writes (request log, import records) collected and committed together, a few times a second: one
 * transaction for hundreds of rows instead of one fsync-bound commit per request, so that Okta's paging does not
 * wait for the log. Rows written in the last `flushAfterMs` are lost on a crash, which is acceptable for a log.
 *
 * The timed writes never wait for the database's write lock: while a sync commits (seconds), they keep their rows
 * and try again at the next tick, so Okta's pages are not held up behind the commit (db/write-if-free.ts).
 */
export class DeferredWrites {
  private queue: QueuedWrite[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly sqlite: Sqlite,
    private readonly onError: (error: unknown, dropped: number) => void,
    private readonly options: DeferredWritesOptions = { flushAfterMs: 250, maxQueued: 500, maxHeld: 50_000 },
  ) {}

  add(sql: string, params: readonly unknown[]): void {
    this.queue.push({ sql, params });
    if (this.queue.length === this.options.maxQueued) this.writeWhenFree();
    else this.timer ??= this.tick();
  }

  /** Commits everything queued now, waiting for the write lock if need be (readers call this before reading). */
  flush(): void {
    this.write((run) => {
      this.sqlite.transaction(run)();
      return true;
    });
  }

  close(): void {
    this.flush();
  }

  private writeWhenFree(): void {
    this.write((run) => writeIfFree(this.sqlite, run));
  }

  private write(commit: (run: () => void) => boolean): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.queue;
    if (batch.length === 0) return;
    this.queue = [];
    try {
      if (commit(() => batch.forEach((write) => prepared(this.sqlite, write.sql).run(...write.params)))) return;
      // Locked by a commit in progress: keep the rows, in order, and try again at the next tick.
      this.queue = batch.concat(this.queue);
      const excess = this.queue.length - this.options.maxHeld;
      if (excess > 0) {
        this.queue.splice(0, excess);
        this.onError(new Error(`the database stayed locked while ${this.options.maxHeld} rows waited`), excess);
      }
      this.timer = this.tick();
    } catch (error) {
      // The database refused (disk full, locked for longer than busy_timeout): the rows are dropped rather than
      // kept growing in memory; the caller logs why.
      this.onError(error, batch.length);
    }
  }

  private tick(): NodeJS.Timeout {
    const timer = setTimeout(() => this.writeWhenFree(), this.options.flushAfterMs);
    timer.unref();
    return timer;
  }
}
