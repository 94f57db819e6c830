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
} as const;
