import type { Clock } from "../clock.js";
import type { NmbrsRestSettings } from "../config/types.js";
import type { Logger } from "../logging/logger.js";
import {
  missingScopes,
  NMBRS_OAUTH_WORDING,
  nmbrsOAuthServer,
  type OAuthClientConfig,
} from "../sources/nmbrs/rest/oauth-client.js";
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

export { storedTokensOf, type StoredTokens } from "./oauth-tokens.js";

/** What the console shows as the connector's attention while a refresh is refused. */
export const NEEDS_RECONSENT =
  'Needs re-consent: Nmbrs no longer accepts the gateway\'s authorization (revoked, or the consent ended: 30 days after it was given, or after 30 days unused). Click "Connect to Nmbrs" on the connector page; the data served to Okta stays as it is until then.';

/** The nmbrs-rest connector's tokens, sealed as `nmbrsRestTokens`. */
const store = tokenStore("nmbrsRestTokens");
export const readTokens = store.read;
export const saveTokens = store.save;

/** Why stored tokens cannot be used with these settings, or null when they can. */
export function tokensMismatch(
  tokens: StoredTokens,
  settings: Pick<NmbrsRestSettings, "clientId" | "identityUrl">,
): string | null {
  const elsewhere = issuedElsewhere(tokens, {
    clientId: settings.clientId,
    url: settings.identityUrl,
    urlName: "identity URL",
  });
  if (elsewhere) return elsewhere;
  // Said once, before any call (and on the connector page): otherwise every company would fail on its own 403.
  const missing = missingScopes(tokens.scope);
  if (missing.length > 0)
    return `the gateway was connected without the scope ${missing.join(" and ")}, which it needs; allow it for the app at Nmbrs`;
  return null;
}

export interface AccessTokenDeps {
  readonly registry: ConnectorRegistry;
  readonly connectorId: string;
  readonly settings: NmbrsRestSettings;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Overrides the identity-service calls' transport and retry (tests). */
  readonly oauth?: Pick<OAuthClientConfig, "transport" | "retry">;
}

/** Access tokens for an nmbrs-rest connector's source (the rules are connectors/oauth-tokens.ts'). */
export function createNmbrsAccessTokens(deps: AccessTokenDeps): AccessTokens {
  const { settings } = deps;
  const kind: TokenKind = {
    key: "nmbrsRestTokens",
    system: "nmbrs",
    wording: NMBRS_OAUTH_WORDING,
    needsReconsent: NEEDS_RECONSENT,
    ...connectPrompts("Nmbrs", "an Nmbrs user"),
    mismatch: (tokens) => tokensMismatch(tokens, settings),
    noRefreshToken: "Nmbrs gave no refresh token when the gateway was connected (was offline_access granted?)",
  };
  return createOAuthAccessTokens({
    registry: deps.registry,
    connectorId: deps.connectorId,
    kind,
    server: nmbrsOAuthServer({
      identityUrl: settings.identityUrl,
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
      ...deps.oauth,
    }),
    clock: deps.clock,
    logger: deps.logger,
  });
}
