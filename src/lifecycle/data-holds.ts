import { ENTERPRISE_USER } from "../directory/schema-urns.js";
import type { HrPerson } from "../sources/types.js";
import type { UserResource } from "./user-resource.js";

/** Served attributes whose sudden emptying holds a person (connector setting `hold_when_emptied`). */
export const WATCHABLE_ATTRIBUTES = ["title", "department", "costCenter", "organization"] as const;
export type WatchableAttribute = (typeof WATCHABLE_ATTRIBUTES)[number];

/**
 * The domain of a sign-in address moved (jan@acme.nl → jan@gmail.com): usually a typo or a private address that
 * slipped into the work e-mail field, and Okta would rename the account and send its mail elsewhere. A change of the
 * local part within the same domain (a marriage, a typo fixed) is ordinary and goes through.
 */
export function domainChanged(previousUserName: string | null, userName: string): { from: string; to: string } | null {
  if (previousUserName === null) return null;
  const from = domainOf(previousUserName);
  const to = domainOf(userName);
  return from === to ? null : { from, to };
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf("@") + 1).toLowerCase();
}

/**
 * The watched attributes Okta has a value for and today's HR record leaves empty. Group rules and app assignments
 * in Okta are commonly keyed on them, so an emptied department silently removes access; a real change of value is
 * not a hold, only a value that vanished.
 */
export function emptiedAttributes(
  served: UserResource,
  person: HrPerson,
  watched: readonly WatchableAttribute[],
): WatchableAttribute[] {
  const enterprise = (served[ENTERPRISE_USER] ?? {}) as Record<string, unknown>;
  const before: Record<WatchableAttribute, unknown> = {
    title: served.title,
    department: enterprise.department,
    costCenter: enterprise.costCenter,
    organization: enterprise.organization,
  };
  const now: Record<WatchableAttribute, string | undefined> = {
    title: person.function?.name,
    department: person.department?.name,
    costCenter: person.costCenter?.name,
    organization: person.company.name,
  };
  return watched.filter((name) => isPresent(before[name]) && !isPresent(now[name]));
}

function isPresent(value: unknown): boolean {
  return typeof value === "string" && value.trim() !== "";
}
