import type { Clock } from "../clock.js";
import type { Logger } from "../logging/logger.js";
import type { AccessTokens } from "../sources/nmbrs/rest/rest-client.js";
import { SourceError } from "../sources/types.js";
import type { OAuthServer, OAuthWording, TokenSet } from "../sources/oauth/oauth-server.js";
import { refreshTokens } from "../sources/oauth/token-requests.js";
import { DETACHED, type ConnectorRegistry } from "./registry.js";

/**
 * The OAuth tokens of a connector whose source consents through OAuth (nmbrs-rest, loket), sealed with its other
 * secrets under a key per kind (also for connectors declared in config.toml: their client secret stays in the file,
 * the tokens the admin's consent produced live only here). Both kinds store the same shape.
 */
export interface StoredTokens {
  readonly accessToken: string;
  readonly refreshToken: string | null;
  /** ISO instants. */
  readonly expiresAt: string;
  readonly obtainedAt: string;
  readonly scope: string | null;
  /**
   * The app and OAuth server the tokens belong to: a change of either makes them useless. `identityUrl` is the
   * server's base URL (Nmbrs' identity service, Loket's oauth_url); the name is kept for tokens already stored.
   */
  readonly clientId: string;
  readonly identityUrl: string;
  /**
   * When and by whom consent was given (console admin name). A refresh keeps both: for Nmbrs `connectedAt` is the
   * start of the consent's worst-case 30 days (nmbrs-consent-age.ts), which rotating the refresh token may not extend.
   */
  readonly connectedAt: string;
  readonly connectedBy: string;
}

/** The key of a kind's tokens in the connector's sealed secrets. */
export type TokensKey = "nmbrsRestTokens" | "loketTokens";

export function readStoredTokens(
  registry: ConnectorRegistry,
  connectorId: string,
  key: TokensKey,
): StoredTokens | null {
  const tokens = registry.secretsOf(connectorId)[key];
  return tokens && typeof tokens === "object" ? (tokens as StoredTokens) : null;
}

/** Stores the tokens of a fresh consent or a refresh (or forgets them, with null). */
export function saveStoredTokens(
  registry: ConnectorRegistry,
  connectorId: string,
  key: TokensKey,
  tokens: StoredTokens | null,
): void {
  registry.changeSecrets(connectorId, (secrets) => {
    const { [key]: _old, ...rest } = secrets;
    return tokens ? { ...rest, [key]: tokens } : rest;
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

/**
 * True while the access token has more than min(2 minutes, a fifth of its lifetime) left: renewing that early means
 * a token never expires in the middle of a page, and a short-lived token is not renewed on every call.
 */
export function tokenIsFresh(tokens: Pick<StoredTokens, "expiresAt" | "obtainedAt">, now: Date): boolean {
  const expiresAt = Date.parse(tokens.expiresAt);
  const margin = Math.min(120_000, (expiresAt - Date.parse(tokens.obtainedAt)) / 5);
  return expiresAt - now.getTime() > margin;
}

/** What is particular to one kind: where its tokens live and what the admin reads when they cannot be used. */
export interface TokenKind {
  readonly key: TokensKey;
  /** "nmbrs", "loket": the first word of the log lines. */
  readonly system: string;
  readonly wording: OAuthWording;
  /** The connector's attention while a refresh is refused. */
  readonly needsReconsent: string;
  /** The run's error before anyone consented. */
  readonly notConnected: string;
  /** "Needs re-consent: <reason>. Click …": stored tokens that cannot be used (settings changed, no refresh token). */
  readonly reconsentBecause: (reason: string) => string;
  /** Why stored tokens cannot be used with the current settings, or null when they can. */
  readonly mismatch: (tokens: StoredTokens) => string | null;
  /** Said when the consent gave no refresh token and the access token ran out. */
  readonly noRefreshToken: string;
}

/** One kind's sealed tokens, read and stored under its key (the console, the consent routes and the source share it). */
function tokenStore(key: TokensKey) {
  return {
    read: (registry: ConnectorRegistry, connectorId: string): StoredTokens | null =>
      readStoredTokens(registry, connectorId, key),
    /** Stores the tokens of a fresh consent (or forgets them, with null: "Disconnect"). */
    save: (registry: ConnectorRegistry, connectorId: string, tokens: StoredTokens | null): void =>
      saveStoredTokens(registry, connectorId, key, tokens),
  };
}

/** The "Connect to …" prompts of a kind: before anyone consented, and when stored tokens cannot be used. */
function connectPrompts(system: string, consenter: string): Pick<TokenKind, "notConnected" | "reconsentBecause"> {
  return {
    notConnected: `Not connected to ${system} yet: open the connector page and click "Connect to ${system}" (${consenter} consents once).`,
    reconsentBecause: (reason) => `Needs re-consent: ${reason}. Click "Connect to ${system}" on the connector page.`,
  };
}

/**
 * Why tokens were issued for another client or server than the settings now name, or null: a kind's first mismatch
 * checks (`urlName` is how its settings call the OAuth URL).
 */
export function issuedElsewhere(
  tokens: Pick<StoredTokens, "clientId" | "identityUrl">,
  settings: { readonly clientId: string; readonly url: string; readonly urlName: string },
): string | null {
  if (tokens.clientId !== settings.clientId) return "the client id changed since the gateway was connected";
  if (tokens.identityUrl !== settings.url) return `the ${settings.urlName} changed since the gateway was connected`;
  return null;
}

/** What a kind's access tokens for one connector are made from: the connector, its kind's settings, the seams. */
export interface ConnectorTokenDeps<Settings> {
  readonly registry: ConnectorRegistry;
  readonly connectorId: string;
  readonly settings: Settings;
  readonly clock: Clock;
  readonly logger: Logger;
}

export interface OAuthTokenDeps extends Omit<ConnectorTokenDeps<unknown>, "settings"> {
  readonly kind: TokenKind;
  readonly server: OAuthServer;
}

/**
 * Access tokens for one connector's source: the stored token while it is valid for a while yet, else a refresh
 * (one at a time; a refresh token in the answer replaces the stored one at once, an answer without one keeps it).
 * The stored tokens are read again before every refresh, because the server and `npm run sync` share them and a
 * rotated refresh token works only once. A refused refresh flags the connector "needs re-consent" and fails the
 * run; nothing served changes.
 */
export function createOAuthAccessTokens(deps: OAuthTokenDeps): AccessTokens {
  const { registry, connectorId, kind } = deps;
  let refreshing: Promise<string> | null = null;

  const fault = (message: string, code: string) => kind.wording.fault(message, code, "OAuth", { needsAttention: true });

  const usable = (): StoredTokens => {
    const tokens = readStoredTokens(registry, connectorId, kind.key);
    if (!tokens) throw fault(kind.notConnected, "not-connected");
    const mismatch = kind.mismatch(tokens);
    if (mismatch) throw fault(kind.reconsentBecause(mismatch), "consent-required");
    return tokens;
  };

  const refresh = (rejected: string | null, signal?: AbortSignal): Promise<string> => {
    refreshing ??= (async () => {
      const stored = usable();
      // Another process (or an earlier call) already renewed what was refused or about to expire.
      if (stored.accessToken !== rejected && tokenIsFresh(stored, deps.clock())) return stored.accessToken;
      let set: TokenSet;
      try {
        if (!stored.refreshToken) throw fault(kind.reconsentBecause(kind.noRefreshToken), "consent-required");
        set = await refreshTokens(deps.server, kind.wording, stored.refreshToken, signal);
      } catch (error) {
        if (error instanceof SourceError && error.details.code === "consent-required") flagReconsent(error.message);
        throw error;
      }
      const renewed = storedTokensOf(
        { ...set, refreshToken: set.refreshToken ?? stored.refreshToken },
        { ...stored, now: deps.clock() },
      );
      saveStoredTokens(registry, connectorId, kind.key, renewed);
      deps.logger.info({ connector: connectorId, expiresAt: renewed.expiresAt }, `${kind.system} access token renewed`);
      return renewed.accessToken;
    })().finally(() => (refreshing = null));
    return refreshing;
  };

  const flagReconsent = (reason: string): void => {
    const current = registry.get(connectorId)?.attention;
    if (current !== DETACHED) registry.setAttention(connectorId, kind.needsReconsent);
    deps.logger.warn(
      { connector: connectorId, reason },
      `${kind.system} refused to renew the access token: the connector needs re-consent`,
    );
  };

  return {
    async current(signal) {
      const tokens = usable();
      return tokenIsFresh(tokens, deps.clock()) ? tokens.accessToken : refresh(null, signal);
    },
    renew: (rejected, signal) => refresh(rejected, signal),
  };
}

/**
 * An OAuth source kind declared once: its `TokenKind` but for the prompts (made from `name` and `consenter`), its
 * mismatch check and its OAuth server, both read from the connector's settings of that kind.
 */
export interface OAuthKindDeclaration<Settings>
  extends Omit<TokenKind, "notConnected" | "reconsentBecause" | "mismatch"> {
  /** "Nmbrs", "Loket": as the "Connect to …" button names the system. */
  readonly name: string;
  /** Who consents once: "a Loket user". */
  readonly consenter: string;
  readonly mismatch: (tokens: StoredTokens, settings: Settings) => string | null;
  readonly server: (settings: Settings) => OAuthServer;
}

/** What every OAuth source kind offers: its sealed tokens (read, save) and its source's access tokens. */
export interface OAuthKindTokens<Settings> {
  read(registry: ConnectorRegistry, connectorId: string): StoredTokens | null;
  /** Stores the tokens of a fresh consent (or forgets them, with null: "Disconnect"). */
  save(registry: ConnectorRegistry, connectorId: string, tokens: StoredTokens | null): void;
  accessTokens(deps: ConnectorTokenDeps<Settings>): AccessTokens;
}

/** One kind's tokens: the same store and the same rules (createOAuthAccessTokens) for every OAuth source. */
export function oauthKindTokens<Settings>(declaration: OAuthKindDeclaration<Settings>): OAuthKindTokens<Settings> {
  const { name, consenter, mismatch, server, ...kind } = declaration;
  const store = tokenStore(kind.key);
  return {
    read: store.read,
    save: store.save,
    accessTokens: (deps) =>
      createOAuthAccessTokens({
        ...deps,
        kind: { ...kind, ...connectPrompts(name, consenter), mismatch: (tokens) => mismatch(tokens, deps.settings) },
        server: server(deps.settings),
      }),
  };
}
