import { and, asc, desc, eq, gt, gte, lt, lte, or, type SQL, sql } from "drizzle-orm";
import type { Clock } from "../../clock.js";
import { drizzleOf, type Sqlite } from "../../db/open.js";
import { scimRequestLog } from "../../db/schema.js";
import { knownSecrets } from "../../secrets/known-secrets.js";
import type { DeferredWrites } from "./deferred-writes.js";

export interface RequestLogEntry {
  readonly at: Date;
  readonly requestId: string;
  readonly connectorId: string | null;
  readonly method: string;
  readonly path: string;
  readonly query: string | null;
  readonly status: number;
  readonly durationMs: number;
  readonly resultCount: number | null;
  readonly totalResults: number | null;
  readonly credentialId: number | null;
  readonly clientAddress: string | null;
  readonly userAgent: string | null;
  readonly error: string | null;
}

export interface RequestLogRetention {
  readonly maxRows: number;
  readonly maxAgeDays: number;
}

export const DEFAULT_RETENTION: RequestLogRetention = { maxRows: 10_000, maxAgeDays: 14 };

export interface RequestLogQuery {
  readonly connectorId?: string;
  /** Found in the path, the query string or the error, whatever the case. */
  readonly text?: string;
  readonly from?: string;
  readonly to?: string;
  /** Only failed requests (status >= 400). */
  readonly errorsOnly?: boolean;
  readonly afterId?: number;
  readonly beforeId?: number;
  readonly limit: number;
}

/** A request as recorded (never headers or credentials). */
export interface LoggedRequest {
  readonly id: number;
  readonly at: string;
  readonly connectorId: string | null;
  readonly method: string;
  readonly path: string;
  readonly query: string | null;
  readonly status: number;
  readonly durationMs: number;
  readonly resultCount: number | null;
  readonly totalResults: number | null;
  readonly error: string | null;
  readonly userAgent: string | null;
}

/** Newest first, walking the primary key (or scim_request_log_by_connector) backwards. */
export function searchRequests(sqlite: Sqlite, query: RequestLogQuery): LoggedRequest[] {
  const log = scimRequestLog;
  const where: (SQL | undefined)[] = [];
  if (query.connectorId) where.push(eq(log.connectorId, query.connectorId));
  if (query.text) {
    const text = query.text.toLowerCase();
    const contains = (column: SQL) => sql`instr(lower(${column}), ${text}) > 0`;
    where.push(
      or(
        contains(sql`${log.path}`),
        contains(sql`coalesce(${log.query}, '')`),
        contains(sql`coalesce(${log.error}, '')`),
      ),
    );
  }
  if (query.from) where.push(gte(log.at, query.from));
  if (query.to) where.push(lte(log.at, query.to));
  if (query.errorsOnly) where.push(gte(log.status, 400));
  if (query.afterId !== undefined) where.push(gt(log.id, query.afterId));
  if (query.beforeId !== undefined) where.push(lt(log.id, query.beforeId));
  const { id, at, connectorId, method, path, status, durationMs, resultCount, totalResults, error, userAgent } = log;
  return drizzleOf(sqlite)
    .select({
      id,
      at,
      connectorId,
      method,
      path,
      query: log.query,
      status,
      durationMs,
      resultCount,
      totalResults,
      error,
      userAgent,
    })
    .from(log)
    .where(and(...where))
    .orderBy(desc(log.id))
    .limit(query.limit)
    .all();
}

/** A request in which Okta asked for one person: by id, or with a filter naming their userName. */
export interface PersonLookup {
  readonly at: string;
  readonly method: string;
  readonly path: string;
  readonly query: string | null;
  readonly status: number;
  readonly clientAddress: string | null;
}

/** Oldest first (scim_request_log_by_connector; at most the rows the log keeps). */
export function personLookups(
  sqlite: Sqlite,
  connectorId: string,
  scimId: string,
  userName: string | null,
): PersonLookup[] {
  const log = scimRequestLog;
  // The log keeps the query as sent, form-encoded ("filter=userName+eq+%22jan%40acme.nl%22").
  const encoded = userName === null ? null : new URLSearchParams({ u: userName }).toString().slice(2).toLowerCase();
  const { at, method, path, status, clientAddress } = log;
  return drizzleOf(sqlite)
    .select({ at, method, path, query: log.query, status, clientAddress })
    .from(log)
    .where(
      and(
        eq(log.connectorId, connectorId),
        or(
          sql`${log.path} LIKE '%/' || ${scimId}`,
          encoded === null ? undefined : sql`instr(lower(coalesce(${log.query}, '')), ${encoded}) > 0`,
        ),
      ),
    )
    .orderBy(asc(log.id))
    .all();
}

// Written on the SCIM request path, batched by DeferredWrites: hand-written statements, like the other hot paths.
const INSERT = `INSERT INTO scim_request_log (at, request_id, connector_id, method, path, query, status, duration_ms,
  result_count, total_results, credential_id, client_address, user_agent, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
// Rows are inserted in time order, so the newest N are the highest ids; `at` has its own index for the age limit.
const PRUNE = "DELETE FROM scim_request_log WHERE id <= (SELECT max(id) FROM scim_request_log) - ? OR at < ?";
const PRUNE_EVERY = 500;

/** The console's "SCIM request log": every request, kept within a row and an age limit. */
export class RequestLog {
  private sincePrune = 0;

  constructor(
    private readonly writes: DeferredWrites,
    private readonly clock: Clock,
    private readonly retention: RequestLogRetention = DEFAULT_RETENTION,
  ) {}

  /** Path, query, user agent and error are the client's text: a client may quote a secret in them (a known one goes). */
  record(entry: RequestLogEntry): void {
    this.writes.add(INSERT, [
      entry.at.toISOString(),
      entry.requestId,
      entry.connectorId,
      entry.method,
      knownSecrets.redactMaybe(entry.path),
      knownSecrets.redactMaybe(entry.query),
      entry.status,
      entry.durationMs,
      entry.resultCount,
      entry.totalResults,
      entry.credentialId,
      entry.clientAddress,
      knownSecrets.redactMaybe(entry.userAgent),
      knownSecrets.redactMaybe(entry.error),
    ]);
    this.sincePrune += 1;
    if (this.sincePrune >= PRUNE_EVERY) {
      this.sincePrune = 0;
      const oldest = new Date(this.clock().getTime() - this.retention.maxAgeDays * 86_400_000);
      this.writes.add(PRUNE, [this.retention.maxRows, oldest.toISOString()]);
    }
  }
}
