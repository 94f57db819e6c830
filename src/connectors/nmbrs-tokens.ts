import type { NmbrsRestSettings } from "../config/types.js";
import { missingScopes, NMBRS_OAUTH_WORDING, nmbrsOAuthServer } from "../sources/nmbrs/rest/oauth-client.js";
import { issuedElsewhere, oauthKindTokens, type StoredTokens } from "./oauth-tokens.js";

export { storedTokensOf, type StoredTokens } from "./oauth-tokens.js";

/** What the console shows as the connector's attention while a refresh is refused. */
export const NEEDS_RECONSENT =
  'Needs re-consent: Nmbrs no longer accepts the gateway\'s authorization (revoked, or the consent ended: 30 days after it was given, or after 30 days unused). Click "Connect to Nmbrs" on the connector page; the data served to Okta stays as it is until then.';

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

/**
 * The nmbrs-rest connector's tokens, sealed as `nmbrsRestTokens`, and its source's access tokens (the rules are
 * connectors/oauth-tokens.ts').
 */
const nmbrsTokens = oauthKindTokens<NmbrsRestSettings>({
  key: "nmbrsRestTokens",
  system: "nmbrs",
  name: "Nmbrs",
  consenter: "an Nmbrs user",
  wording: NMBRS_OAUTH_WORDING,
  needsReconsent: NEEDS_RECONSENT,
  mismatch: tokensMismatch,
  noRefreshToken: "Nmbrs gave no refresh token when the gateway was connected (was offline_access granted?)",
  server: (settings) =>
    nmbrsOAuthServer({
      identityUrl: settings.identityUrl,
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
    }),
});
export const readTokens = nmbrsTokens.read;
export const saveTokens = nmbrsTokens.save;
export const createNmbrsAccessTokens = nmbrsTokens.accessTokens;
