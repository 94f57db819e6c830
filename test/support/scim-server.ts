import { join } from "node:path";
import { Hono } from "hono";
import type { Context } from "hono";
import { openDatabase, type Db } from "../../src/db/open.js";
import { silentLogger, type Logger } from "../../src/logging/logger.js";
import { issueCredential } from "../../src/scim/auth/credential-store.js";
import { createScimApp, scimHandler } from "../../src/scim/app.js";
import { SCIM_MOUNT_PATH, type ScimAppDeps } from "../../src/scim/scim-env.js";
import { createScimServices, type ScimServiceOptions, type ScimServices } from "../../src/scim/scim-services.js";
import { healthRoutes } from "../../src/server/health-routes.js";
import { startHttpServer, type RunningServer } from "../../src/server/http-server.js";
import { addConnector } from "./scim-fixtures.js";

/** A clock tests move by hand. */
export interface TestClock {
  (): Date;
  advance(ms: number): void;
}

export function testClock(start = Date.UTC(2026, 2, 2, 9, 0, 0)): TestClock {
  let now = start;
  const clock = (() => new Date(now)) as TestClock;
  clock.advance = (ms) => {
    now += ms;
  };
  return clock;
}

export interface ScimTestServer {
  readonly db: Db;
  readonly services: ScimServices;
  readonly clock: TestClock;
  readonly url: string;
  /** The connector's Base URL, as Okta is given it. */
  base(connectorId?: string): string;
  /** A bearer token and a Basic header for connector "acme". */
  readonly bearer: string;
  readonly basic: string;
  close(): Promise<void>;
}

export interface ScimTestServerOptions {
  readonly dir: string;
  readonly connectors?: readonly string[];
  readonly clientAddress?: (c: Context) => string;
  readonly isServed?: ScimAppDeps["isServed"];
  readonly customAttributes?: ScimAppDeps["customAttributes"];
  readonly services?: Partial<Omit<ScimServiceOptions, "db" | "clock" | "logger">>;
  readonly logger?: Logger;
  readonly logSuccessfulRequests?: boolean;
}

/** A real SQLite file and a real HTTP server on 127.0.0.1, with the SCIM app (and /healthz) mounted as the gateway mounts them. */
export async function startScimServer(options: ScimTestServerOptions): Promise<ScimTestServer> {
  const db = openDatabase(join(options.dir, "gateway.db"));
  const clock = testClock();
  const connectors = options.connectors ?? ["acme"];
  for (const id of connectors) addConnector(db, id);
  const bearer = (await issueCredential(db.sqlite, "acme", { scheme: "bearer" }, clock())).secret;
  const password = (await issueCredential(db.sqlite, "acme", { scheme: "basic", username: "okta" }, clock())).secret;
  const logger = options.logger ?? silentLogger();
  const services = createScimServices({ db, clock, logger, ...options.services });
  let url = "";
  const scim = createScimApp({
    db,
    logger,
    clock,
    publicUrl: () => url,
    services,
    ...(options.clientAddress ? { clientAddress: options.clientAddress } : {}),
    ...(options.isServed ? { isServed: options.isServed } : {}),
    ...(options.customAttributes ? { customAttributes: options.customAttributes } : {}),
    ...(options.logSuccessfulRequests ? { logSuccessfulRequests: true } : {}),
  });
  const root = new Hono();
  root.route("/", healthRoutes(db));
  root.all(`${SCIM_MOUNT_PATH}/*`, scimHandler(scim));
  const server: RunningServer = await startHttpServer(root, "127.0.0.1", 0);
  url = server.url;
  return {
    db,
    services,
    clock,
    url,
    base: (connectorId = "acme") => `${url}${SCIM_MOUNT_PATH}/${connectorId}`,
    bearer: `Bearer ${bearer}`,
    basic: `Basic ${Buffer.from(`okta:${password}`).toString("base64")}`,
    async close() {
      await server.close(100);
      services.close();
      db.close();
    },
  };
}
