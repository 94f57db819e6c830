import type { ConnectorSettings, GroupKind } from "../../config/types.js";
import type { RuleAttribute, ServedValue } from "../../directory/served-values.js";
import { DEFAULT_GROUP_TEMPLATES, renderGroupName } from "../../lifecycle/groups.js";

/**
 * The Okta user attribute each group kind is built from: the profile attribute the app's To Okta mapping fills from
 * what the gateway serves (README, Okta Profile Editor). Okta's base user profile has all five.
 */
export const RULE_ATTRIBUTE: Readonly<Record<GroupKind, RuleAttribute>> = {
  department: "department",
  company: "organization",
  function: "title",
  employee_type: "userType",
  cost_center: "costCenter",
};

/** One Okta group rule that builds the same group as an imported one. */
export interface GroupRule {
  readonly kind: GroupKind;
  /** The name the gateway gives the group (its template), which the rule's group can take in Okta. */
  readonly groupName: string;
  /** Okta Expression Language, e.g. `user.department == "Finance"`. */
  readonly expression: string;
  /** Active users the rule matches now. */
  readonly users: number;
}

/**
 * A string literal of Okta Expression Language. Okta's expressions are Spring Expression Language, where a quote
 * inside a double-quoted literal is written twice (docs/groups.md).
 */
export function oktaString(value: string): string {
  return `"${value.replaceAll('"', '""')}"`;
}

/**
 * The rules for one kind from the values served now. A kind whose name template holds {company} is a group per
 * company, so its rule tests the company as well.
 */
export function groupRules(
  kind: GroupKind,
  values: readonly ServedValue[],
  groups: Pick<ConnectorSettings["groups"], "templates">,
): GroupRule[] {
  const template = groups.templates[kind] ?? DEFAULT_GROUP_TEMPLATES[kind];
  const perCompany = kind !== "company" && template.includes("{company}");
  const byName = new Map<string, GroupRule>();
  for (const { value, company, users } of values) {
    const groupName = renderGroupName(template, { name: value, code: null, company });
    const test = `user.${RULE_ATTRIBUTE[kind]} == ${oktaString(value)}`;
    const expression = perCompany ? `${test} AND user.organization == ${oktaString(company)}` : test;
    const key = `${groupName}\n${expression}`;
    const known = byName.get(key);
    byName.set(key, { kind, groupName, expression, users: (known?.users ?? 0) + users });
  }
  return [...byName.values()];
}
