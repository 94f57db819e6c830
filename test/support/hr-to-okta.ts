import { storedBody } from "../../src/directory/served-body.js";
import { randomBytes } from "node:crypto";
import { ConnectorRegistry } from "../../src/connectors/registry.js";
import { createSourceFor } from "../../src/connectors/source-for.js";
import type { Db } from "../../src/db/open.js";
import { silentLogger } from "../../src/logging/logger.js";
import { OktaImportSimulator } from "../../testkit/okta-sim/import-simulator.js";
import { secretBoxFor } from "../../src/secrets/key-file.js";
import type { SimDataset } from "../../testkit/nmbrs-sim/dataset.js";
import type { NmbrsSimulator } from "../../testkit/nmbrs-sim/soap/simulator.js";
import type { RunOutcome } from "../../src/sync/run-sync.js";
import { SyncService } from "../../src/sync/sync-service.js";
import { simConnector, simulatedDay, startScenarioSimulator } from "./nmbrs-scenario.js";
import { startScimServer } from "./scim-server.js";
import { TestClock } from "./sync-fixture.js";

export interface HrToOkta {
  /** One simulated day at 08:00 UTC: moves the clock and the simulator's today, then runs the connector's sync. */
  sync(date: string): Promise<RunOutcome>;
  readonly okta: OktaImportSimulator;
  readonly service: SyncService;
  readonly sim: NmbrsSimulator;
  readonly db: Db;
  /** Every row of the served directory, for "nothing changed" comparisons. */
  directoryRows(): unknown[];
  close(): Promise<void>;
}

/**
 * The whole way from HR to Okta on this machine: `nmbrs` served by the Nmbrs simulator, connector "acme" (`raw`
 * settings) syncing it with the real SOAP source into a real SQLite file, the SCIM API on a real HTTP server, and
 * the Okta import simulator reading it as Okta would. The clock starts at 2026-01-10 08:00 UTC.
 */
export async function startHrToOkta(dir: string, nmbrs: SimDataset, raw: Record<string, unknown>): Promise<HrToOkta> {
  const server = await startScimServer({ dir });
  const sim = await startScenarioSimulator(nmbrs, { today: "2026-01-10" });
  const clock = new TestClock(new Date("2026-01-10T08:00:00Z"));
  const registry = new ConnectorRegistry(server.db, secretBoxFor(randomBytes(32)), clock.now);
  registry.declareFromConfig([simConnector(sim, raw)]);
  const logger = silentLogger();
  const service = new SyncService({
    db: server.db,
    clock: clock.now,
    logger,
    connector: (id) => registry.resolve(id),
    sourceFor: (connector) => createSourceFor(connector, { logger }),
    oldestPinnedGeneration: (id) => {
      server.services.flush(); // as the gateway does: pruning reads the import log
      return server.services.scans.oldestPinnedGeneration(id);
    },
  });
  const okta = new OktaImportSimulator({ baseUrl: server.base(), authorization: server.bearer });
  return {
    sync: (date) => {
      simulatedDay(clock, sim, date);
      return service.runNow("acme", "daily");
    },
    okta,
    service,
    sim,
    db: server.db,
    directoryRows: () =>
      server.db.sqlite
        .prepare(
          `SELECT *, ${storedBody("Group")} AS body FROM scim_resources WHERE connector_id = 'acme' ORDER BY row_id`,
        )
        .all(),
    close: async () => {
      okta.close();
      await server.close();
      await sim.close();
    },
  };
}
