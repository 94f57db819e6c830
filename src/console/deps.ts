import type { Clock } from "../clock.js";
import type { ConnectorConfig } from "../config/types.js";
import type { ConnectorRegistry } from "../connectors/registry.js";
import type { Admin } from "../admins/admin-store.js";
import type { Db } from "../db/open.js";
import type { Logger } from "../logging/logger.js";
import type { Reader } from "../reader/reader-thread.js";
import type { LogStore } from "../logging/log-store.js";
import type { RequestOrigin } from "../server/request-origin.js";
import type { HrSource } from "../sources/types.js";
import type { PreviewReport } from "../sync/preview/preview-types.js";
import type { NextRuns } from "../sync/scheduler.js";
import type { SyncService } from "../sync/sync-service.js";
import type { SignInAudit } from "./auth/sign-in-audit.js";
import type { Language } from "./i18n/language.js";
import type { PendingConsents } from "./oauth-consent/pending-consents.js";
import type { ScimConsole } from "./scim-console.js";

/** Everything the console needs from the rest of the gateway; main.ts (or a test harness) wires it. */
export interface ConsoleDeps {
  readonly db: Db;
  readonly logger: Logger;
  readonly clock: Clock;
  /** The URL Okta and browsers use (no trailing slash): the Okta setup page builds the SCIM Base URL from it. */
  readonly publicUrl: string | (() => string);
  readonly registry: ConnectorRegistry;
  readonly sync: Pick<
    SyncService,
    "runNow" | "isRunning" | "progress" | "approve" | "reject" | "dryRunApiSwitch" | "decideHolds"
  >;
  /** Next scheduled runs of a connector (Scheduler.nextRuns). */
  readonly nextRuns: (connectorId: string) => NextRuns | undefined;
  /** Called after a connector was created, changed or deleted in the console (re-schedule, re-read SCIM credentials). */
  readonly connectorsChanged: () => void;
  /**
   * Makes and stores a preview of a connector's next run (sync/preview/create-preview.ts), in a sync process in the
   * gateway; fails with SyncError.
   */
  readonly preview: (
    connectorId: string,
    by: string,
    signal?: AbortSignal,
  ) => Promise<{ id: number; report: PreviewReport }>;
  /** A source for "Test connection"; the same factory the sync uses. */
  readonly sourceFactory: (connector: ConnectorConfig) => HrSource;
  /**
   * The console's reader thread (src/reader/): reads that take seconds at 50,000 people (a stored preview's page and
   * downloads) run there, not on the serving thread. Fails with ReaderRefused when busy.
   */
  readonly reader: Reader;
  /** What the console shows and does about the SCIM side: credentials, request log, Okta imports seen. */
  readonly scim: ScimConsole;
  /** The application log the Log page reads (the same store the logger writes into). */
  readonly logStore: LogStore;
  /** Client address (throttling, audit) and https detection (Secure cookies), trusted-proxy aware. */
  readonly origin: RequestOrigin;
  /**
   * "Connect to Nmbrs" / "Connect to Loket" flows in progress, shared with the OAuth callbacks the gateway mounts;
   * made here when absent.
   */
  readonly consents?: PendingConsents;
  /**
   * The audit of refused and failed sign-ins, bounded under a flood; made by the gateway, which writes the sums of
   * ended intervals on a timer and the open ones when it stops.
   */
  readonly signInAudit: SignInAudit;
  /** Counts sign-in attempts by outcome (the gateway's metrics). */
  readonly countLogin: (result: LoginResult) => void;
  /** Session lifetimes; defaults suit an admin console (30 minutes idle, 12 hours at most). */
  readonly sessions?: { readonly idleMinutes?: number; readonly absoluteHours?: number };
}

/** The outcome of a sign-in attempt: refused by the throttle before the password was checked, or checked. */
export type LoginResult = "succeeded" | "failed" | "throttled";

/** Hono's typed context for console routes. */
export interface ConsoleEnv {
  Variables: {
    admin: Admin | null;
    /** Hash of the session id (to end the session at logout). */
    sessionIdHash: string | null;
    /** The CSRF token forms and htmx requests must send back. */
    csrfToken: string;
    /** Set by a route whose body was cleaned of known secrets where it was made (a reader thread): see secret-free-pages.ts. */
    cleanedOfSecrets: boolean;
    /** The language pages are written in (i18n/language-middleware.ts). */
    language: Language;
  };
}
