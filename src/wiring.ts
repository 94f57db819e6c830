import type { Clock } from "./clock.js";
import type { Config, ConnectorConfig } from "./config/types.js";
import { birthDateKeyOf } from "./connectors/birth-date-key.js";
import { createConsentReminders } from "./connectors/nmbrs-consent-reminders.js";
import { ConnectorRegistry } from "./connectors/registry.js";
import { sourceOnFirstCall } from "./connectors/source-on-first-call.js";
import type { Db } from "./db/open.js";
import type { Logger } from "./logging/logger.js";
import type { Notifier } from "./notify/notifier.js";
import { loadOrCreateKey, secretBoxFor } from "./secrets/key-file.js";
import type { HrSource } from "./sources/types.js";
import type { PreviewDeps } from "./sync/preview/create-preview.js";
import type { SyncContext } from "./sync/run-sync.js";
import { newScimId, SyncService, type SyncServiceDeps } from "./sync/sync-service.js";

export interface WiringDeps {
  readonly db: Db;
  /** The key that seals connector secrets (secrets/key-file.ts). */
  readonly secretsKey: Buffer;
  readonly clock: Clock;
  readonly logger: Logger;
}

/**
 * What the server, the CLI and a sync process all need, built the same way in each: the connector registry on this
 * database connection, the source factory, the birth-date key and the context runs and previews work in.
 */
export interface Wiring {
  readonly db: Db;
  readonly clock: Clock;
  readonly registry: ConnectorRegistry;
  /** A fresh source per run (its stats count that run's calls and bytes), logging with the connector's id. */
  readonly sourceFor: (connector: ConnectorConfig) => HrSource;
  readonly birthDateKey: (connectorId: string) => Buffer;
  /** Where a run, an approval or an API switch's dry run reads and writes (sync/run-sync.ts). */
  readonly syncContext: SyncContext;
  /** What a preview of a connector's next run needs (sync/preview/create-preview.ts). */
  readonly previewDeps: PreviewDeps;
}

/** The one place that builds the registry, the source factory and the birth-date key. */
export function wireConnectors(deps: WiringDeps): Wiring {
  const { db, clock, logger } = deps;
  const registry = new ConnectorRegistry(db, secretBoxFor(deps.secretsKey), clock);
  const sourceFor = (connector: ConnectorConfig) =>
    sourceOnFirstCall(connector, { logger: logger.child({ connector: connector.settings.id }), registry, clock });
  const birthDateKey = (connectorId: string) => birthDateKeyOf(registry, connectorId);
  const syncContext: SyncContext = { sqlite: db.sqlite, clock, newId: newScimId, birthDateKey };
  return {
    db,
    clock,
    registry,
    sourceFor,
    birthDateKey,
    syncContext,
    previewDeps: { sqlite: db.sqlite, clock, connector: (id) => registry.resolve(id), sourceFor, birthDateKey },
  };
}

/**
 * The wiring of a process that reads config.toml (the server, the CLI): the secrets key from storage (made on first
 * start) and the connectors the file declares recorded in the registry.
 */
export function wireFromConfig(
  config: Config,
  deps: Omit<WiringDeps, "secretsKey">,
): Wiring & { readonly secretsKey: Buffer } {
  const secretsKey = loadOrCreateKey(config.storage.path, config.storage.encryptionKey);
  const wiring = wireConnectors({ ...deps, secretsKey });
  wiring.registry.declareFromConfig(config.connectors);
  return { ...wiring, secretsKey };
}

export interface SyncServiceOptions
  extends Pick<SyncServiceDeps, "oldestPinnedGeneration" | "runner" | "dryRunner" | "approver"> {
  readonly logger: Logger;
  readonly notifier: Notifier | null;
  /** Which connectors runs may start for; default: any the registry resolves. */
  readonly connector?: SyncServiceDeps["connector"];
  /** The console's address, for links in notifications; without it they carry none (the CLI). */
  readonly publicUrl?: () => string;
}

/** The sync service on a wiring: runs, holds, approvals and the consent reminders after each run. */
export function createSyncService(wiring: Wiring, options: SyncServiceOptions): SyncService {
  const { registry, clock } = wiring;
  const { logger, notifier, publicUrl } = options;
  const links = publicUrl
    ? {
        runUrl: (_connectorId: string, runId: number) => `${publicUrl()}/runs/${runId}`,
        holdsUrl: (connectorId: string) => `${publicUrl()}/connectors/${connectorId}/holds`,
      }
    : {};
  return new SyncService({
    db: wiring.db,
    clock,
    logger,
    connector: options.connector ?? ((id) => registry.resolve(id)),
    sourceFor: wiring.sourceFor,
    birthDateKey: wiring.birthDateKey,
    oldestPinnedGeneration: options.oldestPinnedGeneration,
    notifier,
    checkConnector: createConsentReminders({
      registry,
      notifier,
      clock,
      logger,
      ...(publicUrl ? { connectorUrl: (connectorId: string) => `${publicUrl()}/connectors/${connectorId}` } : {}),
    }),
    ...links,
    ...(options.runner ? { runner: options.runner } : {}),
    ...(options.dryRunner ? { dryRunner: options.dryRunner } : {}),
    ...(options.approver ? { approver: options.approver } : {}),
  });
}
