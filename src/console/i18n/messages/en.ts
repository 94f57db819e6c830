import { MIN_PASSWORD_LENGTH, type PasswordProblem } from "../../auth/password-rule.js";
import type { ProblemKind } from "../../../sync/plan-types.js";
import type { RunStatus } from "../../../sync/run-store.js";
import { formatCount } from "../../views/format.js";
import { connectorPages } from "./en/connector-pages.js";
import { auditPages } from "./en/audit-pages.js";
import { forecastPage } from "./en/forecast-page.js";
import { holdPages } from "./en/hold-pages.js";
import { hrPages } from "./en/hr-pages.js";
import { logPages } from "./en/log-pages.js";
import { loket } from "./en/loket.js";
import { nmbrsRest } from "./en/nmbrs-rest.js";
import { loketConsent } from "./en/loket-consent.js";
import { youforce } from "./en/youforce.js";
import { oktaPage } from "./en/okta-page.js";
import { oktaSteps } from "./en/okta-steps.js";
import { previewPages } from "./en/preview-pages.js";
import { runPages } from "./en/run-pages.js";
import { shared } from "./en/shared.js";
import { mapping } from "./en/mapping-page.js";
import { groups } from "./en/groups.js";
import { exclusions } from "./en/exclusions.js";

/**
 * English, the catalogue's shape (messages.ts). `nl` is typed as `Messages`, so a key missing in Dutch is a type
 * error, and test/unit/console/i18n/messages.test.ts also fails on a missing or empty entry at run time.
 * Messages with a count are functions, so each language makes its own plural (and formats the number its own way).
 * Wording and terms: docs/i18n.md (glossary).
 */
export const en = {
  layout: {
    skipToContent: "Skip to content",
    mainNavigation: "Main",
    breadcrumb: "Breadcrumb",
    logOut: "Log out",
    nav: {
      dashboard: "Dashboard",
      connectors: "Connectors",
      hr: "HR list",
      runs: "Sync runs",
      log: "Log",
      audit: "Audit",
    },
    language: "Language",
    languageNames: { en: "English", nl: "Nederlands" },
  },
  auth: {
    setupTitle: "Set up HR Gateway",
    setupWelcome:
      "Welcome. Create the first administrator account for this console. Only this first account can be made here; this page closes as soon as it exists.",
    userName: "User name",
    password: "Password",
    passwordAgain: "Password again",
    createAdmin: "Create admin and sign in",
    signInTitle: "Sign in",
    signIn: "Sign in",
    wrongCredentials: "The user name or password is not right.",
    tooManyAttempts: (minutes: number) =>
      `Too many failed attempts. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`,
    alreadySetUp: "The console already has an admin. Sign in instead.",
    passwordsDiffer: "The two passwords differ.",
    userNameMissing: "Enter a user name.",
    userNameTooLong: "Use at most 64 characters.",
    userNameCharacters: "Use letters, digits and . _ @ - only.",
  },
  password: {
    /** Shown next to the password field, so the rule is known before it is broken. */
    rule:
      "At least 12 characters, and not easy to guess: not a common password with a few digits added, not your user name, " +
      "not one character or a keyboard sequence repeated. A sentence of four or five unrelated words is a good choice.",
    problem: (problem: PasswordProblem): string => {
      switch (problem.kind) {
        case "short":
          return `Use at least ${MIN_PASSWORD_LENGTH} characters (this one has ${problem.length}).`;
        case "few-characters":
          return "Use more different characters: this password repeats only a few.";
        case "contains-user-name":
          return "Do not put your user name in your password.";
        case "common":
          return "This is a common password with digits or symbols added; choose something less predictable.";
        case "sequence":
          return "Keyboard sequences and repeated patterns are easy to guess.";
      }
    },
  },
  problems: {
    notFoundTitle: "Page not found",
    notFoundText: "There is no page at this address. Use the navigation to find what you are looking for.",
    failedTitle: "Something went wrong",
    failedText: "The request could not be completed. The details are in the log.",
    noConnectorTitle: "No such connector",
    noConnectorText: "This connector does not exist.",
    forecastNotReadyTitle: "The forecast is not ready",
  },
  time: {
    never: "never",
  },
  dashboard: {
    title: "Dashboard",
    newConnector: "New connector",
    emptyTitle: "No connectors yet",
    emptyText:
      "A connector reads employees from one Nmbrs environment and serves them to one Okta app. Create one to get started.",
    createConnector: "Create a connector",
    fromConfigFile: "config.toml",
    madeInConsole: "made in the console",
    lastSync: "Last sync",
    nextRun: "Next run",
    notScheduled: "not scheduled",
    oktaImport: "Okta import",
    importPages: (pages: number) => `${formatCount(pages, "en")} ${pages === 1 ? "page" : "pages"}`,
    usersServed: (users: number) => `${formatCount(users, "en")} users served`,
    inProgress: " (in progress)",
    noImportYet: "no import seen yet",
    served: "Served",
    servedCounts: (users: number, active: number, groups: number) =>
      `${formatCount(users, "en")} users (${formatCount(active, "en")} active), ${formatCount(groups, "en")} groups`,
    nothingYet: "nothing yet",
    warnings: "Warnings",
    reviewHeldRun: (id: number) => `Review held run #${id}`,
    reviewHeldPeople: (count: number) =>
      `Review ${formatCount(count, "en")} ${count === 1 ? "held person" : "held people"}`,
    cardLinks: (connector: string) => `${connector} pages`,
    hrList: "HR list",
    runs: "Runs",
    oktaSetup: "Okta setup",
    forecastLink: "Forecast of the next import",
    nextImport: (c: ImportCounts) =>
      `Next import: ${c.new} new, ${c.updated} updated, ${c.deactivated} deactivated, ${c.reactivated} reactivated, ${c.removed} removed`,
    safeguardWouldTrip: "Okta's import safeguard would trip",
    health: {
      healthy: "Healthy",
      failing: "Failing",
      held: "Held for approval",
      attention: "Needs attention",
      syncing: "Syncing",
      new: "Not synced yet",
    },
    reasons: {
      notScheduled: (problem: string) =>
        `Not scheduled: the ${problem}. Correct it in the settings; the other connectors run as usual.`,
      runHeld: "a run waits for approval",
      peopleHeld: (count: number) =>
        `${formatCount(count, "en")} ${count === 1 ? "person waits" : "people wait"} for approval; everything else was applied`,
      syncing: "a sync is running",
      neverSynced: "not synced yet",
      notApplied: (status: string) => `the last run was ${status}: nothing it read was applied`,
      noNextRun: "no next run is scheduled",
    },
    setupProgress: (done: number, total: number) => `Setup: ${done} of ${total} done`,
    stepDone: "(done)",
    stepToDo: "(to do)",
    setupSteps: {
      source: {
        label: "Source connection tested",
        hint: (fromFile: boolean): string =>
          fromFile
            ? "run Sync now: a successful sync proves the connection"
            : "use Test connection on the connector's form, or run a sync",
      },
      credential: {
        label: "Okta credential generated",
        hint: (fromFile: boolean): string =>
          fromFile
            ? "declare [connectors.scim] password_env or bearer_token_env in config.toml"
            : "generate a password or bearer token on the Okta setup page",
      },
      import: {
        label: "First Okta import seen",
        hint: (_fromFile: boolean): string => "in Okta, Import → Import Now (requests from other clients do not count)",
      },
    },
  },
  /** Plain words for the sync's problem kinds (src/sync/plan-types.ts): one, many. */
  dataProblems: {
    no_email: ["person without an e-mail address", "people without an e-mail address"],
    no_name: ["person without a first or last name", "people without a first or last name"],
    conflict: ["user name conflict", "user name conflicts"],
    email_domain: ["e-mail address moved to another domain", "e-mail addresses moved to another domain"],
    emptied: ["watched attribute that became empty", "watched attributes that became empty"],
    manager: ["manager that could not be matched", "managers that could not be matched"],
    group_name: ["group without a usable name", "groups without a usable name"],
    duplicate: ["person listed twice", "people listed twice"],
    mapping: ["person a mapping expression failed for", "people a mapping expression failed for"],
    login_suggested: [
      "person whose new name suggests another generated user name",
      "people whose new name suggests another generated user name",
    ],
  } satisfies Record<ProblemKind, readonly [one: string, many: string]>,
  connectors: {
    title: "Connectors",
    newConnector: "New connector",
    deleted: (name: string) => `Connector "${name}" was deleted.`,
    none: "No connectors yet.",
    columns: {
      connector: "Connector",
      hrSystem: "HR system",
      definedIn: "Defined in",
      status: "Status",
      lastSync: "Last sync",
      nextRun: "Next run",
    },
    fromConfigFile: "config.toml",
    fromConsole: "console",
    notScheduled: "not scheduled",
    view: "View",
    edit: "Edit",
    oktaSetup: "Okta setup",
  },
  /** The AFAS Profit part of the connector form (docs/afas.md has the same steps at length). */
  afas: {
    kind: "AFAS Profit (REST API, App Connector token)",
    credentials: "AFAS Profit connection",
    baseUrl: "Base URL",
    baseUrlHint:
      "https://<environment number>.rest.afas.online/ProfitRestServices (resttest or restaccept for a test environment).",
    token: "Token",
    tokenHint: "The whole <token>…</token> the App Connector shows once (tab User tokens), or only its data part.",
    integrationId: "Integration id",
    integrationIdHint: "Optional: <subscription>_<project>, sent as IntegrationId (required for AFAS partners).",
    pageSize: "Rows per request",
    pageSizeHint: "2 to 10000; pages overlap by one row.",
    timeout: "Timeout per request (seconds)",
    timeoutHint: "1 to 900, AFAS's own limit.",
    helpTitle: "Where the GetConnectors, the App Connector and the token are made",
    step1:
      "In Profit, General / Output / Management / GetConnector: create HRGateway_Employees, HRGateway_Employments and HRGateway_OrgUnits with the fields docs/afas.md lists (ids exactly as written).",
    step2:
      'General / Management / App connector: a new App Connector "HR Gateway" with these three GetConnectors; give its user group rights on every employer to read.',
    step3: "Tab User tokens: New, pick the user, and paste the token here. It is shown only once.",
    step4: "With an IP restriction on the App Connector, allow this gateway's outgoing address.",
    step5: "Test connection: it names every GetConnector or field that is missing.",
  },
  tables: {
    actions: "Actions",
  },
  mapping,
  generatedLogin: {
    title: "Generated user name",
    suggested: (kept: string, suggested: string) =>
      `This person keeps the generated user name ${kept}; their name in HR now gives ${suggested}.`,
    approveHelp:
      "Approving stores the new user name for good: the next sync serves it and Okta renames the account at its next import (the rename brake still applies). The old user name is never given to anyone again.",
    approve: "Approve new login",
    approved: (login: string) => `Approved: the next sync serves ${login}.`,
    notApproved: "The login was not changed",
  },
  exclusions,
  runs: {
    status: {
      running: "running",
      succeeded: "succeeded",
      approved: "approved",
      failed: "failed",
      held: "held",
      rejected: "rejected",
      superseded: "superseded",
    } satisfies Record<RunStatus, string>,
    syncNow: "Sync now",
    showProgress: "Show progress",
    didNotStart: "The sync did not start",
    applying: "Everything is read; computing and applying the changes…",
    reading: (done: number, total: number, employees: number) =>
      `Reading companies: ${done} of ${total || "?"} done · ${formatCount(employees, "en")} employees read`,
    companiesRead: "Companies read",
    noRun: "No run recorded.",
    runTitle: (id: number) => `Run ${id}:`,
    peopleWait: (count: number) =>
      `${formatCount(count, "en")} ${count === 1 ? "person waits" : "people wait"} for approval; everyone else's changes were applied.`,
    reviewHeldPeople: "Review the held people",
    reviewHeldRun: "Review the held run",
    openRun: "Open the run",
    noCounts: "no counts",
    counts: {
      companies: (n: number) => `${formatCount(n, "en")} ${n === 1 ? "company" : "companies"}`,
      employeesRead: (n: number) => `${formatCount(n, "en")} employees read`,
      served: (served: number, active: number) =>
        `${formatCount(served, "en")} served (${formatCount(active, "en")} active)`,
      changes: (created: number, updated: number, removed: number) =>
        `${formatCount(created, "en")} created, ${formatCount(updated, "en")} updated, ${formatCount(removed, "en")} removed`,
      held: (n: number) => `${formatCount(n, "en")} held for approval`,
    },
  },
  groups,
  connectorPages,
  runPages,
  shared,
  previewPages,
  holdPages,
  hrPages,
  logPages,
  auditPages,
  forecastPage,
  nmbrsRest,
  loket,
  loketConsent,
  youforce,
  oktaPage,
  oktaSteps,
};

export type Messages = typeof en;

/** The forecast's counts as the dashboard line names them. */
export interface ImportCounts {
  readonly new: number;
  readonly updated: number;
  readonly deactivated: number;
  readonly reactivated: number;
  readonly removed: number;
}
