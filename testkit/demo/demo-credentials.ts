/**
 * The demo's fixed credentials, documented in the README's first screen (a test keeps the two in step). They exist
 * only in `npm run demo`, whose servers listen on loopback only.
 */
export const DEMO = {
  connectorId: "demo",
  scimUsername: "okta-demo",
  scimPassword: "demo-scim-password",
  adminUsername: "admin",
  adminPassword: "demo-admin-password",
  nmbrs: { username: "api@demo.nl", token: "demo-nmbrs-token", domain: "demo" },
  /** `npm run demo -- --source afas`: the whole token XML, as an App Connector shows it. */
  afasToken: `<token><version>1</version><data>${"de30".repeat(16)}</data></token>`,
  /** `npm run demo -- --source loket`: the app "registered" at the simulated Loket. */
  loket: { clientId: "d3m0c11e-0000-4000-a000-10ce7de30000", clientSecret: "demo-loket-secret" },
} as const;
