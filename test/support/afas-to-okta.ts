import { randomBytes } from "node:crypto";
import { ConnectorRegistry } from "../../src/connectors/registry.js";
import { afasSourceFor } from "../../src/connectors/afas-source-for.js";
import { silentLogger } from "../../src/logging/logger.js";
import { secretBoxFor } from "../../src/secrets/key-file.js";
import type { RunOutcome } from "../../src/sync/run-sync.js";
import { SyncService } from "../../src/sync/sync-service.js";
import type { AfasDataset } from "../../testkit/afas-sim/dataset.js";
import { startAfasSimulator, type AfasSimulator } from "../../testkit/afas-sim/afas-simulator.js";
import { OktaImportSimulator } from "../../testkit/okta-sim/import-simulator.js";
import { afasConnector } from "./afas-sim.js";
import { startScimServer } from "./scim-server.js";
import { TestClock } from "./sync-fixture.js";

export interface AfasToOkta {
  /** One simulated day at 08:00 UTC, then a run of connector "acme". */
  sync(date: string): Promise<RunOutcome>;
  readonly okta: OktaImportSimulator;
  readonly sim: AfasSimulator;
  /** Every row of the served directory, for "nothing changed" comparisons. */
  directoryRows(): unknown[];
  close(): Promise<void>;
}

/**
 * The whole way from AFAS Profit to Okta on this machine: the AFAS simulator, connector "acme" (kind afas-profit,
 * `raw` settings) syncing it with the real AFAS source into a real SQLite file, the SCIM API on a real HTTP server, and the Okta import simulator.
 */
export async function startAfasToOkta(
  dir: string,
  dataset: AfasDataset,
  raw: Record<string, unknown> = {},
): Promise<AfasToOkta> {
  const server = await startScimServer({ dir });
  const sim = await startAfasSimulator({ dataset });
  const clock = new TestClock(new Date("2026-01-10T08:00:00Z"));
  const registry = new ConnectorRegistry(server.db, secretBoxFor(randomBytes(32)), clock.now);
  registry.declareFromConfig([afasConnector(sim, raw, 50)]);
  const logger = silentLogger();
  const service = new SyncService({
    db: server.db,
    clock: clock.now,
    logger,
    connector: (id) => registry.resolve(id),
    // The factory the gateway uses, without the retries' real waits (2 s, 8 s).
    sourceFor: (connector) => afasSourceFor(connector.settings, connector.afas!, logger, async () => {}),
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
