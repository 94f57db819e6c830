import type { ConnectorSettings } from "../../config/types.js";
import { customAttributesOf } from "../../mapping/connector-mapping.js";
import { CORE_USER, ENTERPRISE_USER, HR_GATEWAY_ATTRIBUTES, HR_GATEWAY_USER } from "../../directory/schema-urns.js";

/** One row of Okta's Profile Editor "Add Attribute" dialog. */
export interface ProfileAttribute {
  readonly displayName: string;
  readonly variableName: string;
  readonly externalName: string;
  readonly externalNamespace: string;
  readonly type: string;
  readonly description: string;
}

/** Served in the enterprise extension (lifecycle/user-resource.ts): not in Okta's default SCIM template. */
const ENTERPRISE_ATTRIBUTES: readonly ProfileAttribute[] = [
  {
    displayName: "Employee number",
    variableName: "employeeNumber",
    externalName: "employeeNumber",
    type: "string",
    description: "Employee number from HR (optionally prefixed with the company number).",
  },
  {
    displayName: "Organization",
    variableName: "organization",
    externalName: "organization",
    type: "string",
    description: "Name of the employing company.",
  },
  {
    displayName: "Department",
    variableName: "department",
    externalName: "department",
    type: "string",
    description: "Department name from HR.",
  },
  {
    displayName: "Cost center",
    variableName: "costCenter",
    externalName: "costCenter",
    type: "string",
    description: "Cost center, when cost-center groups are on.",
  },
  {
    displayName: "Manager id",
    variableName: "managerId",
    externalName: "manager.value",
    type: "string",
    description: "SCIM id of the manager, when managers are on.",
  },
  {
    displayName: "Manager",
    variableName: "manager",
    externalName: "manager.displayName",
    type: "string",
    description: "Manager's name, when managers are on.",
  },
].map((attribute) => ({ ...attribute, externalNamespace: ENTERPRISE_USER }));

/** What an admin adds in Profile Editor → (the app) → Add Attribute, so Okta imports every field we serve. */
export const PROFILE_ATTRIBUTES: readonly ProfileAttribute[] = [
  ...ENTERPRISE_ATTRIBUTES,
  ...HR_GATEWAY_ATTRIBUTES.map((attribute) => ({
    displayName: attribute.oktaVariable,
    variableName: attribute.oktaVariable,
    externalName: attribute.name,
    externalNamespace: HR_GATEWAY_USER,
    type: attribute.type,
    description: attribute.description,
  })),
];

type ServedSettings = Pick<ConnectorSettings, "managers" | "privateContact" | "groups" | "mapping">;

/**
 * Attributes served only with a setting on, and the setting to name when it is off. The rest is served whenever HR
 * has a value. Mirrors lifecycle/user-resource.ts (private contact), sync/read-source.ts (cost centers are read
 * only for cost-center groups) and the manager links the sync makes only with `managers` on.
 */
const SERVED_ONLY_WITH: Readonly<
  Record<string, { readonly on: (settings: ServedSettings) => boolean; readonly setting: string }>
> = {
  costCenter: {
    on: (settings) => settings.groups.kinds.includes("cost_center"),
    setting: "cost-center groups (groups.kinds = cost_center)",
  },
  managerId: { on: (settings) => settings.managers, setting: "managers" },
  manager: { on: (settings) => settings.managers, setting: "managers" },
  managerEmail: { on: (settings) => settings.managers, setting: "managers" },
  managerEmployeeNumber: { on: (settings) => settings.managers, setting: "managers" },
  privateEmail: { on: (settings) => settings.privateContact, setting: "private contact data (private_contact)" },
  privateMobile: { on: (settings) => settings.privateContact, setting: "private contact data (private_contact)" },
};

/** The Profile Editor attributes a connector with these settings serves, and those it leaves out with the setting that would add them. */
export function profileAttributesOf(settings: ServedSettings): {
  served: ProfileAttribute[];
  notServed: { attribute: ProfileAttribute; setting: string }[];
} {
  const served: ProfileAttribute[] = [];
  const notServed: { attribute: ProfileAttribute; setting: string }[] = [];
  for (const attribute of PROFILE_ATTRIBUTES) {
    const rule = SERVED_ONLY_WITH[attribute.variableName];
    if (!rule || rule.on(settings)) served.push(attribute);
    else notServed.push({ attribute, setting: rule.setting });
  }
  // The connector's own attributes ([connectors.mapping], docs/mapping.md): added in Profile Editor like the others.
  for (const name of customAttributesOf(settings.mapping))
    served.push({
      displayName: name,
      variableName: name,
      externalName: name,
      externalNamespace: HR_GATEWAY_USER,
      type: "string",
      description: "Custom attribute of this connector's mapping.",
    });
  return { served, notServed };
}

/** Core attributes Okta's SCIM template already maps; listed so the admin knows where each value comes from. */
export const CORE_ATTRIBUTES: readonly { variableName: string; externalName: string; source: string }[] = [
  { variableName: "userName", externalName: "userName", source: "work e-mail (or private e-mail)" },
  { variableName: "givenName", externalName: "name.givenName", source: "Nickname (roepnaam), else first name" },
  { variableName: "familyName", externalName: "name.familyName", source: "prefix + last name" },
  { variableName: "displayName", externalName: "displayName", source: "DisplayName" },
  { variableName: "email", externalName: "emails.^[primary==true].value", source: "work e-mail (or private e-mail)" },
  { variableName: "primaryPhone", externalName: "phoneNumbers.^[primary==true].value", source: "TelephoneMobileWork" },
  { variableName: "title", externalName: "title", source: "Function" },
  { variableName: "userType", externalName: "userType", source: "EmployeeType" },
];

export const CORE_NAMESPACE = CORE_USER;
