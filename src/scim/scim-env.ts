import type { HttpBindings } from "@hono/node-server";
import type { Context } from "hono";
import type { Clock } from "../clock.js";
import type { Db } from "../db/open.js";
import type { Logger } from "../logging/logger.js";
import type { ConnectorState } from "./list/connector-state.js";
import type { ScimServices } from "./scim-services.js";

/** What a handler reports for the request log. */
export interface RequestOutcome {
  readonly results?: number;
  readonly totalResults?: number;
  /** scimType and detail of an error response. */
  readonly error?: string;
}

/** Hono's typed request context for the SCIM app. */
export type ScimEnv = {
  Bindings: Partial<HttpBindings>;
  Variables: {
    requestId: string;
    /** Set by authenticate (the path's connector id, known or not). */
    connectorId: string;
    credentialId: number;
    connector: ConnectorState;
    outcome: RequestOutcome;
  };
};

export type ScimContext = Context<ScimEnv>;

export interface ScimAppDeps {
  readonly db: Db;
  readonly logger: Logger;
  readonly clock: Clock;
  /** The gateway's public URL (config server.public_url), read per request because the console may change it. */
  readonly publicUrl: string | (() => string);
  readonly services: ScimServices;
  /** The client's address for throttling and logs; defaults to the socket's peer address. */
  readonly clientAddress?: (c: Context) => string;
  /** Whether a connector is served (false for one detached from config.toml); defaults to "exists". */
  readonly isServed?: (connectorId: string) => boolean;
  /** The custom attributes a connector's mapping serves (docs/mapping.md), for /Schemas; none by default. */
  readonly customAttributes?: (connectorId: string) => readonly string[];
  /**
   * Whether successful requests get a pino line too (at debug), not only a request-log row. The gateway turns it on
   * when stdout logs at debug: an Okta import is a thousand pages, and the console's log page would otherwise
   * store each of them a second time.
   */
  readonly logSuccessfulRequests?: boolean;
}

/** Where the lead mounts the SCIM app; part of every Base URL Okta is given. */
export const SCIM_MOUNT_PATH = "/scim/v2";

/** The connector's SCIM Base URL as Okta knows it: `<public_url>/scim/v2/<connectorId>`. */
export function baseUrl(deps: ScimAppDeps, connectorId: string): string {
  const publicUrl = typeof deps.publicUrl === "function" ? deps.publicUrl() : deps.publicUrl;
  return `${publicUrl.replace(/\/+$/, "")}${SCIM_MOUNT_PATH}/${encodeURIComponent(connectorId)}`;
}

/** The peer address of the socket (@hono/node-server), when no reverse-proxy-aware function is given. */
export function socketAddress(c: Context): string {
  const env = c.env as Partial<HttpBindings> | undefined;
  return env?.incoming?.socket.remoteAddress ?? "unknown";
}
