import type { ChangedResource } from "../../directory/resource.js";

/** One employee type whose name a switch would change, with how many users Okta would see it change for. */
export interface UserTypeRename {
  readonly from: string | null;
  readonly to: string | null;
  readonly users: number;
}

/**
 * The `userType` changes among the users a switch would update, most users first. The REST source serves Nmbrs'
 * employee-type codes by the Dutch labels SOAP gives (employee-type-labels.ts); an environment whose SOAP labels
 * differ (set up in English, or renamed) would still see them renamed, and with them the employee-type groups,
 * which are keyed by name: the dry run says so before the switch. Pure: (updated users) → renames.
 */
export function userTypeRenames(updated: readonly ChangedResource[]): UserTypeRename[] {
  const counts = new Map<string, UserTypeRename>();
  for (const change of updated) {
    if (change.type !== "User" || change.before === null || change.after === null) continue;
    const from = userTypeOf(change.before);
    const to = userTypeOf(change.after);
    if (from === to) continue;
    const key = JSON.stringify([from, to]);
    counts.set(key, { from, to, users: (counts.get(key)?.users ?? 0) + 1 });
  }
  // Ties by the old name, a type that appears (no old name) last.
  return [...counts.values()].sort(
    (a, b) => b.users - a.users || (a.from ?? "\uffff").localeCompare(b.from ?? "\uffff"),
  );
}

function userTypeOf(body: string): string | null {
  const value = (JSON.parse(body) as { userType?: unknown }).userType;
  return typeof value === "string" ? value : null;
}
