import { randomBytes } from "node:crypto";
import { ConnectorRegistry } from "../../src/connectors/registry.js";
import { youforceSourceFor } from "../../src/connectors/youforce-source-for.js";
import { silentLogger } from "../../src/logging/logger.js";
import { secretBoxFor } from "../../src/secrets/key-file.js";
import type { RunOutcome } from "../../src/sync/run-sync.js";
import { SyncService } from "../../src/sync/sync-service.js";
import type { YouforceDataset } from "../../testkit/youforce-sim/dataset.js";
import type { YouforceSimulator } from "../../testkit/youforce-sim/youforce-simulator.js";
import { OktaImportSimulator } from "../../testkit/okta-sim/import-simulator.js";
import { startScimServer } from "./scim-server.js";
import { TestClock } from "./sync-fixture.js";
import { recordWaits, startSim, TEST_INTERVAL_MS, youforceConnector } from "./youforce-sim.js";

export interface YouforceToOkta {
  /** One simulated day at 08:00 UTC, then a run of connector "acme". */
  sync(date: string): Promise<RunOutcome>;
  readonly okta: OktaImportSimulator;
  readonly sim: YouforceSimulator;
  /** Every row of the served directory, for "nothing changed" comparisons. */
  directoryRows(): unknown[];
  close(): Promise<void>;
}

/**
 * The whole way from Youforce to Okta on this machine: the Youforce simulator, connector "acme" (kind youforce, `raw`
 * settings) syncing it with the real source through the gateway's factory into a real SQLite file, the SCIM API on a
 * real HTTP server, and the Okta import simulator. Pacing is test-sized (support/youforce-sim.ts); retry and 429 waits
 * are not slept.
 */
export async function startYouforceToOkta(
  dir: string,
  dataset: YouforceDataset,
  raw: Record<string, unknown> = {},
): Promise<YouforceToOkta> {
  const server = await startScimServer({ dir });
  const sim = await startSim(dataset, { pageSize: 50 });
  const clock = new TestClock(new Date("2026-01-10T08:00:00Z"));
  const registry = new ConnectorRegistry(server.db, secretBoxFor(randomBytes(32)), clock.now);
  registry.declareFromConfig([youforceConnector(sim, raw)]);
  const logger = silentLogger();
  const service = new SyncService({
    db: server.db,
    clock: clock.now,
    logger,
    connector: (id) => registry.resolve(id),
    sourceFor: (connector) =>
      youforceSourceFor(connector.settings, connector.youforce!, logger, clock.now, {
        wait: recordWaits(),
        intervalMs: TEST_INTERVAL_MS,
      }),
    oldestPinnedGeneration: (id) => {
      server.services.flush();
      return server.services.scans.oldestPinnedGeneration(id);
    },
  });
  const okta = new OktaImportSimulator({ baseUrl: server.base(), authorization: server.bearer });
  return {
    sync: (date) => {
      clock.set(`${date}T08:00:00Z`);
      return service.runNow("acme", "daily");
    },
    okta,
    sim,
    directoryRows: () =>
      server.db.sqlite.prepare("SELECT * FROM scim_resources WHERE connector_id = 'acme' ORDER BY row_id").all(),
    close: async () => {
      okta.close();
      await server.close();
      await sim.close();
    },
  };
}
