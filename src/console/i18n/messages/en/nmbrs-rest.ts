import { formatCount } from "../../../views/format.js";

/** English: the Nmbrs REST connection (consent, its age, connect and disconnect). nl/nmbrs-rest.ts matches. */
export const nmbrsRest = {
  consent: "Nmbrs consent",
  notConnected: "not connected",
  needsReconsent: "needs re-consent",
  connected: "connected",
  connectedBy: (who: string) => `by ${who}, `,
  renewalRefused:
    "Nmbrs no longer accepts the gateway's consent; Okta keeps seeing the last good data until an Nmbrs user connects again:",
  renewalSoon:
    "Nmbrs may end the gateway's consent soon (30 days after it was given, worst case); syncs keep working until then. Renew it now:",
  renewalOld: "The consent is older than 30 days and Nmbrs still renews it; connecting again starts a new one:",
  disconnectedTitle: "Disconnected from Nmbrs",
  disconnectedText:
    "Nmbrs revoked the gateway's access. Syncs fail until someone connects again; what Okta sees stays as it is.",
  disconnectedHereTitle: "Disconnected here only",
  disconnectedHereText:
    "The gateway forgot its access, but Nmbrs did not confirm the revocation (the reason is in the log): remove the app's access in Nmbrs to be sure.",
  endPassed: "worst-case end passed",
  thirtyDaysAfter: "30 days after the consent, on ",
  expiresIn: (days: number) =>
    `consent expires in ${formatCount(days, "en")} ${days === 1 ? "day" : "days"} (worst case)`,
  connect: "Connect to Nmbrs",
  connectAgain: "Connect to Nmbrs again",
  restApi: "Nmbrs REST API",
  consentFact: "Consent",
  redirectUri: "Redirect URI",
  registerHint:
    "Register the redirect URI with your app in the Nmbrs partner portal (partner-portal.nmbrsapp.com/integrations). Connecting sends you to Nmbrs, where an Nmbrs user allows read access. Nmbrs may end that consent 30 days after it was given however often the gateway syncs, so the gateway reminds you 7 and 2 days before: connect again then.",
  scopes: "The app needs the scopes",
  disconnectConfirm: "Disconnect? Syncs fail until someone connects again; what Okta sees stays as it is.",
  disconnect: "Disconnect",
};

export type NmbrsRestMessages = typeof nmbrsRest;
