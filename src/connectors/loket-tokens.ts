import type { LoketSettings } from "../config/types.js";
import { LOKET_OAUTH_WORDING, loketOAuthServer } from "../sources/loket/loket-oauth.js";
import { issuedElsewhere, oauthKindTokens, type StoredTokens } from "./oauth-tokens.js";

/** What the console shows as the connector's attention while Loket refuses a refresh. */
export const LOKET_NEEDS_RECONSENT =
  "Needs re-consent: Loket no longer accepts the gateway's authorization (the app's access was withdrawn in Loket, or the refresh token expired). Click \"Connect to Loket\" on the connector page; the data served to Okta stays as it is until then.";

/** Why stored tokens cannot be used with these settings, or null when they can. */
export function loketTokensMismatch(
  tokens: StoredTokens,
  settings: Pick<LoketSettings, "clientId" | "oauthUrl">,
): string | null {
  return issuedElsewhere(tokens, { clientId: settings.clientId, url: settings.oauthUrl, urlName: "OAuth URL" });
}

/**
 * The loket connector's tokens, sealed as `loketTokens` (the shape of `nmbrsRestTokens`), and its source's access
 * tokens (the Loket spec §1; the rules are connectors/oauth-tokens.ts'): renewed when less than min(2 minutes, a
 * fifth of the lifetime) is left or after a 401, one refresh at a time, a rotated refresh token stored at once;
 * `invalid_grant` flags the connector "Needs re-consent".
 */
const loketTokens = oauthKindTokens<LoketSettings>({
  key: "loketTokens",
  system: "loket",
  name: "Loket",
  consenter: "a Loket user",
  wording: LOKET_OAUTH_WORDING,
  needsReconsent: LOKET_NEEDS_RECONSENT,
  mismatch: loketTokensMismatch,
  noRefreshToken: "Loket gave no refresh token when the gateway was connected",
  server: (settings) => ({
    ...loketOAuthServer(settings),
    transport: { timeoutMs: settings.timeoutSeconds * 1000, maxResponseBytes: 1024 * 1024 },
  }),
});
export const readLoketTokens = loketTokens.read;
export const saveLoketTokens = loketTokens.save;
export const createLoketAccessTokens = loketTokens.accessTokens;
