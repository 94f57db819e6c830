import type { ScimResource } from "./scim-resource.js";
import { profileOf, type OktaDirectory, type OktaProfile } from "./okta-directory.js";

/** Okta's import safeguard (help.okta.com "Import safeguards"): on by default at 20%, for 100+ assignments. */
export interface ImportSafeguard {
  readonly percent: number;
  readonly minAssignments: number;
}

export const OKTA_SAFEGUARD: ImportSafeguard = { percent: 20, minAssignments: 100 };

/** The counters Okta shows after an import, split where Okta's one "removed" number hides two causes. */
export interface UserImportSummary {
  readonly scanned: number;
  /** Created in Okta: active app users that matched no Okta user. */
  readonly new: number;
  /** Linked to an existing Okta user with the same login (case-sensitive). */
  readonly matched: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Linked users the import no longer listed: their Okta user is deactivated. */
  readonly removed: number;
  /** Linked users now served with active=false: deactivated. */
  readonly deactivated: number;
  readonly reactivated: number;
  /** Unlinked users served with active=false: Okta does not import them. */
  readonly skippedInactive: number;
  /** True when the safeguard stopped the import: nothing above was applied. */
  readonly paused: boolean;
}

/** What one import did with one app user: the summary's categories, per person. */
export type UserImportOutcome =
  | "new"
  | "matched"
  | "updated"
  | "unchanged"
  | "removed"
  | "deactivated"
  | "reactivated"
  | "skippedInactive";

/** The app user behind an outcome: its SCIM id, and the login and display name Okta knows it by after the import. */
export interface ImportedPerson {
  readonly appUserId: string;
  readonly login: string;
  readonly displayName: string | null;
}

/** Told every outcome as it is decided (also when the safeguard then pauses the import): who is behind each count. */
export type OutcomeObserver = (outcome: UserImportOutcome, person: ImportedPerson) => void;

type Change =
  | {
      readonly kind: "create" | "update";
      readonly profile: OktaProfile;
      readonly appUserId: string;
      readonly status: "ACTIVE" | "DEPROVISIONED";
    }
  | { readonly kind: "deactivate"; readonly login: string };

/**
 * What Okta does with a full user import when the app is the profile source: link by SCIM id, else match by login
 * (case-sensitive); users served active=false are not imported as new and are deactivated when linked; linked users
 * missing from the import are deactivated; a user active again is reactivated. If more than the safeguard's share
 * of assigned users would be deactivated, the import is paused and nothing changes.
 */
export function applyUserImport(
  directory: OktaDirectory,
  scanned: Iterable<ScimResource>,
  safeguard: ImportSafeguard,
  observe: OutcomeObserver = () => {},
): UserImportSummary {
  const counts = {
    new: 0,
    matched: 0,
    updated: 0,
    unchanged: 0,
    removed: 0,
    deactivated: 0,
    reactivated: 0,
    skippedInactive: 0,
  };
  const changes: Change[] = [];
  const listed = new Set<string>();
  let scannedCount = 0;
  const decide = (outcome: UserImportOutcome, appUserId: string, profile: OktaProfile) => {
    counts[outcome] += 1;
    observe(outcome, { appUserId, login: profile.login, displayName: profile.displayName });
  };

  // Iterable rather than an array: the forecast streams 100,000 users from SQLite through these same rules.
  for (const resource of scanned) {
    scannedCount += 1;
    listed.add(resource.id);
    const profile = profileOf(resource);
    const active = resource.active === true;
    const linked = directory.linkedTo(resource.id);
    if (!linked) {
      if (!active) {
        decide("skippedInactive", resource.id, profile);
        continue;
      }
      decide(directory.users.has(profile.login) ? "matched" : "new", resource.id, profile);
      changes.push({ kind: "create", profile, appUserId: resource.id, status: "ACTIVE" });
      continue;
    }
    const status = active ? "ACTIVE" : "DEPROVISIONED";
    if (linked.status === "ACTIVE" && !active) decide("deactivated", resource.id, profile);
    else if (linked.status === "DEPROVISIONED" && active) decide("reactivated", resource.id, profile);
    else if (JSON.stringify(linked.profile) !== JSON.stringify(profile)) decide("updated", resource.id, profile);
    else {
      decide("unchanged", resource.id, profile);
      continue;
    }
    changes.push({ kind: "update", profile, appUserId: resource.id, status });
  }

  for (const user of directory.users.values()) {
    if (user.appUserId === null || listed.has(user.appUserId) || user.status !== "ACTIVE") continue;
    decide("removed", user.appUserId, user.profile);
    changes.push({ kind: "deactivate", login: user.profile.login });
  }

  const assigned = [...directory.users.values()].filter(
    (user) => user.appUserId !== null && user.status === "ACTIVE",
  ).length;
  const leaving = counts.removed + counts.deactivated;
  const paused = assigned >= safeguard.minAssignments && leaving * 100 > assigned * safeguard.percent;
  if (!paused) apply(directory, changes);
  return { scanned: scannedCount, ...counts, paused };
}

function apply(directory: OktaDirectory, changes: readonly Change[]): void {
  for (const change of changes) {
    if (change.kind === "deactivate") directory.put({ ...directory.users.get(change.login)!, status: "DEPROVISIONED" });
    else directory.put({ profile: change.profile, status: change.status, appUserId: change.appUserId });
  }
}

/** Okta's own summary line, e.g. "253 users scanned! | 250 new users imported | …". */
export function oktaSummaryLine(summary: UserImportSummary): string {
  if (summary.paused) return "Import paused: the import safeguard would have unassigned too many users.";
  return [
    `${summary.scanned} users scanned!`,
    `${summary.new + summary.matched} new users imported`,
    `${summary.updated + summary.reactivated} existing users updated`,
    `${summary.unchanged} existing users unchanged`,
    `${summary.removed + summary.deactivated} users removed`,
  ].join(" | ");
}
