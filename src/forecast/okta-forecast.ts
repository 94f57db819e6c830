import type { ScimResource } from "./okta-model/scim-resource.js";
import { OktaDirectory, type OktaProfile } from "./okta-model/okta-directory.js";
import {
  applyUserImport,
  OKTA_SAFEGUARD,
  type ImportSafeguard,
  type UserImportOutcome,
} from "./okta-model/user-import-rules.js";

/** The five numbers the dashboard shows; Okta's summary line folds the same outcomes into its counters. */
export const FORECAST_CATEGORIES = ["new", "updated", "deactivated", "reactivated", "removed"] as const;
export type ForecastCategory = (typeof FORECAST_CATEGORIES)[number];

/**
 * The simulator's outcomes, named as the forecast shows them. "matched" (an active app user linked to an Okta user
 * that already has its login) is counted as new because Okta reports both as "new users imported"; unchanged users
 * and inactive users Okta never linked change nothing in Okta and are not listed.
 */
const CATEGORY_OF: Readonly<Record<UserImportOutcome, ForecastCategory | null>> = {
  new: "new",
  matched: "new",
  updated: "updated",
  deactivated: "deactivated",
  reactivated: "reactivated",
  removed: "removed",
  unchanged: null,
  skippedInactive: null,
};

/** Someone behind a forecast number: the SCIM id, and the userName and displayName Okta will have for them. */
export interface ForecastPerson {
  readonly scimId: string;
  readonly userName: string;
  readonly displayName: string | null;
}

export interface ImportForecast {
  readonly counts: Readonly<Record<ForecastCategory, number>>;
  /** The people behind each count, in list order (removed: in the order Okta holds them). */
  readonly people: Readonly<Record<ForecastCategory, readonly ForecastPerson[]>>;
  readonly unchanged: number;
  /**
   * Users listed with active=false that Okta never linked: it skips them. With them the numbers add up: scanned =
   * new + updated + deactivated + reactivated + unchanged + inactiveNotImported (removed users are not listed).
   */
  readonly inactiveNotImported: number;
  /** Users the next import would list. */
  readonly scanned: number;
  /** Users Okta has linked and active now: what the safeguard's percentage is of. */
  readonly assigned: number;
  /** deactivated + removed: the users the safeguard counts as leaving. */
  readonly leaving: number;
  /** True when Okta's import safeguard would pause the next import: then none of the above happens. */
  readonly safeguardTrips: boolean;
}

/**
 * What Okta's next *Import Users* will report, computed with the Okta import simulator's own rules
 * (src/forecast/okta-model/user-import-rules.ts). Okta's directory is rebuilt first: the users Okta linked in earlier imports
 * (`linked`, SCIM ids) as deactivated Okta users, then an import of `seen` (the generation its last complete import
 * read), which reactivates, updates or creates them exactly as that import did. Then `served` (what the next import
 * will read) is imported into it, and its outcomes are the forecast.
 *
 * Both user arguments are iterated once, so they can stream from SQLite: only Okta profiles are kept.
 */
export function forecastUserImport(
  seen: Iterable<ScimResource>,
  served: Iterable<ScimResource>,
  options: { readonly linked?: Iterable<string>; readonly safeguard?: ImportSafeguard } = {},
): ImportForecast {
  const safeguard = options.safeguard ?? OKTA_SAFEGUARD;
  const okta = new OktaDirectory();
  for (const appUserId of options.linked ?? [])
    okta.put({ profile: unknownProfile(appUserId), status: "DEPROVISIONED", appUserId });
  // Nobody is active in Okta before this import, so it deactivates nobody and the safeguard cannot pause it.
  applyUserImport(okta, seen, safeguard);
  let assigned = 0;
  for (const user of okta.users.values()) if (user.appUserId !== null && user.status === "ACTIVE") assigned += 1;

  const people: Record<ForecastCategory, ForecastPerson[]> = {
    new: [],
    updated: [],
    deactivated: [],
    reactivated: [],
    removed: [],
  };
  const summary = applyUserImport(okta, served, safeguard, (outcome, person) => {
    const category = CATEGORY_OF[outcome];
    if (category)
      people[category].push({ scimId: person.appUserId, userName: person.login, displayName: person.displayName });
  });
  return {
    counts: {
      new: summary.new + summary.matched,
      updated: summary.updated,
      deactivated: summary.deactivated,
      reactivated: summary.reactivated,
      removed: summary.removed,
    },
    people,
    unchanged: summary.unchanged,
    inactiveNotImported: summary.skippedInactive,
    scanned: summary.scanned,
    assigned,
    leaving: summary.deactivated + summary.removed,
    safeguardTrips: summary.paused,
  };
}

/**
 * What Okta holds for a user it linked but that the last import did not list: only that the link exists. The login
 * cannot be anyone's userName, so it matches nobody; such a user coming back active is a reactivation either way.
 */
function unknownProfile(appUserId: string): OktaProfile {
  return {
    login: `\u0000linked:${appUserId}`,
    firstName: null,
    lastName: null,
    displayName: null,
    email: null,
    title: null,
    department: null,
    employeeNumber: null,
    managerId: null,
  };
}
