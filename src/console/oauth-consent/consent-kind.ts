import type { AuditAction } from "../../audit/audit-store.js";
import type { ConnectorConfig } from "../../config/types.js";
import type { StoredTokens } from "../../connectors/oauth-tokens.js";
import type { ConnectorRegistry } from "../../connectors/registry.js";
import type { TokenSet } from "../../sources/oauth/oauth-server.js";
import type { Language } from "../i18n/language.js";
import type { Messages } from "../i18n/messages.js";

/**
 * One HR system's "Connect to …" (Nmbrs REST, Loket): what the shared consent routes (start-route.tsx,
 * callback-routes.tsx) need to know about it. The checks of a consent (state, binding cookie, ten minutes, single use,
 * the starting session alive) are the same for every system; what differs is here.
 */
export interface ConsentKind {
  /** In the paths: `/connectors/:id/{path}/connect`, `/oauth/{path}/callback`. */
  readonly path: string;
  /** "Nmbrs", "Loket": in log lines and the audit detail. */
  readonly system: string;
  readonly audit: AuditAction;
  /** Whether the authorization request carries a PKCE challenge (Nmbrs) or not (Loket). */
  readonly pkce: boolean;
  /** The OAuth settings of a connector, or null when it has none for this system (or none complete). */
  settingsOf(connector: ConnectorConfig): ConsentSettings | null;
  authorizeUrl(
    settings: ConsentSettings,
    request: { redirectUri: string; state: string; codeChallenge?: string },
  ): string;
  exchange(
    settings: ConsentSettings,
    grant: { code: string; state: string; verifier: string | null; redirectUri: string },
    signal: AbortSignal,
  ): Promise<TokenSet>;
  saveTokens(registry: ConnectorRegistry, connectorId: string, tokens: StoredTokens | null): void;
  /** The texts of the start route's refusals and of the hand-over page. */
  messages(language: Language): ConsentMessages;
}

/** What a consent needs of a connector's settings; `serverUrl` is where its tokens come from. */
export interface ConsentSettings {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly serverUrl: string;
}

export type ConsentMessages = Pick<
  Messages["nmbrsRest"],
  "noConnector" | "saveSettingsFirst" | "settingsNeeded" | "handOver"
>;

/** `/oauth/{path}/callback`: register exactly this URL with the app at the HR system. */
export function callbackPath(kind: Pick<ConsentKind, "path">): string {
  return `/oauth/${kind.path}/callback`;
}

/**
 * The browser cookie that binds a consent to the browser that started it. SameSite=Lax, not the console's Strict:
 * the HR system's redirect back is a cross-site navigation, on which a browser sends Lax cookies but no Strict ones.
 */
export function bindingCookie(kind: Pick<ConsentKind, "path">): string {
  return `hrgw_${kind.path}_consent`;
}
