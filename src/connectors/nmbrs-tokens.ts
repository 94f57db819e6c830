import type { Clock } from "../clock.js";
import type { NmbrsRestSettings } from "../config/types.js";
import type { Logger } from "../logging/logger.js";
import { NmbrsFault } from "../sources/nmbrs/nmbrs-fault.js";
import {
  missingScopes,
  refreshTokens,
  type OAuthClientConfig,
  type TokenSet,
} from "../sources/nmbrs/rest/oauth-client.js";
import type { AccessTokens } from "../sources/nmbrs/rest/rest-client.js";
import { DETACHED, type ConnectorRegistry } from "./registry.js";

/**
 * The OAuth tokens of an nmbrs-rest connector, sealed with its other secrets (also for connectors declared in
 * config.toml: their client secret stays in the file, the tokens the admin's consent produced live only here).
 */
export interface StoredTokens {
  readonly accessToken: string;
  readonly refreshToken: string | null;
  /** ISO instants. */
  readonly expiresAt: string;
  readonly obtainedAt: string;
  readonly scope: string | null;
  /** The app and identity service the tokens belong to: a change of either makes them useless. */
  readonly clientId: string;
  readonly identityUrl: string;
  /**
   * When and by whom consent was given (console admin name). A refresh keeps both: `connectedAt` is the start of the
   * consent's worst-case 30 days (nmbrs-consent-age.ts), which rotating the refresh token may not extend.
   */
  readonly connectedAt: string;
  readonly connectedBy: string;
}

/** The key in the connector's sealed secrets. */
const TOKENS = "nmbrsRestTokens";

/** What the console shows as the connector's attention while a refresh is refused. */
export const NEEDS_RECONSENT =
  'Needs re-consent: Nmbrs no longer accepts the gateway\'s authorization (revoked, or the consent ended: 30 days after it was given, or after 30 days unused). Click "Connect to Nmbrs" on the connector page; the data served to Okta stays as it is until then.';

export function readTokens(registry: ConnectorRegistry, connectorId: string): StoredTokens | null {
  const tokens = registry.secretsOf(connectorId)[TOKENS];
  return tokens && typeof tokens === "object" ? (tokens as StoredTokens) : null;
}

/** Stores the tokens of a fresh consent (or forgets them, with null). */
export function saveTokens(registry: ConnectorRegistry, connectorId: string, tokens: StoredTokens | null): void {
  registry.changeSecrets(connectorId, (secrets) => {
    const { [TOKENS]: _old, ...rest } = secrets;
    return tokens ? { ...rest, [TOKENS]: tokens } : rest;
  });
}

export function storedTokensOf(
  set: TokenSet,
  context: { clientId: string; identityUrl: string; now: Date; connectedAt?: string; connectedBy: string },
): StoredTokens {
  return {
    accessToken: set.accessToken,
    refreshToken: set.refreshToken,
    expiresAt: new Date(context.now.getTime() + set.expiresInSeconds * 1000).toISOString(),
    obtainedAt: context.now.toISOString(),
    scope: set.scope,
    clientId: context.clientId,
    identityUrl: context.identityUrl,
    connectedAt: context.connectedAt ?? context.now.toISOString(),
    connectedBy: context.connectedBy,
  };
}

/** Why stored tokens cannot be used with these settings, or null when they can. */
export function tokensMismatch(
  tokens: StoredTokens,
  settings: Pick<NmbrsRestSettings, "clientId" | "identityUrl">,
): string | null {
  if (tokens.clientId !== settings.clientId) return "the client id changed since the gateway was connected";
  if (tokens.identityUrl !== settings.identityUrl) return "the identity URL changed since the gateway was connected";
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

/**
 * Access tokens for one connector's REST source: the stored token while it is valid for a while yet, else a refresh
 * (one at a time; the rotated refresh token is stored at once). The stored tokens are read again before every
 * refresh, because the server and `npm run sync` share them and a rotated refresh token works only once.
 * A refused refresh flags the connector "needs re-consent" and fails the run; nothing served changes.
 */
export function createNmbrsAccessTokens(deps: AccessTokenDeps): AccessTokens {
  const { registry, connectorId, settings } = deps;
  const oauth: OAuthClientConfig = {
    identityUrl: settings.identityUrl,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    ...deps.oauth,
  };
  let refreshing: Promise<string> | null = null;

  const usable = (): StoredTokens => {
    const tokens = readTokens(registry, connectorId);
    if (!tokens) {
      throw new NmbrsFault(
        'Not connected to Nmbrs yet: open the connector page and click "Connect to Nmbrs" (an Nmbrs user consents once).',
        "not-connected",
        "OAuth",
        undefined,
        {
          needsAttention: true,
        },
      );
    }
    const mismatch = tokensMismatch(tokens, settings);
    if (mismatch)
      throw new NmbrsFault(
        `Needs re-consent: ${mismatch}. Click "Connect to Nmbrs" on the connector page.`,
        "consent-required",
        "OAuth",
        undefined,
        { needsAttention: true },
      );
    return tokens;
  };

  const fresh = (tokens: StoredTokens): boolean => {
    const expiresAt = Date.parse(tokens.expiresAt);
    // Renew when less than a fifth of the lifetime (at most 2 minutes) is left, so a token never expires mid-page.
    const margin = Math.min(120_000, (expiresAt - Date.parse(tokens.obtainedAt)) / 5);
    return expiresAt - deps.clock().getTime() > margin;
  };

  const refresh = (rejected: string | null, signal?: AbortSignal): Promise<string> => {
    refreshing ??= (async () => {
      const stored = usable();
      // Another process (or an earlier call) already renewed what was refused or about to expire.
      if (stored.accessToken !== rejected && fresh(stored)) return stored.accessToken;
      let set: TokenSet;
      try {
        if (!stored.refreshToken)
          throw consentFault(
            "Nmbrs gave no refresh token when the gateway was connected (was offline_access granted?)",
          );
        set = await refreshTokens(oauth, stored.refreshToken, signal);
      } catch (error) {
        if (error instanceof NmbrsFault && error.code === "consent-required") flagReconsent(error);
        throw error;
      }
      const renewed = storedTokensOf(
        { ...set, refreshToken: set.refreshToken ?? stored.refreshToken },
        { ...stored, now: deps.clock() },
      );
      saveTokens(registry, connectorId, renewed);
      deps.logger.info({ connector: connectorId, expiresAt: renewed.expiresAt }, "nmbrs access token renewed");
      return renewed.accessToken;
    })().finally(() => (refreshing = null));
    return refreshing;
  };

  const flagReconsent = (error: NmbrsFault): void => {
    const current = registry.get(connectorId)?.attention;
    if (current !== DETACHED) registry.setAttention(connectorId, NEEDS_RECONSENT);
    deps.logger.warn(
      { connector: connectorId, reason: error.message },
      "nmbrs refused to renew the access token: the connector needs re-consent",
    );
  };

  return {
    async current(signal) {
      const tokens = usable();
      return fresh(tokens) ? tokens.accessToken : refresh(null, signal);
    },
    renew: (rejected, signal) => refresh(rejected, signal),
  };
}

function consentFault(reason: string): NmbrsFault {
  return new NmbrsFault(
    `Needs re-consent: ${reason}. Click "Connect to Nmbrs" on the connector page.`,
    "consent-required",
    "OAuth",
    undefined,
    { needsAttention: true },
  );
}
