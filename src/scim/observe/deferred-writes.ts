import type { Sqlite } from "../../db/open.js";
import { prepared } from "../../db/statements.js";

interface QueuedWrite {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/**
 * Bookkeeping writes (request log, import records) collected and committed together, a few times a second: one
 * transaction for hundreds of rows instead of one fsync-bound commit per request, so that Okta's paging does not
 * wait for the log. Rows written in the last `flushAfterMs` are lost on a crash, which is acceptable for a log.
 */
export class DeferredWrites {
  private queue: QueuedWrite[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly sqlite: Sqlite,
    private readonly onError: (error: unknown, dropped: number) => void,
    private readonly options: { flushAfterMs: number; maxQueued: number } = { flushAfterMs: 250, maxQueued: 500 },
  ) {}

  add(sql: string, params: readonly unknown[]): void {
    this.queue.push({ sql, params });
    if (this.queue.length >= this.options.maxQueued) this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => this.flush(), this.options.flushAfterMs);
      this.timer.unref();
    }
  }

  /** Commits everything queued now (tests call this before reading the tables). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.queue;
    if (batch.length === 0) return;
    this.queue = [];
    try {
      this.sqlite.transaction(() => {
        for (const write of batch) prepared(this.sqlite, write.sql).run(...write.params);
      })();
    } catch (error) {
      // The database refused (disk full, locked for longer than busy_timeout): the rows are dropped rather than
      // kept growing in memory; the caller logs why.
      this.onError(error, batch.length);
    }
  }

  close(): void {
    this.flush();
  }
}
