import type { Clock } from "../clock.js";
import type { LoketSettings } from "../config/types.js";
import type { Logger } from "../logging/logger.js";
import { LOKET_OAUTH_WORDING, loketOAuthServer } from "../sources/loket/loket-oauth.js";
import type { AccessTokens } from "../sources/nmbrs/rest/rest-client.js";
import {
  connectPrompts,
  createOAuthAccessTokens,
  issuedElsewhere,
  type StoredTokens,
  type TokenKind,
  tokenStore,
} from "./oauth-tokens.js";
import type { ConnectorRegistry } from "./registry.js";

/** What the console shows as the connector's attention while Loket refuses a refresh. */
export const LOKET_NEEDS_RECONSENT =
  "Needs re-consent: Loket no longer accepts the gateway's authorization (the app's access was withdrawn in Loket, or the refresh token expired). Click \"Connect to Loket\" on the connector page; the data served to Okta stays as it is until then.";

/** The loket connector's tokens, sealed as `loketTokens` (the shape of `nmbrsRestTokens`). */
const store = tokenStore("loketTokens");
export const readLoketTokens = store.read;
export const saveLoketTokens = store.save;

/** Why stored tokens cannot be used with these settings, or null when they can. */
export function loketTokensMismatch(
  tokens: StoredTokens,
  settings: Pick<LoketSettings, "clientId" | "oauthUrl">,
): string | null {
  return issuedElsewhere(tokens, { clientId: settings.clientId, url: settings.oauthUrl, urlName: "OAuth URL" });
}

export interface LoketAccessTokenDeps {
  readonly registry: ConnectorRegistry;
  readonly connectorId: string;
  readonly settings: LoketSettings;
  readonly clock: Clock;
  readonly logger: Logger;
}

/**
 * Access tokens for a loket connector's source (the Loket spec §1; the rules are connectors/oauth-tokens.ts'):
 * renewed when less than min(2 minutes, a fifth of the lifetime) is left or after a 401, one refresh at a time, a
 * rotated refresh token stored at once; `invalid_grant` flags the connector "Needs re-consent".
 */
export function createLoketAccessTokens(deps: LoketAccessTokenDeps): AccessTokens {
  const { settings } = deps;
  const kind: TokenKind = {
    key: "loketTokens",
    system: "loket",
    wording: LOKET_OAUTH_WORDING,
    needsReconsent: LOKET_NEEDS_RECONSENT,
    ...connectPrompts("Loket", "a Loket user"),
    mismatch: (tokens) => loketTokensMismatch(tokens, settings),
    noRefreshToken: "Loket gave no refresh token when the gateway was connected",
  };
  return createOAuthAccessTokens({
    registry: deps.registry,
    connectorId: deps.connectorId,
    kind,
    server: {
      ...loketOAuthServer(settings),
      transport: { timeoutMs: settings.timeoutSeconds * 1000, maxResponseBytes: 1024 * 1024 },
    },
    clock: deps.clock,
    logger: deps.logger,
  });
}
