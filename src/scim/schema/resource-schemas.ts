import {
  CORE_GROUP,
  CORE_USER,
  ENTERPRISE_USER,
  HR_GATEWAY_ATTRIBUTES,
  HR_GATEWAY_USER,
} from "../../directory/schema-urns.js";
import type { ResourceType } from "../../directory/resource.js";
import { complex, simple, type AttributeDefinition } from "./attribute-definition.js";

/** A schema as /Schemas publishes it and as filters, sortBy and attributes resolve names against. */
export interface SchemaDefinition {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly attributes: readonly AttributeDefinition[];
}

// Only what the sync actually serves (src/lifecycle/user-resource.ts): advertising an attribute we never fill
// would make Okta's Profile Editor offer a mapping that always stays empty.
const USER_SCHEMA: SchemaDefinition = {
  id: CORE_USER,
  name: "User",
  description: "User Account",
  attributes: [
    simple(
      "userName",
      "string",
      "Unique identifier for the User; Okta's username. Served as HR has it, compared case-insensitively.",
      {
        required: true,
        uniqueness: "server",
      },
    ),
    complex("name", "The components of the user's real name.", [
      simple("formatted", "string", "The full name, formatted for display."),
      simple("familyName", "string", "The family name (achternaam, with its prefix such as 'de' or 'van der')."),
      simple("givenName", "string", "The given name (roepnaam when HR has one, else the first name)."),
    ]),
    simple("displayName", "string", "The name of the User, suitable for display to end-users."),
    simple("title", "string", "The user's job title (HR function)."),
    simple("userType", "string", "The kind of employment as HR names it (e.g. 'Werknemer')."),
    simple(
      "active",
      "boolean",
      "Whether the person is within the connector's active window; false shortly before removal.",
    ),
    complex(
      "emails",
      "E-mail addresses for the User. The gateway serves exactly one, marked primary.",
      [
        simple("value", "string", "The e-mail address."),
        simple("type", "string", "Where the address comes from: 'work', or 'home' when HR has only a private one.", {
          canonicalValues: ["work", "home"],
        }),
        simple("primary", "boolean", "True for the address Okta should use."),
      ],
      { multiValued: true },
    ),
    complex(
      "phoneNumbers",
      "Phone numbers for the User (the work mobile from HR).",
      [
        simple("value", "string", "The phone number as HR has it."),
        simple("type", "string", "Always 'mobile'.", { canonicalValues: ["mobile"] }),
        simple("primary", "boolean", "True for the number Okta should use."),
      ],
      { multiValued: true },
    ),
  ],
};

const ENTERPRISE_SCHEMA: SchemaDefinition = {
  id: ENTERPRISE_USER,
  name: "EnterpriseUser",
  description: "Enterprise User",
  attributes: [
    simple("employeeNumber", "string", "The employee number in HR (optionally prefixed with the company number).", {
      caseExact: true,
    }),
    simple("organization", "string", "The name of the employing company."),
    simple("department", "string", "The department name."),
    simple("costCenter", "string", "The cost center name."),
    complex("manager", "The user's manager, when HR names one who is also served.", [
      simple("value", "string", "The SCIM id of the manager's User.", { caseExact: true }),
      simple("displayName", "string", "The manager's display name."),
    ]),
  ],
};

const HR_GATEWAY_SCHEMA: SchemaDefinition = {
  id: HR_GATEWAY_USER,
  name: "HrGatewayUser",
  description: "HR fields that have no place in the core or enterprise schema",
  attributes: HR_GATEWAY_ATTRIBUTES.map((attribute) =>
    simple(attribute.name, attribute.type, attribute.description, { caseExact: attribute.caseExact }),
  ),
};

/** The hrgateway extension of a connector whose mapping adds custom attributes (docs/mapping.md): strings, each. */
export function hrGatewaySchemaWith(customAttributes: readonly string[]): SchemaDefinition {
  if (customAttributes.length === 0) return HR_GATEWAY_SCHEMA;
  const custom = customAttributes.map((name) =>
    simple(name, "string", "Custom attribute of this connector's mapping."),
  );
  return { ...HR_GATEWAY_SCHEMA, attributes: [...HR_GATEWAY_SCHEMA.attributes, ...custom] };
}

const GROUP_SCHEMA: SchemaDefinition = {
  id: CORE_GROUP,
  name: "Group",
  description: "Group",
  attributes: [
    simple("displayName", "string", "A human-readable name for the Group.", { required: true }),
    complex(
      "members",
      "The Users in the Group.",
      [
        simple("value", "string", "The SCIM id of the member User.", { caseExact: true }),
        simple("display", "string", "The member's display name."),
        simple("$ref", "reference", "The URI of the member User.", { caseExact: true, referenceTypes: ["User"] }),
        simple("type", "string", "Always 'User'.", { canonicalValues: ["User"] }),
      ],
      { multiValued: true },
    ),
  ],
};

/** Schemas in /Schemas order. */
export const SCHEMAS: readonly SchemaDefinition[] = [USER_SCHEMA, ENTERPRISE_SCHEMA, HR_GATEWAY_SCHEMA, GROUP_SCHEMA];

/** The schemas a resource type is made of: its core schema first, then its extensions. */
export const SCHEMAS_OF: Readonly<Record<ResourceType, readonly SchemaDefinition[]>> = {
  User: [USER_SCHEMA, ENTERPRISE_SCHEMA, HR_GATEWAY_SCHEMA],
  Group: [GROUP_SCHEMA],
};

/**
 * RFC 7643 §3.1 attributes every resource has. They belong to no schema document, but a filter may name them,
 * with or without the core URN.
 */
export const COMMON_ATTRIBUTES: readonly AttributeDefinition[] = [
  simple("id", "string", "Stable identifier issued by the gateway.", {
    caseExact: true,
    returned: "always",
    uniqueness: "server",
  }),
  simple("externalId", "string", "The person's key in the HR system.", { caseExact: true }),
  complex("meta", "Resource metadata.", [
    simple("resourceType", "string", "User or Group.", { caseExact: true }),
    simple("created", "dateTime", "When the gateway first served the resource."),
    simple("lastModified", "dateTime", "When the served resource last changed."),
    simple("location", "reference", "The URI of the resource.", { caseExact: true }),
    simple("version", "string", "The weak entity tag of the resource.", { caseExact: true }),
  ]),
];
