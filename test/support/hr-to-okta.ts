import { storedBody } from "../../src/directory/served-body.js";
import type { Db } from "../../src/db/open.js";
import { OktaImportSimulator } from "../../testkit/okta-sim/import-simulator.js";
import type { SimDataset } from "../../testkit/nmbrs-sim/dataset.js";
import type { NmbrsSimulator } from "../../testkit/nmbrs-sim/soap/simulator.js";
import type { SyncService } from "../../src/sync/sync-service.js";
import { simConnector, simulatedDay, startScenarioSimulator } from "./nmbrs-scenario.js";
import { syncThroughProcesses } from "./process-sync.js";
import { startScimServer } from "./scim-server.js";
import type { SourceToOkta } from "./source-to-okta.js";
import { TestClock } from "./sync-fixture.js";

/**
 * For a test of many simulated days: each day's run starts a sync process, which on a machine busy with other work
 * can take seconds (vitest's default allows 30 s for the whole test).
 */
export const SIMULATED_DAYS_TIMEOUT_MS = 180_000;

/** As source-to-okta.ts's chain; `sync` also moves the simulator's today. */
export interface HrToOkta
  extends Pick<SourceToOkta<NmbrsSimulator>, "sync" | "okta" | "sim" | "directoryRows" | "close"> {
  readonly service: SyncService;
  readonly db: Db;
}

/**
 * The whole way from HR to Okta on this machine, on the path production takes: `nmbrs` served by the Nmbrs simulator,
 * connector "acme" (`raw` settings) declared as config.toml would declare it, the sync service wired as the gateway
 * wires it (wiring.ts), each run and approval in a sync process of its own (sync/process/) that reads the simulator
 * with the real SOAP source and writes the real SQLite file, the SCIM API on a real HTTP server, and the Okta import
 * simulator reading it as Okta would. The only test hook is the clock: a simulated day's instant is handed to each
 * sync process (SyncThreadDeps.testClock). The clock starts at 2026-01-10 08:00 UTC.
 */
export async function startHrToOkta(dir: string, nmbrs: SimDataset, raw: Record<string, unknown>): Promise<HrToOkta> {
  const server = await startScimServer({ dir });
  const sim = await startScenarioSimulator(nmbrs, { today: "2026-01-10" });
  const clock = new TestClock(new Date("2026-01-10T08:00:00Z"));
  const { service } = syncThroughProcesses(server, clock, [simConnector(sim, raw)]);
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
