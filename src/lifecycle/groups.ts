import { CORE_GROUP } from "../directory/schema-urns.js";
import { foldCase } from "../directory/fold-case.js";
import type { HrPerson } from "../sources/types.js";
import { cleanText } from "./person-names.js";

/** What a group is made from: an HR field every person has (config.toml `groups.kinds`). */
export const GROUP_KINDS = ["department", "company", "function", "employee_type", "cost_center"] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

/** A connector's group rules (its `groups` settings): which kinds become groups, and their display-name templates. */
export interface GroupRules {
  readonly kinds: readonly GroupKind[];
  readonly templates: Readonly<Partial<Record<GroupKind, string>>>;
}

/** Display-name templates used when the connector sets none for a kind: the HR name as HR writes it. */
export const DEFAULT_GROUP_TEMPLATES: Readonly<Record<GroupKind, string>> = {
  department: "{name}",
  company: "{name}",
  function: "{name}",
  employee_type: "{name}",
  cost_center: "{name}",
};

/** The kinds whose codes Nmbrs numbers per company: equal codes of two companies are different things. */
export const PER_COMPANY_KINDS: readonly GroupKind[] = ["department", "function", "cost_center"];

/**
 * The templates a connector made in the console starts with (docs/decisions.md). Reading several companies (or all
 * the credentials can see, which may be several), department, function and cost-center groups name their company,
 * so the Sales of two companies are two groups Okta can tell apart. Existing connectors keep what they have: adding
 * {company} later splits groups Okta already imported.
 */
export function newConnectorGroupTemplates(selectedCompanies: number): Record<GroupKind, string> {
  if (selectedCompanies === 1) return { ...DEFAULT_GROUP_TEMPLATES };
  const perCompany = Object.fromEntries(PER_COMPANY_KINDS.map((kind) => [kind, "{name} ({company})"]));
  return { ...DEFAULT_GROUP_TEMPLATES, ...perCompany };
}

/**
 * Why a template cannot name groups, or null. A misspelt placeholder would otherwise end up literally in every
 * group name in Okta, and a template without {name} or {code} would put all people of a kind into one group.
 */
export function groupTemplateProblem(template: string): string | null {
  const unknown = [...template.matchAll(/\{([^{}]*)\}/g)]
    .map((match) => match[1])
    .find((placeholder) => !["name", "code", "company"].includes(placeholder ?? ""));
  if (unknown !== undefined) return `{${unknown}} is not a placeholder: use {name}, {code} or {company}`;
  if (!template.includes("{name}") && !template.includes("{code}"))
    return "must contain {name} or {code}, or every group of this kind gets one name";
  return null;
}

/** One group a person belongs to, before it has a SCIM id. */
export interface GroupMembership {
  /**
   * What makes a group the same group from run to run (and so keeps its SCIM id): kind + source code, or the
   * name when the source has no code. A rename in HR keeps the id; Okta sees the group renamed.
   */
  readonly key: string;
  readonly displayName: string;
}

/** The groups of the configured kinds that a person belongs to. */
export function groupMemberships(person: HrPerson, groups: GroupRules): GroupMembership[] {
  const memberships: GroupMembership[] = [];
  for (const kind of groups.kinds) {
    const value = groupValue(person, kind);
    if (!value) continue;
    const template = groups.templates[kind] ?? DEFAULT_GROUP_TEMPLATES[kind];
    const displayName = renderGroupName(template, { name: value.name, code: value.code, company: person.company.name });
    if (!displayName) continue;
    // Department, function and cost-center codes are numbered per company in Nmbrs. With {company} in the name the
    // admin asked for one group per company, so the company is part of the key; without it, equal codes meet.
    const scope = kind !== "company" && template.includes("{company}") ? `${person.company.number}:` : "";
    const identity = value.code !== null ? value.code : `name:${foldCase(value.name)}`;
    memberships.push({ key: `${kind}:${scope}${identity}`, displayName });
  }
  return memberships;
}

function groupValue(person: HrPerson, kind: GroupKind): { code: string | null; name: string } | null {
  switch (kind) {
    case "department":
      return coded(person.department);
    case "function":
      return coded(person.function);
    case "cost_center":
      return coded(person.costCenter);
    case "company":
      return coded({ code: person.company.number, name: person.company.name });
    case "employee_type":
      return coded({ code: null, name: person.employeeType ?? "" });
  }
}

function coded(value: { code: string | null; name: string } | null): { code: string | null; name: string } | null {
  const name = cleanText(value?.name);
  return name ? { code: cleanText(value?.code), name } : null;
}

/** Fills {name}, {code} and {company}; a missing value leaves no trace (no double spaces, no dangling dash). */
export function renderGroupName(
  template: string,
  values: { name: string; code: string | null; company: string },
): string {
  return template
    .replace(/\{(name|code|company)\}/g, (_, placeholder: "name" | "code" | "company") => values[placeholder] ?? "")
    .replace(/\s+/g, " ")
    .replace(/^[\s\-–:/|]+|[\s\-–:/|]+$/g, "")
    .trim();
}

export interface GroupMember {
  readonly scimId: string;
  readonly displayName: string;
}

/**
 * The SCIM Group served for one group. A member is its `value` and `display` only: Okta resolves a membership by
 * `value` and its own member objects carry no `$ref` or `type` (docs/groups.md), and at 100,000 members every byte
 * of an entry is 100 KB of a page.
 */
export function groupResource(
  scimId: string,
  displayName: string,
  members: readonly GroupMember[],
): Readonly<Record<string, unknown>> {
  return {
    schemas: [CORE_GROUP],
    id: scimId,
    displayName,
    members: members.map((member) => ({ value: member.scimId, display: member.displayName })),
  };
}
