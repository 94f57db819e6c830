/** English: "Connect to Loket" on a loket connector (consent, disconnect, the hand-over page). nl/loket-consent.ts matches. */
export const loketConsent = {
  title: "Connection to Loket",
  consent: "Loket consent",
  notConnected: "not connected",
  needsReconsent: "needs re-consent",
  connectedTitle: "Connected to Loket",
  connectedText: "The gateway can read Loket now. Run a sync to check.",
  connected: "connected",
  connectedBy: (who: string) => `by ${who}, `,
  connect: "Connect to Loket",
  connectAgain: "Connect to Loket again",
  redirectUri: "Redirect URI",
  registerHint:
    "Ask Loket (api@loket.nl) to register this redirect URI for your app. Connecting sends you to Loket, where a Loket user logs in and allows the gateway to read the employers that user can see.",
  disconnectConfirm: "Disconnect? Syncs fail until someone connects again; what Okta sees stays as it is.",
  disconnect: "Disconnect",
  disconnectedTitle: "Disconnected from Loket",
  disconnectedText:
    "The gateway forgot its access to Loket. Loket offers the gateway no way to withdraw it there: a Loket user should withdraw the app's access in Loket. Syncs fail until someone connects again; what Okta sees stays as it is.",
  noConnector: "This connector does not exist (any more).",
  saveSettingsFirst: "Save the Loket settings first",
  settingsNeeded: "Client id and client secret are needed before connecting.",
  /** The page Loket's redirect back lands on (/oauth/loket/callback), and its refusals. */
  handOver: {
    notConnected: "Not connected",
    unknown: "This answer from Loket does not belong to a connection started here, or it was used already.",
    expired: "The connection was started more than ten minutes ago.",
    otherBrowser: "The connection was started in another browser.",
    startAgain: 'Start again with "Connect to Loket" on the connector page.',
    sessionEnded:
      "Your console session ended while you were at Loket. Sign in again and start over from the connector page.",
    declined: "Loket did not give access (the Loket user cancelled). Nothing changed.",
    refused: (code: string) => `Loket did not give access (${code}). Nothing changed.`,
    settingsChanged: "The connector's Loket settings changed while you were at Loket. Connect again.",
    exchangeFailed: "Loket did not complete the connection:",
    back: "Back to the console",
    connectedTitle: "Connected",
    connected: "Connected to Loket.",
    continue: "Continue to the connector",
  },
};
