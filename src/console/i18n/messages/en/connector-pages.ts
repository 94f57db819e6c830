import type { GroupKind } from "../../../../config/schema.js";
import { formatCount } from "../../../views/format.js";

/**
 * English: the connector's own pages (detail, new/edit form and its field errors, connection test, schedule preview,
 * delete). Part of the catalogue's shape (messages/en.ts); nl/connector-pages.ts is typed as this.
 */
export const connectorPages = {
  newTitle: "New connector",
  editTitle: (name: string) => `Edit ${name}`,
  fileNote: "Declared in config.toml: shown read-only here. Change it in the file and restart the gateway.",
  readOnlyTitle: "Read-only connector",
  previews: "Previews",
  viewSettings: "View settings",
  edit: "Edit",
  delete: "Delete…",
  connectedTitle: "Connected to Nmbrs",
  connectedText: "The gateway can read the Nmbrs REST API now. Run a sync to check.",
  switchedTitle: (api: string) => `Switched to ${api}`,
  switchedText: (api: string) =>
    `The next sync reads ${api} and matches everyone Okta sees; it waits for approval if anyone cannot be matched.`,
  restConnection: "Nmbrs REST API connection",
  problemsTitle: (count: number) => `Data problems (${formatCount(count, "en")})`,
  noProblems: "The last sync found no problems in the HR data.",
  problemsLabel: "Data problems",
  problemColumns: { kind: "Kind", person: "Person", detail: "Detail" },
  deleteTitle: (name: string) => `Delete ${name}?`,
  cannotUndo: "This cannot be undone",
  deleteText:
    "The connector, everything it serves to Okta, its people's SCIM ids, its history and its SCIM credentials are deleted. Okta's next import from this app fails to authenticate; if the app is reconnected to a new connector, Okta sees every user as new.",
  confirmDelete: (id: string) => `Yes, delete ${id}`,
  cancel: "Cancel",
  syncRunningTitle: "A sync is running",
  syncRunningText: "Wait until the sync has finished, then delete.",
  idTaken: (id: string) => `A connector "${id}" already exists.`,
  noLongerDeclared: "This connector is no longer declared in config.toml: there is nothing to test.",
  form: {
    correctFields: "Please correct the fields marked below.",
    nothingSaved: "Nothing was saved.",
    connector: "Connector",
    id: "Id",
    idHint: "Lowercase letters, digits and dashes. Part of the SCIM Base URL; it cannot change later.",
    name: "Display name",
    nameHint: "Shown in this console; the id when empty.",
    hrSystem: "HR system",
    kinds: { soap: "Nmbrs (SOAP API, API token)", rest: "Nmbrs (REST API, OAuth)" },
    credentials: "Nmbrs credentials",
    soapKept: "SOAP API (kept to switch back until 1 March 2027)",
    soapHint:
      "An API token of an Nmbrs user with read access to the companies (Nmbrs: Instellingen → Gebruikersaccounts → API token).",
    username: "Nmbrs user (e-mail)",
    token: "API token",
    domain: "Domain",
    domainHint: "The part before .nmbrs.nl, e.g. acme.",
    endpoint: "SOAP endpoint",
    restOptional: "REST API (for the move before 1 March 2027; optional until then)",
    restHint:
      "Client id and secret of your app in the Nmbrs partner portal (partner-portal.nmbrsapp.com/integrations); the subscription key (primary key) from your profile in the Nmbrs developer portal (developer.payroll.nmbrs.com/profile).",
    clientId: "Client id",
    clientSecret: "Client secret",
    subscriptionKey: "Subscription key",
    apiUrl: "API URL",
    identityUrl: "Identity URL",
    connectAfterSaving: "After saving, connect the gateway to Nmbrs here (OAuth consent by an Nmbrs admin).",
    testConnection: "Test connection",
    connecting: "Connecting…",
    companies: "Companies",
    companiesHint: "None selected: every company these credentials can see.",
    company: (number: string) => `Company ${number}`,
    listCompanies: 'Use "Test connection" to list the companies.',
    lifecycle: "Lifecycle",
    daysBefore: "Days before start",
    daysBeforeHint: "A new hire appears in Okta this many days before the first working day.",
    daysAfter: "Days after end",
    daysAfterHint: "A leaver stays active this many days after the last working day.",
    retentionDays: "Retention (days)",
    retentionHint: "Then served as inactive this long, so Okta deactivates the user, before being removed.",
    historyDays: "History kept (days)",
    timezone: "Time zone",
    timezoneHint: "Dates and the schedule are evaluated here.",
    employeeNumber: "Employee number",
    employeeNumberPlain: "As in the HR system (1002)",
    employeeNumberPrefixed: "With company number (1-1002)",
    schedule: "Schedule",
    cron: "Sync schedule (cron)",
    cronHint: 'Five fields: minute hour day month weekday. "15 * * * *" = every hour at :15.',
    reevaluateAt: "Daily re-evaluation (HH:MM)",
    reevaluateHint: "Dates move at midnight even when HR does not change.",
    identity: "Identity",
    groupsAndData: "Groups and data",
    groupKinds: "Groups served to Okta",
    managers: "Managers",
    managersHint:
      "Read each employee's manager and serve it as the enterprise manager (with Nmbrs SOAP: one extra call per employee).",
    safety: "Safety and notifications",
    holdThreshold: "Hold threshold (%)",
    holdThresholdHint: "A run that would deactivate or remove more than this share of served users waits for approval.",
    holdScope: "When the threshold is passed, hold",
    holdScopeConnector: "every deactivation of this connector",
    holdScopeCompany: "only the deactivations of the companies over the threshold",
    holdScopeHint: "Per company: a reorganisation in one company does not stop the leavers of the others.",
    notifyEmail: "Notify e-mail",
    notifyEmailHint: "Comma-separated; told when a run fails or is held.",
    notifyWebhook: "Notify webhook URL",
    create: "Create connector",
    save: "Save changes",
  },
  identity: {
    userNameFrom: "Okta login (userName) from",
    sources: {
      work: "Work e-mail only (someone without one is listed as a problem, not served)",
      "work,private": "Work e-mail, else the private e-mail",
      "private,work": "Private e-mail, else the work e-mail",
      private: "Private e-mail only",
      "work,generated": "Work e-mail, else a generated login",
      "work,private,generated": "Work e-mail, else the private e-mail, else a generated login",
      generated: "Always a generated login",
    },
    userNameHint:
      "A private address (gmail, hotmail, ziggo) as an Okta login sends password resets to a mailbox the company does not control. Changing this for a connector Okta already imports renames the users whose address changes.",
    generatedDomain: "Generated logins at",
    generatedDomainHint:
      'Required when the login can be generated: a person without an address gets nickname.lastname@ this domain. A login once given stays the person\'s and is never given to anyone else (docs/mapping.md, "Generated logins").',
    generatedFormat: "Format of generated logins",
    generatedFormatHint:
      "Optional: a CEL expression giving the part before the @. Empty: the built-in format, nickname (roepnaam) else first name, a dot, then prefix and last name (Zoë van der Berg → zoe.vanderberg).",
    privateContact: "Private contact data",
    privateContactHint: "Serve private e-mail and mobile in the hrgateway extension.",
    groupNames: "Group names",
    templateHint:
      "Placeholders: {name}, {code} and {company}. Departments, functions and cost centers are numbered per company in the HR system: without {company} the Sales of two companies are one group in Okta. Adding {company} to a connector Okta already imports makes new groups (the old ones empty out): Okta group rules and app assignments must move to them.",
    emptyNew:
      " Empty: {name} with one company chosen, else {name} ({company}) for departments, functions and cost centers.",
    emptyExisting: " Empty: {name}.",
    exampleOf: (example: string, company: string) => `${example} of ${company}`,
    groupKinds: {
      department: "Department",
      company: "Company",
      function: "Function (job title)",
      employee_type: "Employee type",
      cost_center: "Cost center",
    } satisfies Record<GroupKind, string>,
  },
  privateLogins: {
    text: (count: number) =>
      `${formatCount(count, "en")} ${count === 1 ? "person gets" : "people get"} a private e-mail address as their Okta login`,
    markedIn: "marked in the",
    hrList: "HR list",
    advice: "Give them a work address in the HR system; to stop new ones, set the",
    oktaLogin: "Okta login",
    toWorkOnly: "to the work e-mail only",
  },
  connectionTest: {
    fillInFirst: "Fill in the credentials first",
    failed: "Connection failed",
    connected: (count: number) =>
      `Connected: ${formatCount(count, "en")} ${count === 1 ? "company" : "companies"} found`,
    selectCompanies: "Select the companies to read, or none for all of them.",
    timedOut: (seconds: number) => `The HR system did not answer within ${seconds} seconds.`,
    unexpected: "The test failed unexpectedly; the details are in the log.",
  },
  schedulePreview: {
    enterTimeZone: "Enter a valid time zone to see the next runs.",
    nextRuns: (timezone: string, reevaluateAt: string) =>
      `Next runs (${timezone}), plus a daily re-evaluation at ${reevaluateAt}:`,
  },
  fieldErrors: {
    required: {
      id: 'Enter an id, e.g. "acme".',
      "nmbrs.username": "Enter the e-mail address of the Nmbrs user the API token belongs to.",
      "nmbrs.token": "Enter the API token.",
      "nmbrs.domain": "Enter the Nmbrs domain: the part before .nmbrs.nl.",
      "nmbrs_rest.client_id": "Enter the client id.",
      "nmbrs_rest.client_secret": "Enter the client secret.",
      "nmbrs_rest.subscription_key": "Enter the subscription key.",
      "identity.generated_domain": 'Enter the domain of the generated logins, e.g. "acme.nl".',
    } as Readonly<Record<string, string>>,
    enterValue: "Enter a value.",
    reserved: (id: string) => `"${id}" is reserved by the console; choose another id`,
    enterAgain: "enter it again: the address it is sent to changed",
    /** config.toml's own message, which already says what a value must be; it only needs to read as a sentence. */
    configMessage: (message: string) => sentence(message),
  },
};

export type ConnectorPageMessages = typeof connectorPages;

/** "must be 0 or more" → "Must be 0 or more." */
export function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
