import type { IncomingMessage, ServerResponse } from "node:http";
import type { SimDataset } from "../dataset.js";
import { FaultRules, type FaultRuleOf } from "../fault-rules.js";
import { SimStats } from "../soap/sim-stats.js";
import { SimOAuthServer, type SimOAuthClient } from "./oauth-server.js";
import { createRestHandler, type RestFault } from "./rest-handler.js";

/** The app the simulator knows unless told otherwise (the demo and `testkit/nmbrs-sim/cli.ts` use it). */
export const SIM_REST_CLIENT: SimOAuthClient = { clientId: "sim-client", clientSecret: "sim-client-secret" };
export const SIM_SUBSCRIPTION_KEY = "sim-subscription-key";

export interface RestSimOptions {
  /** Apps registered at the identity service; default {@link SIM_REST_CLIENT}. */
  readonly clients?: readonly SimOAuthClient[];
  readonly subscriptionKey?: string;
  /** Default 3600; tests make it short to see refreshes. */
  readonly accessTokenTtlSeconds?: number;
  /** Default 30 days. */
  readonly refreshTokenTtlSeconds?: number;
  /** Default none; see SimOAuthOptions. */
  readonly refreshTokenAbsoluteLifetimeSeconds?: number;
  /** Epoch milliseconds for token expiry; default Date.now. */
  readonly now?: () => number;
  /** Default 100. */
  readonly maxPageSize?: number;
  readonly faults?: readonly FaultRuleOf<RestFault>[];
}

/** The REST side of a running simulator, for tests to steer. */
export interface RestSimulator {
  /** Base of the API (`GET {apiUrl}/api/companies`). */
  readonly apiUrl: string;
  /** Base of the identity service (`{identityUrl}/connect/token`). */
  readonly identityUrl: string;
  readonly subscriptionKey: string;
  readonly faults: FaultRules<RestFault>;
  readonly stats: SimStats;
  /** Token lifetimes, revocation and expiry controls. */
  readonly oauth: SimOAuthServer;
}

/** Builds the REST API + identity service over `dataset`; the caller mounts the handler next to SOAP. */
export function createRestSimulator(
  options: RestSimOptions,
  shared: {
    readonly dataset: SimDataset;
    readonly settings: { readonly latencyMs: number };
    readonly companyIds?: readonly number[];
  },
): {
  readonly handler: (request: IncomingMessage, response: ServerResponse) => void;
  controls(baseUrl: string): RestSimulator;
} {
  const faults = new FaultRules<RestFault>();
  for (const rule of options.faults ?? []) faults.add(rule);
  const stats = new SimStats();
  const subscriptionKey = options.subscriptionKey ?? SIM_SUBSCRIPTION_KEY;
  const oauth = new SimOAuthServer({
    clients: options.clients ?? [SIM_REST_CLIENT],
    ...(options.accessTokenTtlSeconds !== undefined ? { accessTokenTtlSeconds: options.accessTokenTtlSeconds } : {}),
    ...(options.refreshTokenTtlSeconds !== undefined ? { refreshTokenTtlSeconds: options.refreshTokenTtlSeconds } : {}),
    ...(options.refreshTokenAbsoluteLifetimeSeconds !== undefined
      ? { refreshTokenAbsoluteLifetimeSeconds: options.refreshTokenAbsoluteLifetimeSeconds }
      : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const handler = createRestHandler({
    dataset: shared.dataset,
    oauth,
    subscriptionKey,
    faults,
    stats,
    settings: shared.settings,
    ...(shared.companyIds ? { companyIds: shared.companyIds } : {}),
    ...(options.maxPageSize !== undefined ? { maxPageSize: options.maxPageSize } : {}),
  });
  return {
    handler,
    controls: (baseUrl) => ({ apiUrl: baseUrl, identityUrl: baseUrl, subscriptionKey, faults, stats, oauth }),
  };
}
