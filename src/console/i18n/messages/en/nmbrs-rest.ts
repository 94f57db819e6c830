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
  noConnector: "This connector does not exist (any more).",
  saveSettingsFirst: "Save the REST API settings first",
  settingsNeeded: "Client id, client secret and subscription key are needed before connecting.",
  /** The page Nmbrs' redirect back lands on (/oauth/nmbrs/callback), and its refusals. */
  handOver: {
    notConnected: "Not connected",
    unknown: "This answer from Nmbrs does not belong to a connection started here, or it was used already.",
    expired: "The connection was started more than ten minutes ago.",
    otherBrowser: "The connection was started in another browser.",
    startAgain: 'Start again with "Connect to Nmbrs" on the connector page.',
    sessionEnded:
      "Your console session ended while you were at Nmbrs. Sign in again and start over from the connector page.",
    declined: "Nmbrs did not give access (the Nmbrs user declined). Nothing changed.",
    refused: (code: string) => `Nmbrs did not give access (${code}). Nothing changed.`,
    settingsChanged: "The connector's REST settings changed while you were at Nmbrs. Connect again.",
    exchangeFailed: "Nmbrs did not complete the connection:",
    back: "Back to the console",
    connectedTitle: "Connected",
    connected: "Connected to Nmbrs.",
    continue: "Continue to the connector",
  },
  /** The move between the Nmbrs APIs (the connector page's migration card and the dry-run report). */
  apiSwitch: {
    apiNames: { "nmbrs-soap": "the Nmbrs SOAP API", "nmbrs-rest": "the Nmbrs REST API" } as Readonly<
      Record<string, string>
    >,
    toRest: "Move to the Nmbrs REST API",
    backToSoap: "Switch back to the Nmbrs SOAP API",
    pending: (now: string, before: string) =>
      `This connector reads ${now} now, but its people still carry the ids of ${before}. The next sync matches them (company and employee number, confirmed by birth date or e-mail) and keeps every SCIM id, so Okta sees the same users. If anyone Okta sees cannot be matched, the run waits for approval with those people listed.`,
    restText:
      "Nmbrs stops the SOAP API on 1 March 2027. This connector also has REST settings: connect to Nmbrs, run a dry run to see that everyone Okta sees is matched, then switch. Switching back is possible as long as Nmbrs serves SOAP.",
    soapText: "This connector still has its SOAP settings: a dry run shows what switching back would do; then switch.",
    dryRun: "Dry run",
    switchToRest: "Switch to the REST API",
    switchBack: "Switch back to SOAP",
    reading: (api: string) => `Reading everyone through ${api}…`,
    fileBefore: "Declared in config.toml: to switch, set",
    fileAfter: "for this connector and restart the gateway.",
    connectFirst: "Connect to Nmbrs (above) before the dry run and the switch.",
    wouldWait: "The switch would wait for approval",
    firstRun: "The first run after the switch",
    allMatched: "Everyone Okta sees is matched",
    allMatchedText: "The first run after the switch applies without approval; Okta's next import finds the same users.",
    readThrough: "Read through",
    listed: "Listed",
    servedNow: "Served to Okta now",
    matched: "Matched",
    matchedText: (all: number, birthDate: number, email: number, emailOnly: number) =>
      `${formatCount(all, "en")} (birth date ${formatCount(birthDate, "en")}, e-mail ${formatCount(email, "en")}, e-mail only ${formatCount(emailOnly, "en")})`,
    nextImport: "Okta's next import",
    nextImportText: (created: number, removed: number, updated: number) =>
      `${formatCount(created, "en")} ${created === 1 ? "new user" : "new users"}, ${formatCount(removed, "en")} ${removed === 1 ? "user removed" : "users removed"}, ${formatCount(updated, "en")} ${updated === 1 ? "user changed" : "users changed"}`,
    noBirthDate: (count: number) =>
      `${formatCount(count, "en")} ${count === 1 ? "person has" : "people have"} no stored birth-date check yet (synced before this version): they can only match by e-mail. A SOAP sync before the switch adds the check.`,
    renamedLabel: "Employee types renamed by the switch (userType and the employee-type groups)",
    renamedColumns: { now: "Now", after: "After the switch", users: "Users" },
    none: "(none)",
    notMatchedLabel: "People not matched",
    notMatchedColumns: { person: "Person", wouldBe: "Would be", why: "Why" },
    newInOkta: "new in Okta",
    dryRunFailed: "The dry run failed",
    readOnlyText: "Declared in config.toml: change its kind there and restart the gateway.",
    cannotSwitch: "Cannot switch",
    noSettingsFor: (api: string) => `The connector has no settings for ${api}, or reads it already.`,
    syncRunningText: "Wait until the sync has finished, then switch.",
  },
};

export type NmbrsRestMessages = typeof nmbrsRest;
