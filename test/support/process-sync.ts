import { randomBytes } from "node:crypto";
import type { ConnectorConfig } from "../../src/config/types.js";
import type { ConnectorRegistry } from "../../src/connectors/registry.js";
import type { Db } from "../../src/db/open.js";
import { silentLogger } from "../../src/logging/logger.js";
import { approveInProcess, syncInProcess, type SyncThreadDeps } from "../../src/sync/process/sync-process.js";
import type { SyncService } from "../../src/sync/sync-service.js";
import { createSyncService, wireConnectors } from "../../src/wiring.js";
import type { ScimTestServer } from "./scim-server.js";
import { syncChildBundle } from "./sync-child-bundle.js";
import type { TestClock } from "./sync-fixture.js";

export interface ProcessSync {
  readonly service: SyncService;
  /** The registry on the test's connection: what a test stores there (a consent, sealed secrets) each process reads. */
  readonly registry: ConnectorRegistry;
}

/**
 * The sync service on `server`'s database, wired as the gateway wires it (wiring.ts): `connectors` declared as
 * config.toml declares them, each run and approval in a sync process of its own (sync/process/) that builds the
 * connector's real source from its settings and sealed secrets, as production's processes do. The one test hook is
 * time: `clock`'s instant when a job starts is the job's clock (SyncThreadDeps.testClock).
 */
export function syncThroughProcesses(
  server: ScimTestServer,
  clock: TestClock,
  connectors: readonly ConnectorConfig[],
): ProcessSync {
  const logger = silentLogger();
  const secretsKey = randomBytes(32);
  const wiring = wireConnectors({ db: server.db, secretsKey, clock: clock.now, logger });
  wiring.registry.declareFromConfig(connectors);
  const processes = syncProcessDeps(server.db, secretsKey, clock);
  const service = createSyncService(wiring, {
    logger,
    notifier: null,
    oldestPinnedGeneration: (id) => {
      server.services.flush(); // as the gateway does: pruning reads the import log
      return server.services.scans.oldestPinnedGeneration(id);
    },
    runner: syncInProcess(processes),
    approver: approveInProcess(processes),
  });
  return { service, registry: wiring.registry };
}

/**
 * What the gateway gives its sync processes, for a test's database file (a process opens it by its path) and the key
 * its registry seals secrets with; each job reads `clock`'s instant when it starts. The processes run a bundle of
 * sync-child (sync-child-bundle.ts): the same code, started without tsx's loader.
 */
export function syncProcessDeps(db: Db, secretsKey: Buffer, clock: TestClock): SyncThreadDeps {
  return {
    databasePath: db.sqlite.name,
    secretsKey,
    logger: silentLogger(),
    sqlite: db.sqlite,
    clock: clock.now,
    testClock: clock.now,
    childModule: syncChildBundle(),
  };
}
