import type { Clock } from "../../clock.js";
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
