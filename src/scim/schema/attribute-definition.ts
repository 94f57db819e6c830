/** RFC 7643 §2.3 data types. */
export type AttributeType = "string" | "boolean" | "decimal" | "integer" | "dateTime" | "reference" | "complex";

/**
 * One attribute as RFC 7643 §7 describes it. Every attribute we serve is read-only (HR is the source), so
 * mutability is not a field: the /Schemas document always says "readOnly".
 */
export interface AttributeDefinition {
  readonly name: string;
  readonly type: AttributeType;
  readonly multiValued: boolean;
  readonly required: boolean;
  readonly caseExact: boolean;
  readonly returned: "always" | "default";
  readonly uniqueness: "none" | "server";
  readonly description: string;
  readonly subAttributes?: readonly AttributeDefinition[];
  readonly referenceTypes?: readonly string[];
  readonly canonicalValues?: readonly string[];
}

type Options = Partial<Omit<AttributeDefinition, "name" | "type" | "description" | "subAttributes">>;

const DEFAULTS = {
  multiValued: false,
  required: false,
  caseExact: false,
  returned: "default",
  uniqueness: "none",
} as const;

export function simple(
  name: string,
  type: Exclude<AttributeType, "complex">,
  description: string,
  options: Options = {},
): AttributeDefinition {
  return { ...DEFAULTS, name, type, description, ...options };
}

export function complex(
  name: string,
  description: string,
  subAttributes: readonly AttributeDefinition[],
  options: Options = {},
): AttributeDefinition {
  return { ...DEFAULTS, name, type: "complex", description, subAttributes, ...options };
}
