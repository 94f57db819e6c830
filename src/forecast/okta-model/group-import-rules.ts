import type { ScimResource } from "./scim-resource.js";
import type { OktaDirectory } from "./okta-directory.js";

export interface GroupImportSummary {
  readonly scanned: number;
  readonly new: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly removed: number;
  /** Member values that name no imported app user (Okta drops them). */
  readonly unresolvedMembers: number;
}

/**
 * Okta's group import: app groups are created, renamed or removed to match the scan, and their memberships are
 * the members array resolved to the Okta users linked to those SCIM ids.
 */
export function applyGroupImport(directory: OktaDirectory, scanned: readonly ScimResource[]): GroupImportSummary {
  const loginOf = new Map<string, string>();
  for (const user of directory.users.values())
    if (user.appUserId !== null) loginOf.set(user.appUserId, user.profile.login);

  const counts = { new: 0, updated: 0, unchanged: 0, removed: 0, unresolvedMembers: 0 };
  const listed = new Set<string>();
  for (const resource of scanned) {
    listed.add(resource.id);
    const members = new Set<string>();
    for (const member of Array.isArray(resource.members) ? (resource.members as { value?: unknown }[]) : []) {
      const login = typeof member.value === "string" ? loginOf.get(member.value) : undefined;
      if (login === undefined) counts.unresolvedMembers += 1;
      else members.add(login);
    }
    const group = { id: resource.id, displayName: String(resource.displayName), members };
    const existing = directory.groups.get(resource.id);
    if (!existing) counts.new += 1;
    else if (existing.displayName === group.displayName && sameMembers(existing.members, members))
      counts.unchanged += 1;
    else counts.updated += 1;
    directory.groups.set(resource.id, group);
  }
  for (const id of [...directory.groups.keys()]) {
    if (listed.has(id)) continue;
    directory.groups.delete(id);
    counts.removed += 1;
  }
  return { scanned: scanned.length, ...counts };
}

function sameMembers(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((login) => b.has(login));
}
