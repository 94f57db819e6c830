import { MIN_PASSWORD_LENGTH, type PasswordProblem } from "../../auth/password-rule.js";
import type { ProblemKind } from "../../../sync/plan-types.js";
import type { RunStatus } from "../../../sync/run-store.js";
import { formatCount } from "../../views/format.js";

/**
 * English, the catalogue's shape (messages.ts). `nl` is typed as `Messages`, so a key missing in Dutch is a type
 * error, and test/unit/console/messages.test.ts also fails on a missing or empty entry at run time.
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
  tables: {
    actions: "Actions",
  },
  exclusions: {
    title: "Excluded people",
    lead: "These people are frozen exactly as Okta sees them now: no change and no deactivation reaches Okta, whatever HR says, until they are included again. Their changes then apply at the next sync.",
    none: "Nobody is excluded.",
    allConnectors: "All connectors",
    connector: "Connector",
    person: "Person",
    since: "Since",
    by: "By",
    reason: "Reason",
    include: "Include again",
    exclude: "Exclude from sync",
    excludeHelp:
      "Freezes this person exactly as Okta sees them now (no changes, no deactivation) until included again.",
    excludedSince: (by: string) => `Excluded from sync by ${by}; Okta sees this person exactly as when excluded.`,
    reasonRequired: "Give a reason for the exclusion.",
    notChanged: "Nothing changed",
    listLink: "Excluded people",
  },
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
