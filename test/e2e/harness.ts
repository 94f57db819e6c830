import { join } from "node:path";
import type { Clock } from "../../src/clock.js";
import { parseConfig } from "../../src/config/load.js";
import type { ConnectorConfig } from "../../src/config/types.js";
import { startGateway, type Gateway } from "../../src/gateway.js";
import type { RequestOrigin } from "../../src/server/request-origin.js";
import { syncChildBundle } from "../support/sync-child-bundle.js";

/**
 * The real gateway (src/gateway.ts) on a temporary SQLite file and 127.0.0.1 with a free port. Its sync processes run
 * a bundle of sync-child (test/support/sync-child-bundle.ts): the same code, started without tsx's loader. A
 * connector whose endpoint is a simulator is read by its real source, in those processes.
 */
export type TestGateway = Gateway;

export interface TestGatewayOptions {
  readonly dir: string;
  readonly connectors?: readonly ConnectorConfig[];
  readonly clock?: Clock;
  /** Overrides the trusted-proxy logic (tests of the Secure cookie flag behind an https proxy). */
  readonly origin?: Partial<RequestOrigin>;
  readonly sessions?: { idleMinutes?: number; absoluteHours?: number };
}

export function startTestGateway(options: TestGatewayOptions): Promise<TestGateway> {
  const base = parseConfig(
    { server: { listen: "127.0.0.1:0" }, storage: { path: join(options.dir, "gateway.db") } },
    null,
    {},
  );
  return startGateway({
    config: { ...base, connectors: options.connectors ?? [] },
    stdoutLevel: "silent",
    syncChildModule: syncChildBundle(),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.origin ? { origin: options.origin } : {}),
    ...(options.sessions ? { sessions: options.sessions } : {}),
  });
}
