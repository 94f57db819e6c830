import type { Clock } from "../clock.js";
import type { Db } from "../db/open.js";
import type { Logger } from "../logging/logger.js";
import { createReader, type Reader, type ReaderLimits } from "../reader/reader-thread.js";
import { CredentialVerifier } from "./auth/credential-verifier.js";
import { DEFAULT_THROTTLE_LIMITS, FailedAuthThrottle, type ThrottleLimits } from "./auth/failed-auth-throttle.js";
import { GenerationCache } from "./list/generation-cache.js";
import { DEFAULT_SCAN_LIMITS, ScanRegistry, type ScanLimits } from "./list/scan-registry.js";
import { StatementCache } from "./list/statement-cache.js";
import { DeferredWrites } from "./observe/deferred-writes.js";
import { ImportLog } from "./observe/import-log.js";
import { DEFAULT_REFUSAL_LIMITS, RefusedRequests, type RefusalSummaryLimits } from "./observe/refused-requests.js";
import { DEFAULT_RETENTION, RequestLog, type RequestLogRetention } from "./observe/request-log.js";

/**
 * The SCIM side's process-wide state, made once at start-up. The lead hands `scans` to the sync service (it asks
 * `oldestPinnedGeneration` before pruning) and `credentials` to the console (it calls `forget` after a rotation).
 */
export interface ScimServices {
  readonly scans: ScanRegistry;
  readonly credentials: CredentialVerifier;
  readonly throttle: FailedAuthThrottle;
  readonly generations: GenerationCache;
  readonly statements: StatementCache;
  /** Where list pages that no index answers are read, off the serving thread (src/reader/). */
  readonly reader: Reader;
  readonly requestLog: RequestLog;
  readonly importLog: ImportLog;
  readonly refused: RefusedRequests;
  /** Commits the buffered request-log and import rows now (tests, before reading the tables). */
  flush(): void;
  /** Flushes (and logs the refused-request summaries) and ends the reader thread; call on shutdown before closing the database. */
  close(): void;
}

export interface ScimServiceOptions {
  readonly db: Db;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly scanLimits?: ScanLimits;
  readonly throttleLimits?: ThrottleLimits;
  readonly retention?: RequestLogRetention;
  readonly refusalLimits?: RefusalSummaryLimits;
  readonly readerLimits?: ReaderLimits;
}

/**
 * An expensive list page may take this long, waiting included, before Okta gets 503 + Retry-After; a filter this
 * slow is not Okta's (its lookups seek an index and stay on the serving thread). Four may wait behind the running
 * one: three clients' worth of retries, not a queue an attacker can fill for minutes.
 */
export const DEFAULT_READER_LIMITS: ReaderLimits = { timeLimitMs: 10_000, maxWaiting: 4, background: true };

export function createScimServices(options: ScimServiceOptions): ScimServices {
  const { db, clock, logger } = options;
  const writes = new DeferredWrites(db.sqlite, (error, dropped) =>
    logger.error({ err: error, dropped }, "could not write the SCIM request log; these rows are lost"),
  );
  const refused = new RefusedRequests(logger, clock, options.refusalLimits ?? DEFAULT_REFUSAL_LIMITS);
  const reader = createReader(db.sqlite, options.readerLimits ?? DEFAULT_READER_LIMITS, logger);
  return {
    scans: new ScanRegistry(clock, options.scanLimits ?? DEFAULT_SCAN_LIMITS),
    credentials: new CredentialVerifier(db.sqlite, clock),
    throttle: new FailedAuthThrottle(clock, options.throttleLimits ?? DEFAULT_THROTTLE_LIMITS),
    generations: new GenerationCache(db.sqlite),
    statements: new StatementCache(db.sqlite),
    reader,
    requestLog: new RequestLog(writes, clock, options.retention ?? DEFAULT_RETENTION),
    importLog: new ImportLog(writes, clock, logger),
    refused,
    flush: () => writes.flush(),
    close: () => {
      refused.flush();
      reader.close();
      writes.close();
    },
  };
}
