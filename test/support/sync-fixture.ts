import { storedBody } from "../../src/directory/served-body.js";
import { randomBytes } from "node:crypto";
import type { ConnectorConfig } from "../../src/config/types.js";
import { ConnectorRegistry } from "../../src/connectors/registry.js";
import { createSourceFor } from "../../src/connectors/source-for.js";
import { openDatabase, type Db } from "../../src/db/open.js";
import { silentLogger } from "../../src/logging/logger.js";
import type { Notifier } from "../../src/notify/notifier.js";
import { SecretBox } from "../../src/secrets/secret-box.js";
import type { HrSource } from "../../src/sources/types.js";
import { SyncService, type Approver } from "../../src/sync/sync-service.js";

/** A clock a test moves by hand: "the next day at 08:00 in Amsterdam" without waiting a day. */
export class TestClock {
  constructor(private instant: Date) {}
  readonly now = (): Date => this.instant;
  set(iso: string): void {
    this.instant = new Date(iso);
  }
}

export interface SyncFixture {
  readonly db: Db;
  readonly clock: TestClock;
  readonly service: SyncService;
  readonly registry: ConnectorRegistry;
  /** Every row of the connector's served directory, for byte-for-byte comparisons. */
  directoryRows(): unknown[];
}

/**
 * A real database (a file when `path` is given), the connector declared, and a SyncService reading from the
 * connector's real source (the gateway's own factory: Nmbrs SOAP at `nmbrs.endpoint`, in tests the simulator), or
 * from `source` when a unit test of the sync shell scripts its answers.
 */
export function syncFixture(options: {
  connector: ConnectorConfig;
  source?: (connector: ConnectorConfig) => HrSource;
  path?: string;
  start?: string;
  notifier?: Notifier;
  pinned?: (connectorId: string) => number | undefined;
  /** Where held runs' approvals apply (the gateway's sync threads); by default on this thread. */
  approver?: Approver;
  /** The connector's birth-date key, as every gateway has one (wiring.ts); by default none is kept. */
  birthDateKey?: Buffer;
}): SyncFixture {
  const db = openDatabase(options.path ?? ":memory:");
  const clock = new TestClock(new Date(options.start ?? "2026-01-10T08:00:00Z"));
  const registry = new ConnectorRegistry(db, new SecretBox(randomBytes(32), randomBytes(4)), clock.now);
  registry.declareFromConfig([options.connector]);
  let ids = 0;
  const logger = silentLogger();
  const service = new SyncService({
    db,
    clock: clock.now,
    logger,
    connector: (id) => registry.resolve(id),
    sourceFor: options.source ?? ((connector) => createSourceFor(connector, { logger })),
    oldestPinnedGeneration: options.pinned ?? (() => undefined),
    notifier: options.notifier ?? null,
    runUrl: (connectorId, runId) => `https://gw.example/console/connectors/${connectorId}/runs/${runId}`,
    holdsUrl: (connectorId) => `https://gw.example/console/connectors/${connectorId}/holds`,
    newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, "0")}`,
    ...(options.approver ? { approver: options.approver } : {}),
    ...(options.birthDateKey ? { birthDateKey: () => options.birthDateKey! } : {}),
  });
  return {
    db,
    clock,
    service,
    registry,
    directoryRows: () =>
      db.sqlite
        // body: the resource whole, a group's members included (they are stored in a column of their own).
        .prepare(`SELECT *, ${storedBody("Group")} AS body FROM scim_resources WHERE connector_id = ? ORDER BY row_id`)
        .all(options.connector.settings.id),
  };
}
