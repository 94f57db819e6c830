import type { Child } from "hono/jsx";

/** The pieces a step's sentence places: copyable values, links and states the page builds (okta/okta-steps.tsx). */
export interface StepParts {
  readonly app: string;
  readonly appName: Child;
  readonly baseUrl: Child;
  readonly uniqueId: Child;
  readonly headerName: Child;
  readonly username: Child;
  readonly usernameExpression: Child;
  readonly schedule: string;
  readonly timezone: string;
  readonly maxPercent: number;
  readonly hrListHref: string;
}

/**
 * English: the clicks in Okta, in Okta's own words (its admin console is English, so its menu and field names are
 * marked lang="en" in every language). nl/okta-steps.tsx matches; the page is okta/okta-steps.tsx.
 */
export const oktaSteps = {
  title: "Steps in Okta",
  app: (p: StepParts) => (
    <>
      <strong>Create the app.</strong> In the Okta Admin Console:{" "}
      <strong lang="en">Applications → Applications → Create App Integration</strong>, sign-in method{" "}
      <strong>SWA</strong> or <strong>SAML 2.0</strong> (the App Integration Wizard; Okta's catalogue apps cannot import
      from a custom SCIM server). App name: {p.appName}. Finish the wizard, then on the app's{" "}
      <strong lang="en">General</strong> tab, <strong lang="en">App Settings → Edit</strong>: set{" "}
      <strong>Provisioning</strong> to <strong>SCIM</strong> and save; under <strong lang="en">App visibility</strong>{" "}
      select <span lang="en">"Do not display application icon to users"</span> and{" "}
      <span lang="en">"Do not display application icon in the Okta Mobile app"</span> (the app is only a source).
    </>
  ),
  credentialTitle: "Have a credential ready.",
  connectTitle: "Connect.",
  baseUrlLabel: "SCIM connector base URL:",
  uniqueIdLabel: "Unique identifier field for users:",
  actions: () => (
    <>
      Supported provisioning actions: <strong lang="en">Import New Users and Profile Updates</strong> and{" "}
      <strong lang="en">Import Groups</strong> only. Leave <span lang="en">Push New Users</span>,{" "}
      <span lang="en">Push Profile Updates</span> and <span lang="en">Push Groups</span> off: the gateway is read-only.
    </>
  ),
  bearerMode: (p: StepParts) => (
    <>
      Authentication Mode <strong lang="en">HTTP Header</strong>: header {p.headerName}, value: the bearer token (Okta
      sends it as <code>Authorization: Bearer …</code>). (With a password instead, the mode is{" "}
      <strong lang="en">Basic Auth</strong>.)
    </>
  ),
  basicMode: (p: StepParts) => (
    <>
      Authentication Mode <strong lang="en">Basic Auth</strong>: Username {p.username}, Password: the password of{" "}
      <a href="#credentials">Connection values</a>. (With a bearer token instead, the mode is{" "}
      <strong lang="en">HTTP Header</strong>.)
    </>
  ),
  testAndSave: () => (
    <>
      Click <strong lang="en">Test Connector Configuration</strong> (Okta reads two users to check the URL and the
      credential), then <strong lang="en">Save</strong>.
    </>
  ),
  toApp: () => (
    <>
      <strong>To App: leave off.</strong> Under <strong lang="en">Provisioning → To App</strong> leave{" "}
      <span lang="en">Create Users</span>, <span lang="en">Update User Attributes</span> and{" "}
      <span lang="en">Deactivate Users</span> unchecked. The gateway never changes HR data and answers any write with{" "}
      <code>501</code>.
    </>
  ),
  toOkta: () => (
    <>
      <strong>To Okta.</strong> <strong lang="en">Provisioning → To Okta → Edit</strong>:
    </>
  ),
  general: (p: StepParts) => (
    <>
      <strong lang="en">General</strong>: an import schedule (Okta offers hourly, daily or weekly; after the gateway's
      sync, which runs on <code>{p.schedule}</code> in {p.timezone}), Okta username format{" "}
      <strong lang="en">Email</strong> (or Custom with {p.usernameExpression}).{" "}
      <strong lang="en">Import Safeguards</strong>: keep Okta's default (20%). The gateway's own brake already holds a
      run that would deactivate more than {p.maxPercent}% of the people it serves, before Okta sees it.
    </>
  ),
  matching: () => (
    <>
      <strong lang="en">User Creation &amp; Matching</strong>: an imported user is an exact match when the Okta username
      format matches. Leave <span lang="en">"Confirm matched users"</span> and{" "}
      <span lang="en">"Confirm new users"</span> off for the first import, so you can review it.
    </>
  ),
  sourcing: (p: StepParts) => (
    <>
      <strong lang="en">Profile &amp; Lifecycle Sourcing</strong>: enable{" "}
      <strong lang="en">Allow {p.app} to source Okta users</strong>. When a user is deactivated in the app:{" "}
      <strong lang="en">Deactivate</strong> (or <span lang="en">Suspend</span>); when reactivated: reactivate the Okta
      user.
    </>
  ),
  profile: (p: StepParts) => (
    <>
      <strong>Attributes.</strong> <strong lang="en">Directory → Profile Editor → {p.app} User → Add Attribute</strong>{" "}
      for each attribute in <a href="#attributes">Profile Editor attributes</a>, then{" "}
      <strong lang="en">Mappings → {p.app} to Okta User</strong> to map them.
    </>
  ),
  firstImport: (p: StepParts) => (
    <>
      <strong>First import.</strong> On the app's <strong lang="en">Import</strong> tab click{" "}
      <strong lang="en">Import Now</strong>: Okta imports the users, and the groups because{" "}
      <span lang="en">Import Groups</span> is on. Compare the result with the <a href={p.hrListHref}>HR list</a>, then
      confirm the users.
    </>
  ),
  copyLabels: {
    appName: "app name",
    baseUrl: "SCIM connector base URL",
    uniqueId: "unique identifier field",
    headerName: "header name",
    username: "Basic Auth username",
    usernameExpression: "username expression",
  },
  secretWhat: (bearer: boolean): string => (bearer ? "bearer token" : "password"),
  secretAbove: (what: string) => `The new ${what} is at the top of this page: copy it now, it is shown only once.`,
  noSecretYet: (what: string) => `No ${what} exists yet.`,
  generateOne: "Generate one under Connection values",
  shownOnce: "; it is shown once, right after.",
  fromFile: (what: string) => `The ${what} is declared in config.toml: use the value from there.`,
  generatedOn: (what: string) => `A ${what} was generated on`,
  onlyHash: ". The gateway keeps only its hash: if you no longer have it,",
  generateNew: "generate a new one under Connection values",
  oldStops: " (the old one stops working at once).",
  noImport: "No import by Okta seen yet.",
  lastImport: "Okta's last import:",
  inProgress: " (in progress)",
};

export type OktaStepMessages = typeof oktaSteps;
