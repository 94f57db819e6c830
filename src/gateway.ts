import { youforceStartupWarnings } from "./config/youforce-quota.js";
import { Hono, type Context } from "hono";
import { customAttributesOf } from "./mapping/connector-mapping.js";
import { systemClock, type Clock } from "./clock.js";
import type { Config } from "./config/types.js";
import type { ConnectorRegistry } from "./connectors/registry.js";
import { recordAudit } from "./audit/audit-store.js";
import { SignInAudit } from "./console/auth/sign-in-audit.js";
import { PendingConsents } from "./console/oauth-consent/pending-consents.js";
import { createScimConsole } from "./console/scim-console.js";
import { openDatabase, type Db } from "./db/open.js";
import type { KeyedForecast } from "./forecast/next-import.js";
import { createLogger, type Logger } from "./logging/logger.js";
import { LogStore } from "./logging/log-store.js";
import { createGatewayMetrics } from "./metrics/gateway-metrics.js";
import { metricsPlacement, metricsRoutes } from "./metrics/metrics-routes.js";
import { Notifier } from "./notify/notifier.js";
import { createReader, type ReaderLimits } from "./reader/reader-thread.js";
import { createScimApp, scimHandler } from "./scim/app.js";
import { syncConfiguredCredentials } from "./scim/auth/credential-store.js";
import { SCIM_MOUNT_PATH } from "./scim/scim-env.js";
import { createScimServices, type ScimServices } from "./scim/scim-services.js";
import { builtAtFirstRequest } from "./server/built-at-first-request.js";
import { healthRoutes } from "./server/health-routes.js";
import { startHttpServer, type RunningServer } from "./server/http-server.js";
import { requestOrigin, type RequestOrigin } from "./server/request-origin.js";
import { Scheduler } from "./sync/scheduler.js";
import { createPreview, unknownConnector } from "./sync/preview/create-preview.js";
import type { SyncService } from "./sync/sync-service.js";
import { createSyncService, wireFromConfig } from "./wiring.js";
import { approveInProcess, dryRunInProcess, previewInProcess, syncInProcess } from "./sync/process/sync-process.js";

/**
 * A forecast takes seconds at 100,000 users (more on a busy machine); two admins may ask at once. Only admins can,
 * so it runs at normal priority: with two cores it then has one of its own.
 */
const CONSOLE_READER_LIMITS: ReaderLimits = { timeLimitMs: 60_000, maxWaiting: 2, background: false };

export interface GatewayOptions {
  readonly config: Config;
  readonly clock?: Clock;
  /** Replaces the trusted-proxy logic (tests of the Secure cookie flag behind an https proxy). */
  readonly origin?: Partial<RequestOrigin>;
  readonly sessions?: { idleMinutes?: number; absoluteHours?: number };
  /** stdout log level override (tests: "silent"); the console's log store always keeps debug lines. */
  readonly stdoutLevel?: string;
  /** Start the cron scheduler (default true). Tests that drive runs themselves turn it off. */
  readonly schedule?: boolean;
  /** Tests only: the module the sync processes run (SyncThreadDeps.childModule); default sync-child itself. */
  readonly syncChildModule?: string;
}

export interface Gateway {
  readonly url: string;
  readonly config: Config;
  readonly db: Db;
  readonly logger: Logger;
  readonly registry: ConnectorRegistry;
  readonly sync: SyncService;
  readonly scim: ScimServices;
  readonly scheduler: Scheduler;
  readonly logStore: LogStore;
  /** Where /metrics is served on its own listener ([metrics] listen), else null. */
  readonly metricsUrl: string | null;
  /** Graceful stop: no new requests or runs, in-flight requests finish, a running sync is aborted and recorded. */
  close(): Promise<void>;
}

/**
 * The whole appliance in one process: database → registry → SCIM services → sync → scheduler → HTTP (health,
 * SCIM API, console). Wiring only; every decision lives in the modules it connects.
 */
export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const { config } = options;
  const clock = options.clock ?? systemClock;
  const db = openDatabase(config.storage.path);
  const logStore = new LogStore(db.sqlite);
  const stdoutLevel = options.stdoutLevel ?? config.log.level;
  const logger = createLogger({
    level: stdoutLevel,
    also: { stream: logStore.stream, level: "debug" },
  });
  const wiring = wireFromConfig(config, { db, clock, logger });
  const { registry, secretsKey } = wiring;
  for (const connector of config.connectors) {
    // Allowed for simulators on this machine (the AFAS spec §3); anywhere else the token travels in clear.
    if (connector.afas?.baseUrl.startsWith("http:"))
      logger.warn({ connector: connector.settings.id }, "afas.base_url uses http: the AFAS token is sent unencrypted");
    if (connector.loket?.apiUrl.startsWith("http:") || connector.loket?.oauthUrl.startsWith("http:"))
      logger.warn(
        { connector: connector.settings.id },
        "loket URLs use http: tokens and the client secret travel unencrypted",
      );
    for (const warning of youforceStartupWarnings(connector))
      logger.warn({ connector: connector.settings.id }, warning);
    const { added, revoked } = await syncConfiguredCredentials(
      db.sqlite,
      connector.settings.id,
      connector.scim,
      clock(),
    );
    if (added + revoked > 0) {
      logger.info({ connector: connector.settings.id, added, revoked }, "SCIM credentials from config.toml updated");
      const detail = `SCIM credentials from config.toml: ${added} added, ${revoked} revoked`;
      recordAudit(
        db.sqlite,
        {
          action: "config_credentials",
          actor: "config.toml",
          address: null,
          connectorId: connector.settings.id,
          detail,
        },
        clock(),
      );
    }
  }

  // Without server.public_url the gateway is reached at its listening address, known once it listens (port 0 in tests).
  let listeningUrl = "";
  const publicUrl = () => config.server.publicUrl ?? listeningUrl;
  const scim = createScimServices({ db, clock, logger });
  // The console's own reader thread (src/reader/): the forecast of Okta's next import and a stored preview's page and
  // downloads take seconds at 100,000 users and must not wait behind, or hold up, Okta's expensive filters on the
  // SCIM reader.
  const consoleReader = createReader(db.sqlite, CONSOLE_READER_LIMITS, logger);
  const scimConsole = createScimConsole(db.sqlite, clock, scim, consoleReader);
  // Runs, previews, dry runs and approvals go to sync processes (sync/process/), except with an in-memory database
  // (another process cannot open it). A test's clock goes along as each job's fixed instant
  // (SyncThreadDeps.testClock), so those tests take the path production takes.
  const threadDeps = {
    databasePath: config.storage.path,
    secretsKey,
    logger,
    sqlite: db.sqlite,
    clock,
    onForecast: (connectorId: string, keyed: KeyedForecast) => scimConsole.rememberForecast(connectorId, keyed),
    ...(options.clock ? { testClock: options.clock } : {}),
    ...(options.syncChildModule ? { childModule: options.syncChildModule } : {}),
  };
  const threads =
    config.storage.path === ":memory:"
      ? null
      : {
          runner: syncInProcess(threadDeps),
          dryRunner: dryRunInProcess(threadDeps),
          approver: approveInProcess(threadDeps),
          preview: previewInProcess(threadDeps),
        };
  const preview = (connectorId: string, by: string, signal?: AbortSignal) => {
    if (!threads) return createPreview(wiring.previewDeps, connectorId, by, signal);
    const connector = registry.resolve(connectorId);
    return connector ? threads.preview(connector, by, signal) : Promise.reject(unknownConnector(connectorId));
  };
  const notifier = new Notifier({ smtp: config.smtp, logger });
  const sync = createSyncService(wiring, {
    logger,
    notifier,
    publicUrl,
    // Only live connectors run: a detached one keeps its people but is not synced.
    connector: (id) => {
      const record = registry.get(id);
      return record && registry.isLive(record) ? registry.resolve(id) : undefined;
    },
    // Flush first: pruning keeps what Okta's latest complete import saw, and that row may still sit in the buffer.
    oldestPinnedGeneration: (id) => {
      scim.flush();
      return scim.scans.oldestPinnedGeneration(id);
    },
    ...(threads ? { runner: threads.runner, dryRunner: threads.dryRunner, approver: threads.approver } : {}),
  });
  sync.recoverInterruptedRuns();
  const metrics = createGatewayMetrics({ sqlite: db.sqlite, sync });
  const placement = metricsPlacement(config.metrics);

  const scheduler = new Scheduler({ run: (id, trigger) => sync.runNow(id, trigger), logger });
  const liveConnectors = () =>
    registry
      .list()
      .filter((record) => registry.isLive(record))
      .map((record) => record.settings);
  const reschedule = () => {
    if (options.schedule !== false) scheduler.schedule(liveConnectors());
  };
  reschedule();

  const origin: RequestOrigin = { ...requestOrigin(config.server.trustedProxies), ...options.origin };
  const scimApp = createScimApp({
    db,
    logger,
    clock,
    publicUrl,
    services: scim,
    clientAddress: (c: Context) => origin.clientAddress(c),
    isServed: (id) => registry.isLiveById(id),
    customAttributes: (id) => customAttributesOf(registry.resolve(id)?.settings.mapping),
    logSuccessfulRequests: stdoutLevel === "debug" || stdoutLevel === "trace",
  });
  const consents = new PendingConsents(clock);
  const signInAudit = new SignInAudit({ audit: (entry, at) => recordAudit(db.sqlite, entry, at) });
  // Sums of refused and failed sign-ins are written when their interval ends, also when no further attempt comes.
  const signInAuditFlush = setInterval(() => {
    try {
      signInAudit.flush(clock());
    } catch (error) {
      // A timer has no caller to fail: a busy or full database costs these counts (metrics keep them), not the process.
      logger.warn({ err: (error as Error).message }, "console: sign-ins could not be summed in the audit trail");
    }
  }, 60_000);
  signInAuditFlush.unref();
  const root = new Hono();
  root.route("/", healthRoutes(db));
  // Not route(): the SCIM app matches paths case-insensitively itself (Postman lowercases them).
  root.all(`${SCIM_MOUNT_PATH}/*`, metrics.scimRequests, scimHandler(scimApp));
  if (placement === "main-with-token") root.route("/", metricsRoutes(metrics, config.metrics.token));
  // The dashboard shows the forecast of Okta's next import only while it is current, so it is worked out after each
  // applied run (the moment it changes; seconds at 100,000 users, right after a run that took longer). A sync process
  // makes it itself; a run on this thread leaves it to the console's reader thread.
  if (!threads) {
    sync.on("finished", (outcome) => {
      if (outcome.status !== "succeeded") return;
      setImmediate(() => {
        if (closing || !db.sqlite.open) return; // the run finished during shutdown
        scimConsole.nextImportForecast(outcome.connectorId).catch((error: unknown) => {
          if (closing) return;
          logger.warn(
            { connector: outcome.connectorId, err: (error as Error).message },
            "the forecast of the next Okta import could not be computed",
          );
        });
      });
    });
  }
  // The console and the OAuth callbacks are imported at their first request: most of the time nobody but Okta asks
  // the gateway anything, and their pages, words and HR source clients were a large part of its idle memory
  // (BENCHMARKS.md, "The gateway's idle memory").
  root.all(
    "*",
    builtAtFirstRequest(async () =>
      (await import("./console/console-routes.js")).consoleRoutes({
        db,
        logger,
        clock,
        publicUrl,
        registry,
        sync,
        nextRuns: (id) => scheduler.nextRuns(id),
        connectorsChanged: reschedule,
        sourceFactory: wiring.sourceFor,
        preview,
        reader: consoleReader,
        scim: scimConsole,
        logStore,
        origin,
        consents,
        signInAudit,
        countLogin: (result) => metrics.countLogin(result),
        ...(options.sessions ? { sessions: options.sessions } : {}),
      }),
    ),
  );

  let server: RunningServer;
  let metricsServer: RunningServer | null = null;
  try {
    server = await startHttpServer(root, config.server.host, config.server.port);
    listeningUrl = server.url.replace("://0.0.0.0:", "://127.0.0.1:");
    if (placement === "own-listener") {
      metricsServer = await startHttpServer(
        metricsRoutes(metrics, config.metrics.token),
        config.metrics.host!,
        config.metrics.port!,
      ).catch(async (error: unknown) => {
        await server.close(0);
        throw error;
      });
    }
  } catch (error) {
    clearInterval(signInAuditFlush);
    metrics.close();
    scheduler.stop();
    consoleReader.close();
    scim.close();
    logStore.close();
    db.close();
    throw error;
  }
  logger.info(
    {
      listen: server.url,
      publicUrl: publicUrl(),
      connectors: liveConnectors().map((c) => c.id),
      config: config.source ?? "(defaults)",
    },
    "HR Gateway listening",
  );

  let closing: Promise<void> | null = null;
  return {
    url: server.url,
    config,
    db,
    logger,
    registry,
    sync,
    scim,
    scheduler,
    logStore,
    metricsUrl: metricsServer?.url ?? null,
    close() {
      closing ??= (async () => {
        scheduler.stop();
        // Stop accepting first, then abort the sync so its failure is recorded while the database is open.
        const serverClosed = server.close(8000);
        await sync.close();
        await serverClosed;
        await metricsServer?.close(0);
        metrics.close();
        consoleReader.close();
        clearInterval(signInAuditFlush);
        signInAudit.flush(clock(), true);
        scim.close();
        logger.info("HR Gateway stopped");
        logStore.close();
        db.close();
      })();
      return closing;
    },
  };
}
