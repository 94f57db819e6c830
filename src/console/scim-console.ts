import type { Clock } from "../clock.js";
import type { Sqlite } from "../db/open.js";
import { prepared } from "../db/statements.js";
import {
  activeCredentials,
  issueCredential,
  revokeCredential,
  type NewCredential,
} from "../scim/auth/credential-store.js";
import { recordOktaLinks } from "../directory/okta-last-import.js";
import { forecastKey, type KeyedForecast, type NextImportForecast } from "../forecast/next-import.js";
import type { Reader } from "../reader/reader-thread.js";
import { scimClientKind, type ScimClientKind } from "../scim/observe/client-kind.js";

/**
 * What the console shows and does on the SCIM side. The console only reads and triggers; the rules (how a
 * credential is hashed and checked, what counts as an Okta import) live in src/scim/.
 */
export type ScimScheme = "basic" | "bearer";

export interface ScimCredentialInfo {
  readonly scheme: ScimScheme;
  readonly username: string | null;
  readonly origin: "file" | "console";
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
}

/** The last full user import Okta made from a connector, as the SCIM side observed it. */
export interface OktaImportSeen {
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly pages: number;
  readonly usersServed: number;
}

export interface ScimRequestRecord {
  readonly id: number;
  readonly at: string;
  readonly connectorId: string | null;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly durationMs: number;
  /** Okta's own client, or another one (an admin's script, a test tool): only Okta's scans count as its import. */
  readonly client: ScimClientKind;
  readonly userAgent: string | null;
  /** Anything else the SCIM side recorded (result count, error detail); never headers or credentials. */
  readonly detail: string | null;
}

export interface ScimRequestQuery {
  readonly connectorId?: string;
  readonly text?: string;
  readonly from?: string;
  readonly to?: string;
  /** Only failed requests (status >= 400). */
  readonly errorsOnly?: boolean;
  readonly afterId?: number;
  readonly beforeId?: number;
  readonly limit: number;
}

export interface ScimConsole {
  /** The credentials Okta may use now (not revoked). */
  credentials(connectorId: string): ScimCredentialInfo[];
  /**
   * Issues a new credential and revokes the connector's previous console-made credentials, so the old secret stops
   * working at once. Returns the secret: the only time it exists in clear.
   */
  rotate(connectorId: string, scheme: ScimScheme, username: string | null): Promise<string>;
  lastImport(connectorId: string): OktaImportSeen | null;
  /**
   * What Okta's next user import will do, from what its latest complete import saw (src/forecast/): the last one
   * made while it is current, else made on the console's reader thread (it parses every served user twice). Fails
   * with ReaderRefused when the reader is too busy.
   */
  nextImportForecast(connectorId: string): Promise<NextImportForecast>;
  /** Keeps a forecast made elsewhere (the sync thread, right after its run) as if {@link nextImportForecast} had. */
  rememberForecast(connectorId: string, keyed: KeyedForecast): void;
  /**
   * The last forecast computed, while it is still current (same served generation, same last Okta import); null
   * otherwise. Cheap: the dashboard shows it without recomputing (~3 s at 100,000 users).
   */
  currentForecast(connectorId: string): NextImportForecast | null;
  /** Newest first. */
  requests(query: ScimRequestQuery): ScimRequestRecord[];
}

/** What the SCIM side hands the console: its verifier cache (forgotten after a rotation) and its log flush. */
export interface ScimConsoleServices {
  readonly credentials: { forget(connectorId: string): void };
  /** Commits buffered request-log and import rows, so the console reads what just happened. */
  flush(): void;
}

/**
 * The console's view of the SCIM tables (scim_credentials, scim_request_log, scim_imports; see
 * migrations/0002_scim.sql). Reads only, except a rotation, which goes through the SCIM side's own functions.
 */
export function createScimConsole(
  sqlite: Sqlite,
  clock: Clock,
  services: ScimConsoleServices,
  reader: Reader,
): ScimConsole {
  const forecasts = new Map<string, KeyedForecast>();
  const currentForecast = (connectorId: string) => {
    services.flush();
    const memo = forecasts.get(connectorId);
    return memo && memo.key === forecastKey(sqlite, connectorId) ? memo.forecast : null;
  };
  return {
    credentials(connectorId) {
      return prepared(
        sqlite,
        `SELECT scheme, username, origin, created_at AS createdAt, last_used_at AS lastUsedAt FROM scim_credentials
         WHERE connector_id = ? AND revoked_at IS NULL ORDER BY id`,
      ).all(connectorId) as ScimCredentialInfo[];
    },

    async rotate(connectorId, scheme, username) {
      const now = clock();
      const request: NewCredential =
        scheme === "basic" ? { scheme, username: username ?? `okta-${connectorId}` } : { scheme };
      const issued = await issueCredential(sqlite, connectorId, request, now);
      sqlite
        .transaction(() => {
          for (const credential of activeCredentials(sqlite, connectorId)) {
            if (credential.origin === "console" && credential.id !== issued.id)
              revokeCredential(sqlite, credential.id, now);
          }
        })
        .immediate();
      // The verifier caches successful checks; without this the old secret would keep working until the cache expires.
      services.credentials.forget(connectorId);
      return issued.secret;
    },

    lastImport(connectorId) {
      services.flush();
      // scim_imports_by_connector, newest first.
      return (
        (prepared(
          sqlite,
          `SELECT started_at AS startedAt, completed_at AS finishedAt, pages, resources_served AS usersServed FROM scim_imports
           WHERE connector_id = ? AND resource_type = 'User' AND kind = 'import' ORDER BY started_at DESC LIMIT 1`,
        ).get(connectorId) as OktaImportSeen | undefined) ?? null
      );
    },

    async nextImportForecast(connectorId) {
      const current = currentForecast(connectorId);
      if (current) return current;
      // The short write here; the long read on the reader thread, whose connection is read-only.
      recordOktaLinks(sqlite, connectorId);
      const keyed = await reader.run({ kind: "forecast", connectorId });
      forecasts.set(connectorId, keyed);
      return keyed.forecast;
    },

    rememberForecast(connectorId, keyed) {
      forecasts.set(connectorId, keyed);
    },

    currentForecast,

    requests(query) {
      services.flush();
      const where: string[] = [];
      const params: unknown[] = [];
      const add = (clause: string, ...values: unknown[]) => {
        where.push(clause);
        params.push(...values);
      };
      if (query.connectorId) add("connector_id = ?", query.connectorId);
      if (query.text) {
        const text = query.text.toLowerCase();
        add(
          "(instr(lower(path), ?) > 0 OR instr(lower(coalesce(query, '')), ?) > 0 OR instr(lower(coalesce(error, '')), ?) > 0)",
          text,
          text,
          text,
        );
      }
      if (query.from) add("at >= ?", query.from);
      if (query.to) add("at <= ?", query.to);
      if (query.errorsOnly) add("status >= 400");
      if (query.afterId !== undefined) add("id > ?", query.afterId);
      if (query.beforeId !== undefined) add("id < ?", query.beforeId);
      const rows = prepared(
        sqlite,
        `SELECT id, at, connector_id AS connectorId, method, path, query, status, duration_ms AS durationMs,
           result_count AS resultCount, total_results AS totalResults, error, user_agent AS userAgent
         FROM scim_request_log ${where.length > 0 ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY id DESC LIMIT ?`,
      ).all(...params, query.limit) as (Omit<ScimRequestRecord, "detail" | "client"> & {
        query: string | null;
        resultCount: number | null;
        totalResults: number | null;
        error: string | null;
      })[];
      return rows.map(({ query: listQuery, resultCount, totalResults, error, ...row }) => ({
        ...row,
        durationMs: Math.round(row.durationMs),
        client: scimClientKind(row.userAgent),
        detail:
          [
            listQuery ? `?${listQuery}` : null,
            resultCount !== null ? `${resultCount} results${totalResults !== null ? ` of ${totalResults}` : ""}` : null,
            error,
          ]
            .filter(Boolean)
            .join(" · ") || null,
      }));
    },
  };
}
