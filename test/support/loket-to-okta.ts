import { randomBytes } from "node:crypto";
import { createLoketAccessTokens } from "../../src/connectors/loket-tokens.js";
import { loketSourceFor } from "../../src/connectors/loket-source-for.js";
import { ConnectorRegistry } from "../../src/connectors/registry.js";
import { silentLogger } from "../../src/logging/logger.js";
import { secretBoxFor } from "../../src/secrets/key-file.js";
import type { RunOutcome } from "../../src/sync/run-sync.js";
import { SyncService } from "../../src/sync/sync-service.js";
import { connectWithToken } from "../../testkit/loket-sim/connect.js";
import type { LoketDataset } from "../../testkit/loket-sim/dataset.js";
import { startLoketSimulator, type LoketSimulator } from "../../testkit/loket-sim/loket-simulator.js";
import { OktaImportSimulator } from "../../testkit/okta-sim/import-simulator.js";
import { loketConnector, SIM_CLIENT_ID } from "./loket-sim.js";
import { startScimServer } from "./scim-server.js";
import { TestClock } from "./sync-fixture.js";

export interface LoketToOkta {
  /** One simulated day at 08:00 UTC, then a run of connector "acme". */
  sync(date: string): Promise<RunOutcome>;
  /** A new consent: a token the simulator issued, stored as the connector's sealed Loket tokens. */
  connect(): void;
  readonly okta: OktaImportSimulator;
  readonly sim: LoketSimulator;
  readonly registry: ConnectorRegistry;
  /** Every row of the served directory, for "nothing changed" comparisons. */
  directoryRows(): unknown[];
  close(): Promise<void>;
}

/**
 * The whole way from Loket to Okta on this machine: the Loket simulator, connector "acme" (kind loket, `raw`
 * settings) with a consent stored in its sealed secrets, the real Loket source and token seam syncing into a real
 * SQLite file, the SCIM API on a real HTTP server, and the Okta import simulator.
 */
export async function startLoketToOkta(
  dir: string,
  dataset: LoketDataset,
  raw: Record<string, unknown> = {},
): Promise<LoketToOkta> {
  const server = await startScimServer({ dir });
  const sim = await startLoketSimulator({ dataset });
  const clock = new TestClock(new Date("2026-01-10T08:00:00Z"));
  const registry = new ConnectorRegistry(server.db, secretBoxFor(randomBytes(32)), clock.now);
  const connector = loketConnector(sim, raw, 50);
  registry.declareFromConfig([connector]);
  const connect = () =>
    connectWithToken(registry, "acme", sim.tokens.issue(), {
      clientId: SIM_CLIENT_ID,
      oauthUrl: sim.oauthUrl,
      now: clock.now(),
    });
  connect();
  const logger = silentLogger();
  const service = new SyncService({
    db: server.db,
    clock: clock.now,
    logger,
    connector: (id) => registry.resolve(id),
    // The factory the gateway uses, without the retries' real waits (2 s, 8 s).
    sourceFor: (resolved) =>
      loketSourceFor(
        resolved.settings,
        resolved.loket!,
        createLoketAccessTokens({ registry, connectorId: "acme", settings: resolved.loket!, clock: clock.now, logger }),
        logger,
        async () => {},
      ),
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
    connect,
    okta,
    sim,
    registry,
    directoryRows: () =>
      server.db.sqlite.prepare("SELECT * FROM scim_resources WHERE connector_id = 'acme' ORDER BY row_id").all(),
    close: async () => {
      okta.close();
      await server.close();
      await sim.close();
    },
  };
}
