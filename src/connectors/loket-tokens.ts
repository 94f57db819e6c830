/**
 * THE SEAM THE CONSENT BRANCH REPLACES (issue #25): a stand-in for the kind-generic OAuth token store that is being
 * built beside this (oauth4webapi, "Connect to Loket", /oauth/loket/callback, refresh ahead of expiry). Until it is
 * merged, this reads the sealed `loketTokens` secret (shaped like `nmbrsRestTokens`) and cannot refresh: a refused
 * token fails the run asking for a new consent. Same name and signature as the store that replaces it.
 */
import type { Clock } from "../clock.js";
import type { LoketSettings } from "../config/types.js";
import type { Logger } from "../logging/logger.js";
import type { AccessTokens } from "../sources/nmbrs/rest/rest-client.js";
import { SourceError } from "../sources/types.js";
import type { ConnectorRegistry } from "./registry.js";

/** The key in the connector's sealed secrets. */
export const LOKET_TOKENS = "loketTokens";

export interface LoketTokenDeps {
  readonly registry: ConnectorRegistry;
  readonly connectorId: string;
  readonly settings: LoketSettings;
  readonly clock: Clock;
  readonly logger: Logger;
}

export function createLoketAccessTokens(deps: LoketTokenDeps): AccessTokens {
  const stored = (): string => {
    const tokens = deps.registry.secretsOf(deps.connectorId)[LOKET_TOKENS] as { accessToken?: unknown } | undefined;
    if (typeof tokens?.accessToken !== "string")
      throw new SourceError(
        'Not connected to Loket yet: open the connector page and click "Connect to Loket" (a Loket user with access to the employers consents once).',
        { code: "not-connected", operation: "OAuth", needsAttention: true },
      );
    return tokens.accessToken;
  };
  return {
    current: async () => stored(),
    async renew(rejected) {
      // Another process may have stored a newer token since this run read it.
      const token = stored();
      if (token !== rejected) return token;
      throw new SourceError(
        'Loket no longer accepts the authorisation (withdrawn, or it expired): click "Connect to Loket" on the connector page to connect again.',
        { code: "consent-required", operation: "OAuth", needsAttention: true },
      );
    },
  };
}
