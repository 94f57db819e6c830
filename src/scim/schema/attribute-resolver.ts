import type { ResourceType } from "../../directory/resource.js";
import type { AttributeDefinition } from "./attribute-definition.js";
import type { AttrPath } from "./attribute-path.js";
import { COMMON_ATTRIBUTES, SCHEMAS_OF, type SchemaDefinition } from "./resource-schemas.js";

/** An attribute path matched against the schemas of a resource type, with canonical spelling. */
export interface ResolvedAttribute {
  /** URN of the extension schema the attribute lives in; null for core and common attributes (top-level keys). */
  readonly extension: string | null;
  readonly attribute: AttributeDefinition;
  readonly sub: AttributeDefinition | null;
  /** Canonical name without URN, e.g. "name.givenName", "emails.value", "meta.created". */
  readonly canonical: string;
  /** SQLite JSON path of `attribute` inside a stored body, e.g. `$."urn:…:User"."manager"`. */
  readonly jsonPath: string;
}

const lower = (text: string) => text.toLowerCase();
const findByName = (attributes: readonly AttributeDefinition[] | undefined, name: string) =>
  attributes?.find((attribute) => lower(attribute.name) === lower(name));

/**
 * Resolves a path for a resource type (names and URNs are case-insensitive, RFC 7644 §3.4.2.2); undefined when the
 * resource type has no such attribute.
 */
export function resolveAttribute(type: ResourceType, path: AttrPath): ResolvedAttribute | undefined {
  const schemas = SCHEMAS_OF[type];
  const core = schemas[0]!;
  let schema: SchemaDefinition | undefined = core;
  if (path.uri !== undefined) {
    schema = schemas.find((candidate) => lower(candidate.id) === lower(path.uri!));
    if (!schema) return undefined;
  }
  const inSchema = findByName(schema.attributes, path.name);
  const attribute = inSchema ?? (schema === core ? findByName(COMMON_ATTRIBUTES, path.name) : undefined);
  if (!attribute) return undefined;
  let sub: AttributeDefinition | null = null;
  if (path.sub !== undefined) {
    sub = findByName(attribute.subAttributes, path.sub) ?? null;
    if (!sub) return undefined;
  }
  const extension = schema === core ? null : schema.id;
  return {
    extension,
    attribute,
    sub,
    canonical: sub ? `${attribute.name}.${sub.name}` : attribute.name,
    jsonPath: jsonPath(extension === null ? [attribute.name] : [extension, attribute.name]),
  };
}

/** `$."a"."b"`: quoted labels, because extension URNs contain dots and colons. */
export function jsonPath(labels: readonly string[]): string {
  return `$${labels.map((label) => `."${label}"`).join("")}`;
}
