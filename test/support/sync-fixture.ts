import { storedBody } from "../../src/directory/served-body.js";
import { randomBytes } from "node:crypto";
import type { ConnectorConfig } from "../../src/config/types.js";
import { ConnectorRegistry } from "../../src/connectors/registry.js";
import { createSourceFor } from "../../src/connectors/source-for.js";
import { openDatabase, type Db } from "../../src/db/open.js";
import { silentLogger } from "../../src/logging/logger.js";
import type { Notifier } from "../../src/notify/notifier.js";
import { secretBoxFor } from "../../src/secrets/key-file.js";
import type { HrSource } from "../../src/sources/types.js";
import { createPreview, type PreviewDeps } from "../../src/sync/preview/create-preview.js";
import type { PreviewReport } from "../../src/sync/preview/preview-types.js";
import { approveInProcess, previewInProcess, syncInProcess } from "../../src/sync/process/sync-process.js";
import { SyncService, type Approver } from "../../src/sync/sync-service.js";
import { syncProcessDeps } from "./process-sync.js";

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
  /** A preview of the connector's next run by "admin", made and stored where the runs are made. */
  preview(): Promise<{ id: number; report: PreviewReport }>;
}

/**
 * A real database (a file when `path` is given), the connector declared, and a SyncService reading from the
 * connector's real source (the gateway's own factory: Nmbrs SOAP at `nmbrs.endpoint`, in tests the simulator), or
 * from `source` when a unit test of the sync shell scripts its answers.
 *
 * With `inSyncProcesses` (and a `path`), each run, approval and preview goes to a sync process of its own, as in
 * production (process-sync.ts); the notifications, audit-trail and sync-preview tests take that path. Runs stay on
 * the test's thread for what a process cannot carry (a scripted `source`, fixed `newId`s and a given `birthDateKey`
 * live on this thread; an in-memory database cannot be opened by another process) and for tests of the sync's own
 * rules that would start a process per step by the dozen (sync-preview's "keeps the newest previews": 22 previews).
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
  /** Runs and approvals in sync processes (needs `path`; not with `source`, `approver` or `birthDateKey`). */
  inSyncProcesses?: boolean;
  /** The key connector secrets are sealed with (by default a new one): the data directory's, for a gateway after. */
  secretsKey?: Buffer;
}): SyncFixture {
  const db = openDatabase(options.path ?? ":memory:");
  const clock = new TestClock(new Date(options.start ?? "2026-01-10T08:00:00Z"));
  const secretsKey = options.secretsKey ?? randomBytes(32);
  const registry = new ConnectorRegistry(db, secretBoxFor(secretsKey), clock.now);
  registry.declareFromConfig([options.connector]);
  let ids = 0;
  const logger = silentLogger();
  const processes = options.inSyncProcesses ? syncProcessDeps(db, secretsKey, clock) : null;
  const previewDeps: PreviewDeps = {
    sqlite: db.sqlite,
    clock: clock.now,
    connector: (id) => registry.resolve(id),
    sourceFor: options.source ?? ((connector) => createSourceFor(connector, { logger })),
  };
  const service = new SyncService({
    db,
    clock: clock.now,
    logger,
    connector: previewDeps.connector,
    sourceFor: previewDeps.sourceFor,
    oldestPinnedGeneration: options.pinned ?? (() => undefined),
    notifier: options.notifier ?? null,
    runUrl: (connectorId, runId) => `https://gw.example/console/connectors/${connectorId}/runs/${runId}`,
    holdsUrl: (connectorId) => `https://gw.example/console/connectors/${connectorId}/holds`,
    newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, "0")}`,
    ...(options.approver ? { approver: options.approver } : {}),
    ...(options.birthDateKey ? { birthDateKey: () => options.birthDateKey! } : {}),
    ...(processes ? { runner: syncInProcess(processes), approver: approveInProcess(processes) } : {}),
  });
  const id = options.connector.settings.id;
  return {
    db,
    clock,
    service,
    registry,
    directoryRows: () =>
      db.sqlite
        // body: the resource whole, a group's members included (they are stored in a column of their own).
        .prepare(`SELECT *, ${storedBody("Group")} AS body FROM scim_resources WHERE connector_id = ? ORDER BY row_id`)
        .all(id),
    preview: () =>
      processes ? previewInProcess(processes)(registry.resolve(id)!, "admin") : createPreview(previewDeps, id, "admin"),
  };
}
