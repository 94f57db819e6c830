import type { ResourceType } from "../../directory/resource.js";
import { MAX_COUNT } from "../list/list-request.js";
import type { AttributeDefinition } from "../schema/attribute-definition.js";
import { hrGatewaySchemaWith, SCHEMAS, SCHEMAS_OF, type SchemaDefinition } from "../schema/resource-schemas.js";

const SERVICE_PROVIDER_CONFIG = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
const SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";
const RESOURCE_TYPE = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";

type Json = Record<string, unknown>;

/** RFC 7643 §5. Okta never reads it; other clients and test suites do. */
export function serviceProviderConfig(base: string): Json {
  return {
    schemas: [SERVICE_PROVIDER_CONFIG],
    patch: { supported: false },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_COUNT },
    changePassword: { supported: false },
    sort: { supported: true },
    etag: { supported: true },
    authenticationSchemes: [
      {
        type: "httpbasic",
        name: "HTTP Basic",
        description: "The username and password generated in the console or declared in config.toml.",
        specUri: "https://www.rfc-editor.org/info/rfc7617",
        primary: true,
      },
      {
        type: "oauthbearertoken",
        name: "Bearer token",
        description:
          "A static token, sent as 'Authorization: Bearer <token>' or as the bare token (Okta's Header Auth).",
        specUri: "https://www.rfc-editor.org/info/rfc6750",
      },
    ],
    meta: { resourceType: "ServiceProviderConfig", location: `${base}/ServiceProviderConfig` },
  };
}

/** RFC 7643 §7: one schema with its attributes, all read-only because HR is the source. */
export function schemaDocument(schema: SchemaDefinition, base: string): Json {
  return {
    schemas: [SCHEMA],
    id: schema.id,
    name: schema.name,
    description: schema.description,
    attributes: schema.attributes.map(attributeDocument),
    meta: { resourceType: "Schema", location: `${base}/Schemas/${schema.id}` },
  };
}

/** Every schema; the hrgateway extension with the connector's custom attributes, when its mapping adds any. */
export function schemaDocuments(base: string, customAttributes: readonly string[] = []): Json[] {
  const extended = hrGatewaySchemaWith(customAttributes);
  return SCHEMAS.map((schema) => schemaDocument(schema.id === extended.id ? extended : schema, base));
}

function attributeDocument(attribute: AttributeDefinition): Json {
  return {
    name: attribute.name,
    type: attribute.type,
    multiValued: attribute.multiValued,
    description: attribute.description,
    required: attribute.required,
    caseExact: attribute.caseExact,
    mutability: "readOnly",
    returned: attribute.returned,
    uniqueness: attribute.uniqueness,
    ...(attribute.canonicalValues ? { canonicalValues: attribute.canonicalValues } : {}),
    ...(attribute.referenceTypes ? { referenceTypes: attribute.referenceTypes } : {}),
    ...(attribute.subAttributes ? { subAttributes: attribute.subAttributes.map(attributeDocument) } : {}),
  };
}

const ENDPOINTS: Readonly<Record<ResourceType, string>> = { User: "/Users", Group: "/Groups" };

/** RFC 7643 §6: "User" (with the enterprise and hrgateway extensions) and "Group". */
export function resourceTypeDocuments(base: string): Json[] {
  return (Object.keys(SCHEMAS_OF) as ResourceType[]).map((type) => {
    const [core, ...extensions] = SCHEMAS_OF[type];
    return {
      schemas: [RESOURCE_TYPE],
      id: type,
      name: type,
      endpoint: ENDPOINTS[type],
      description: core!.description,
      schema: core!.id,
      schemaExtensions: extensions.map((extension) => ({ schema: extension.id, required: false })),
      meta: { resourceType: "ResourceType", location: `${base}/ResourceTypes/${type}` },
    };
  });
}
