import type { ScimResource } from "./list-pager.js";
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

type Change =
  | { readonly kind: "create" | "update"; readonly profile: OktaProfile; readonly appUserId: string; readonly status: "ACTIVE" | "DEPROVISIONED" }
  | { readonly kind: "deactivate"; readonly login: string };

/**
 * What Okta does with a full user import when the app is the profile source: link by SCIM id, else match by login
 * (case-sensitive); users served active=false are not imported as new and are deactivated when linked; linked users
 * missing from the import are deactivated; a user active again is reactivated. If more than the safeguard's share
 * of assigned users would be deactivated, the import is paused and nothing changes.
 */
export function applyUserImport(directory: OktaDirectory, scanned: readonly ScimResource[], safeguard: ImportSafeguard): UserImportSummary {
  const counts = { new: 0, matched: 0, updated: 0, unchanged: 0, removed: 0, deactivated: 0, reactivated: 0, skippedInactive: 0 };
  const changes: Change[] = [];
  const listed = new Set<string>();

  for (const resource of scanned) {
    listed.add(resource.id);
    const profile = profileOf(resource);
    const active = resource.active === true;
    const linked = directory.linkedTo(resource.id);
    if (!linked) {
      if (!active) {
        counts.skippedInactive += 1;
        continue;
      }
      counts[directory.users.has(profile.login) ? "matched" : "new"] += 1;
      changes.push({ kind: "create", profile, appUserId: resource.id, status: "ACTIVE" });
      continue;
    }
    const status = active ? "ACTIVE" : "DEPROVISIONED";
    if (linked.status === "ACTIVE" && !active) counts.deactivated += 1;
    else if (linked.status === "DEPROVISIONED" && active) counts.reactivated += 1;
    else if (JSON.stringify(linked.profile) !== JSON.stringify(profile)) counts.updated += 1;
    else {
      counts.unchanged += 1;
      continue;
    }
    changes.push({ kind: "update", profile, appUserId: resource.id, status });
  }

  for (const user of directory.users.values()) {
    if (user.appUserId === null || listed.has(user.appUserId) || user.status !== "ACTIVE") continue;
    counts.removed += 1;
    changes.push({ kind: "deactivate", login: user.profile.login });
  }

  const assigned = [...directory.users.values()].filter((user) => user.appUserId !== null && user.status === "ACTIVE").length;
  const leaving = counts.removed + counts.deactivated;
  const paused = assigned >= safeguard.minAssignments && leaving * 100 > assigned * safeguard.percent;
  if (!paused) apply(directory, changes);
  return { scanned: scanned.length, ...counts, paused };
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
