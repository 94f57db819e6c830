import type { Sqlite } from "../db/open.js";
import {
  lastCompletedUserImport,
  oktaLinkedUsers,
  recordOktaLinks,
  userGenerationIntact,
  type CompletedImport,
} from "../directory/okta-last-import.js";
import { currentGeneration, pageAfter } from "../directory/read-generation.js";
import type { ScimResource } from "./okta-model/scim-resource.js";
import { OKTA_SAFEGUARD, type ImportSafeguard } from "./okta-model/user-import-rules.js";
import { forecastUserImport, type ImportForecast } from "./okta-forecast.js";

export type NextImportForecast =
  | { readonly kind: "no-import" }
  /** The users that import saw are no longer all stored (it predates the pin): wait for Okta's next import. */
  | { readonly kind: "baseline-gone"; readonly lastImport: CompletedImport }
  | {
      readonly kind: "ready";
      readonly lastImport: CompletedImport;
      readonly currentGeneration: number;
      readonly forecast: ImportForecast;
    };

/**
 * A forecast with the state it was made from: it stays current while the served generation and Okta's latest
 * complete import are the ones {@link forecastKey} named when it was made.
 */
export interface KeyedForecast {
  readonly key: string;
  readonly forecast: NextImportForecast;
}

/** Rows per read: big enough that the query overhead vanishes, small enough that only one page of JSON is held. */
const CHUNK = 1_000;

/**
 * The forecast of a connector's next Okta user import, from the users Okta has linked (okta_links), the generation
 * its latest complete import read (kept by pruneSuperseded) and the current one. One read transaction, so a sync committing from another process
 * (the CLI) cannot mix two generations into the answer.
 */
export function forecastNextImport(
  sqlite: Sqlite,
  connectorId: string,
  safeguard: ImportSafeguard = OKTA_SAFEGUARD,
): NextImportForecast {
  // A short write of its own first, so the long read below holds no write lock.
  recordOktaLinks(sqlite, connectorId);
  return readNextImportForecast(sqlite, connectorId, safeguard);
}

/**
 * The long read of {@link forecastNextImport}, once okta_links is up to date: it only reads, so it can run on a
 * read-only connection (the console's reader thread, src/reader/).
 */
export function readNextImportForecast(
  sqlite: Sqlite,
  connectorId: string,
  safeguard: ImportSafeguard = OKTA_SAFEGUARD,
): NextImportForecast {
  return sqlite.transaction((): NextImportForecast => {
    const lastImport = lastCompletedUserImport(sqlite, connectorId);
    if (!lastImport) return { kind: "no-import" };
    const current = currentGeneration(sqlite, connectorId);
    if (lastImport.generation > current || !userGenerationIntact(sqlite, connectorId, lastImport.generation)) {
      return { kind: "baseline-gone", lastImport };
    }
    const forecast = forecastUserImport(
      usersOf(sqlite, connectorId, lastImport.generation),
      usersOf(sqlite, connectorId, current),
      {
        linked: oktaLinkedUsers(sqlite, connectorId),
        safeguard,
      },
    );
    return { kind: "ready", lastImport, currentGeneration: current, forecast };
  })();
}

/**
 * The forecast with its key. The key is read first: if Okta completes an import meanwhile, the key is older than
 * the forecast, so the forecast counts as stale, never the other way round.
 */
export function keyedForecast(sqlite: Sqlite, connectorId: string): KeyedForecast {
  recordOktaLinks(sqlite, connectorId);
  return readKeyedForecast(sqlite, connectorId);
}

/** {@link keyedForecast} without its write: call recordOktaLinks first. */
export function readKeyedForecast(sqlite: Sqlite, connectorId: string): KeyedForecast {
  const key = forecastKey(sqlite, connectorId);
  return { key, forecast: readNextImportForecast(sqlite, connectorId) };
}

/** What a forecast depends on: the served generation and Okta's latest complete user import. */
export function forecastKey(sqlite: Sqlite, connectorId: string): string {
  const last = lastCompletedUserImport(sqlite, connectorId);
  return `${currentGeneration(sqlite, connectorId)} ${last ? `${last.generation} ${last.completedAt}` : "none"}`;
}

/** The users of generation `gen` as Okta reads them, parsed one chunk at a time (keyset paging, see pageAfter). */
function* usersOf(sqlite: Sqlite, connectorId: string, gen: number): Generator<ScimResource> {
  let afterSeq = 0;
  for (;;) {
    const rows = pageAfter(sqlite, connectorId, "User", gen, afterSeq, CHUNK);
    for (const row of rows) yield JSON.parse(row.body.toString("utf8")) as ScimResource;
    if (rows.length < CHUNK) return;
    afterSeq = rows[rows.length - 1]!.seq;
  }
}
