import type { Sqlite } from "../db/open.js";
import { prepared } from "../db/statements.js";
import { writeIfFree } from "../db/write-if-free.js";
import { systemClock } from "../clock.js";

/** pino's level numbers, and the names the Log page filters by. */
export const LOG_LEVELS = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 } as const;
export type LogLevelName = keyof typeof LOG_LEVELS;

export function levelName(level: number): LogLevelName {
  const names = Object.keys(LOG_LEVELS) as LogLevelName[];
  return names.filter((name) => LOG_LEVELS[name] <= level).at(-1) ?? "trace";
}

export interface LogRecord {
  readonly id: number;
  readonly at: string;
  readonly level: number;
  readonly connectorId: string | null;
  readonly msg: string;
  /** The line's other fields as JSON text ("" when there are none). */
  readonly fields: string;
}

export interface LogQuery {
  /** Lines at or above this pino level. */
  readonly minLevel?: number;
  readonly connectorId?: string;
  /** Substring of the message or of the other fields. */
  readonly text?: string;
  /** ISO instants, inclusive. */
  readonly from?: string;
  readonly to?: string;
  /** Only lines newer than this id (the live tail asks for what came since its newest row). */
  readonly afterId?: number;
  /** Only lines older than this id (the "older" link). */
  readonly beforeId?: number;
  readonly limit: number;
}

export interface LogStoreOptions {
  /** Lines are written in one transaction at most this often. */
  readonly flushMs?: number;
  /** Lines written per transaction, so one flush never holds the event loop for long. */
  readonly batchSize?: number;
  /** Lines waiting beyond this are dropped (and counted in a warning line) rather than growing memory. */
  readonly maxPending?: number;
  readonly keepDays?: number;
  readonly keepRows?: number;
  readonly now?: () => Date;
}

// Fields every pino line has, kept in their own columns or not worth showing.
const OWN_COLUMNS = new Set(["level", "time", "msg", "connector", "service", "pid", "hostname"]);
// Request and response headers can hold credentials under names no redaction list knows; they are never stored.
const NEVER_STORED = new Set(["headers", "rawHeaders"]);
const PRUNE_EVERY_MS = 10 * 60_000;
const PRUNE_BATCH = 5_000;

/**
 * The console's log store: a pino destination that keeps every line (debug included) in the `app_log` table, so
 * an admin can read after the fact what a sync did. Lines are buffered and written in small batches on a timer,
 * never on the logging call itself; the table is kept to `keepDays` and `keepRows`, pruned in bounded steps.
 */
export class LogStore {
  private pending: LogRecordInput[] = [];
  private dropped = 0;
  private timer: NodeJS.Timeout | null = null;
  private lastPrune = 0;
  private closed = false;
  private readonly options: Required<LogStoreOptions>;

  /** Hand this to `createLogger({ also: { stream: store.stream, level: "debug" } })`. */
  readonly stream = { write: (line: string) => this.write(line) };

  constructor(
    private readonly sqlite: Sqlite,
    options: LogStoreOptions = {},
  ) {
    this.options = {
      flushMs: 250,
      batchSize: 500,
      maxPending: 20_000,
      keepDays: 14,
      keepRows: 200_000,
      now: systemClock,
      ...options,
    };
  }

  write(line: string): void {
    // A line logged after close (a late callback during shutdown) still went to stdout; the database is gone.
    if (this.closed) return;
    const record = parseLine(line, this.options.now);
    if (!record) return;
    if (this.pending.length >= this.options.maxPending) {
      this.dropped++;
      return;
    }
    this.pending.push(record);
    this.timer ??= setTimeout(() => this.flushSome(), this.options.flushMs);
  }

  /** Writes everything buffered now (tests, shutdown). */
  flush(): void {
    this.clearTimer();
    while (this.pending.length > 0 || this.dropped > 0) this.writeBatch();
  }

  /** Flushes and stops the timer; later lines are not stored. */
  close(): void {
    this.flush();
    this.closed = true;
  }

  /** Newest first. */
  query(query: LogQuery): LogRecord[] {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: string, ...values: unknown[]) => {
      where.push(clause);
      params.push(...values);
    };
    if (query.minLevel !== undefined) add("level >= ?", query.minLevel);
    if (query.connectorId) add("connector_id = ?", query.connectorId);
    if (query.text)
      add(
        "(instr(lower(msg), ?) > 0 OR instr(lower(fields), ?) > 0)",
        query.text.toLowerCase(),
        query.text.toLowerCase(),
      );
    if (query.from) add("at >= ?", query.from);
    if (query.to) add("at <= ?", query.to);
    if (query.afterId !== undefined) add("id > ?", query.afterId);
    if (query.beforeId !== undefined) add("id < ?", query.beforeId);
    // Ids grow with time, so "newest first" walks the primary key backwards (or app_log_by_connector/_by_level).
    const sql = `SELECT id, at, level, connector_id AS connectorId, msg, coalesce(fields, '') AS fields FROM app_log
      ${where.length > 0 ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY id DESC LIMIT ?`;
    return prepared(this.sqlite, sql).all(...params, query.limit) as LogRecord[];
  }

  /**
   * The timed write: never waits for the write lock (a sync's commit holds it for seconds, and the serving thread
   * would stand still meanwhile); locked, the lines stay pending for the next tick (db/write-if-free.ts).
   */
  private flushSome(): void {
    this.timer = null;
    const written = this.writeBatch((insert) => writeIfFree(this.sqlite, insert));
    if (this.pending.length > 0 || this.dropped > 0)
      this.timer = setTimeout(() => this.flushSome(), this.options.flushMs);
    const now = this.options.now().getTime();
    if (written && now - this.lastPrune >= PRUNE_EVERY_MS && writeIfFree(this.sqlite, () => this.prune()))
      this.lastPrune = now;
  }

  /** Writes the next batch; false when `commit` found the database locked (the batch is pending again). */
  private writeBatch(commit: (insert: () => void) => boolean = (insert) => this.waitingCommit(insert)): boolean {
    const batch = this.pending.splice(0, this.options.batchSize);
    if (this.dropped > 0 && this.pending.length === 0) {
      batch.push({
        at: this.options.now().toISOString(),
        level: LOG_LEVELS.warn,
        connectorId: null,
        msg: `log store: ${this.dropped} lines dropped (writing fell behind)`,
        fields: null,
      });
      this.dropped = 0;
    }
    if (batch.length === 0) return true;
    const insert = prepared(
      this.sqlite,
      "INSERT INTO app_log (at, level, connector_id, msg, fields) VALUES (@at, @level, @connectorId, @msg, @fields)",
    );
    if (commit(() => batch.forEach((record) => insert.run(record)))) return true;
    this.pending.unshift(...batch);
    return false;
  }

  /** Commits `insert`, waiting for the write lock up to the busy timeout (explicit flushes: tests, shutdown). */
  private waitingCommit(insert: () => void): boolean {
    this.sqlite.transaction(insert)();
    return true;
  }

  /** Deletes lines beyond the age and row limits, at most PRUNE_BATCH of each per call. */
  prune(): number {
    const cutoff = new Date(this.options.now().getTime() - this.options.keepDays * 86_400_000).toISOString();
    let deleted = prepared(
      this.sqlite,
      "DELETE FROM app_log WHERE id IN (SELECT id FROM app_log WHERE at < ? ORDER BY at LIMIT ?)",
    ).run(cutoff, PRUNE_BATCH).changes;
    const newest = prepared(this.sqlite, "SELECT max(id) FROM app_log").pluck().get() as number | null;
    if (newest !== null) {
      deleted += prepared(
        this.sqlite,
        "DELETE FROM app_log WHERE id IN (SELECT id FROM app_log WHERE id <= ? ORDER BY id LIMIT ?)",
      ).run(newest - this.options.keepRows, PRUNE_BATCH).changes;
    }
    return deleted;
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

interface LogRecordInput {
  readonly at: string;
  readonly level: number;
  readonly connectorId: string | null;
  readonly msg: string;
  readonly fields: string | null;
}

function parseLine(line: string, now: () => Date): LogRecordInput | null {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(line) as Record<string, unknown>;
  } catch {
    // Not a pino JSON line (should not happen); keep it as text rather than lose it.
    return line.trim()
      ? { at: now().toISOString(), level: LOG_LEVELS.info, connectorId: null, msg: line.trim(), fields: null }
      : null;
  }
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (!OWN_COLUMNS.has(key) && !NEVER_STORED.has(key)) rest[key] = withoutHeaders(value);
  }
  const level =
    typeof parsed.level === "number" ? parsed.level : (LOG_LEVELS[parsed.level as LogLevelName] ?? LOG_LEVELS.info);
  return {
    at:
      typeof parsed.time === "string"
        ? parsed.time
        : typeof parsed.time === "number"
          ? new Date(parsed.time).toISOString()
          : now().toISOString(),
    level,
    connectorId: typeof parsed.connector === "string" ? parsed.connector : null,
    msg: typeof parsed.msg === "string" ? parsed.msg : "",
    fields: Object.keys(rest).length > 0 ? JSON.stringify(rest) : null,
  };
}

function withoutHeaders(value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const kept: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (!NEVER_STORED.has(key)) kept[key] = withoutHeaders(inner);
  }
  return kept;
}
