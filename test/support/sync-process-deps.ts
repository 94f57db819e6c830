import { systemClock } from "../../src/clock.js";
import type { Gateway } from "../../src/gateway.js";
import { createLogger } from "../../src/logging/logger.js";
import { loadOrCreateKey } from "../../src/secrets/key-file.js";
import type { SyncThreadDeps } from "../../src/sync/process/sync-process.js";

/** What the gateway gives its sync threads, for tests that drive a thread job directly. */
export function threadDepsOf(gateway: Gateway): SyncThreadDeps {
  const databasePath = gateway.config.storage.path;
  return {
    databasePath,
    secretsKey: loadOrCreateKey(databasePath, null),
    logger: createLogger({ level: "silent" }),
    sqlite: gateway.db.sqlite,
    clock: systemClock,
  };
}
