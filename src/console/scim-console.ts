import type { Clock } from "../clock.js";
import type { Sqlite } from "../db/open.js";
import {
  type CredentialShown,
  credentialsShown,
  issueCredential,
  type NewCredential,
  revokeOtherConsoleCredentials,
} from "../scim/auth/credential-store.js";
import { recordOktaLinks } from "../directory/okta-last-import.js";
import { forecastKey, type KeyedForecast, type NextImportForecast } from "../forecast/next-import.js";
import type { Reader } from "../reader/reader-thread.js";
import { scimClientKind, type ScimClientKind } from "../scim/observe/client-kind.js";
import { lastUserImport, type OktaImportSeen } from "../scim/observe/import-log.js";
import { type RequestLogQuery, searchRequests } from "../scim/observe/request-log.js";

/**
 * What the console shows and does on the SCIM side. The console only reads and triggers; the rules (how a
 * credential is hashed and checked, what counts as an Okta import) live in src/scim/.
 */
export type ScimScheme = "basic" | "bearer";

export type ScimCredentialInfo = CredentialShown;
export type ScimRequestQuery = RequestLogQuery;
export type { OktaImportSeen };

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
  /** Keeps a forecast made elsewhere (the sync process, right after its run) as if {@link nextImportForecast} had. */
  rememberForecast(connectorId: string, keyed: KeyedForecast): void;
  /**
   * The last forecast computed, while it is still current (same served generation, same last Okta import); null
   * otherwise. Cheap: the dashboard shows it without recomputing it, which takes seconds at scale (BENCHMARKS.md).
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
 * The console's view of the SCIM side, through the stores of its tables (scim/auth/credential-store.ts,
 * scim/observe/request-log.ts and import-log.ts).
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
      return credentialsShown(sqlite, connectorId);
    },

    async rotate(connectorId, scheme, username) {
      const now = clock();
      const request: NewCredential =
        scheme === "basic" ? { scheme, username: username ?? `okta-${connectorId}` } : { scheme };
      const issued = await issueCredential(sqlite, connectorId, request, now);
      revokeOtherConsoleCredentials(sqlite, connectorId, issued.id, now);
      // The verifier caches successful checks; without this the old secret would keep working until the cache expires.
      services.credentials.forget(connectorId);
      return issued.secret;
    },

    lastImport(connectorId) {
      services.flush();
      return lastUserImport(sqlite, connectorId);
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
      const rows = searchRequests(sqlite, query);
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
