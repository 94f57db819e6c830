/**
 * One sync of a youforce connector, as `npm run sync -- --connector <id>` runs it, but with the source's pacing set
 * to --interval-ms: Youforce's 600 ms between calls would make a 100,000-person run last minutes of waiting, which
 * benchmark 9 reports as a computed figure instead. Exit 0 when the run succeeded.
 *
 *   node --import tsx bench/children/youforce-sync.ts --config <file> --connector bench --interval-ms 5
 */
import { parseArgs } from "node:util";
import { systemClock } from "../../src/clock.js";
import { loadConfig } from "../../src/config/load.js";
import type { ConnectorConfig } from "../../src/config/types.js";
import { youforceSourceFor } from "../../src/connectors/youforce-source-for.js";
import { openDatabase } from "../../src/db/open.js";
import { createLogger } from "../../src/logging/logger.js";
import { Notifier } from "../../src/notify/notifier.js";
import { createSyncService, wireFromConfig } from "../../src/wiring.js";

const { values } = parseArgs({
  options: {
    config: { type: "string" },
    connector: { type: "string", default: "bench" },
    "interval-ms": { type: "string", default: "600" },
  },
});
const config = loadConfig({ path: values.config });
const logger = createLogger({ level: config.log.level });
const db = openDatabase(config.storage.path);
const wiring = wireFromConfig(config, { db, clock: systemClock, logger });
// The production wiring with only the source's pacing changed: the bench's own source for its runs.
const paced = {
  ...wiring,
  sourceFor: (connector: ConnectorConfig) =>
    youforceSourceFor(
      connector.settings,
      connector.youforce!,
      logger.child({ connector: connector.settings.id }),
      systemClock,
      {
        intervalMs: Number(values["interval-ms"]),
      },
    ),
};
const service = createSyncService(paced, {
  logger,
  notifier: new Notifier({ smtp: null, logger }),
  oldestPinnedGeneration: () => 0,
});
const outcome = await service.runNow(values.connector, "cli");
db.close();
process.exitCode = outcome.status === "succeeded" ? 0 : 1;
