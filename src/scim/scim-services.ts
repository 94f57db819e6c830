import type { Clock } from "../clock.js";
import type { Db } from "../db/open.js";
import type { Logger } from "../logging/logger.js";
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
  readonly requestLog: RequestLog;
  readonly importLog: ImportLog;
  readonly refused: RefusedRequests;
  /** Commits the buffered request-log and import rows now (tests, before reading the tables). */
  flush(): void;
  /** Flushes (and logs the refused-request summaries); call on shutdown before closing the database. */
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
}

export function createScimServices(options: ScimServiceOptions): ScimServices {
  const { db, clock, logger } = options;
  const writes = new DeferredWrites(db.sqlite, (error, dropped) =>
    logger.error({ err: error, dropped }, "could not write the SCIM request log; these rows are lost"),
  );
  const refused = new RefusedRequests(logger, clock, options.refusalLimits ?? DEFAULT_REFUSAL_LIMITS);
  return {
    scans: new ScanRegistry(clock, options.scanLimits ?? DEFAULT_SCAN_LIMITS),
    credentials: new CredentialVerifier(db.sqlite, clock),
    throttle: new FailedAuthThrottle(clock, options.throttleLimits ?? DEFAULT_THROTTLE_LIMITS),
    generations: new GenerationCache(db.sqlite),
    statements: new StatementCache(db.sqlite),
    requestLog: new RequestLog(writes, clock, options.retention ?? DEFAULT_RETENTION),
    importLog: new ImportLog(writes, clock, logger),
    refused,
    flush: () => writes.flush(),
    close: () => {
      refused.flush();
      writes.close();
    },
  };
}
