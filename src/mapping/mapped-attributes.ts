import { HR_GATEWAY_ATTRIBUTES } from "../directory/schema-urns.js";

/**
 * The attributes `[connectors.mapping]` may override, by their Okta Profile Editor variable name (README's table).
 * userName and email follow the login rules ([connectors.identity]) and the manager link is the manager's SCIM id, so
 * an expression cannot replace them.
 */
export const OVERRIDABLE_ATTRIBUTES = [
  "givenName",
  "familyName",
  "displayName",
  "primaryPhone",
  "title",
  "userType",
  "employeeNumber",
  "organization",
  "department",
  "costCenter",
  ...HR_GATEWAY_ATTRIBUTES.map((attribute) => attribute.oktaVariable),
] as const;

const NOT_MAPPABLE: Readonly<Record<string, string>> = {
  userName: "is set by [connectors.identity] (user_name_from), not by an expression",
  email: "is the userName: it is set by [connectors.identity], not by an expression",
  managerId: "is the manager's SCIM id, which only the gateway knows",
  manager: "is the manager's name as the manager is served; override the manager's own displayName instead",
};

/** A new key's form: Okta's variable names and SCIM attribute names both accept it. */
const CUSTOM_NAME = /^[a-z][A-Za-z0-9]{0,63}$/;

/** Why a key of [connectors.mapping] cannot be used, or null (an override or a new custom attribute). */
export function mappingKeyProblem(key: string): string | null {
  const reason = NOT_MAPPABLE[key];
  if (reason) return reason;
  if ((OVERRIDABLE_ATTRIBUTES as readonly string[]).includes(key)) return null;
  if (!CUSTOM_NAME.test(key))
    return "a new attribute's name must be letters and digits, starting with a lower-case letter";
  const builtIn = HR_GATEWAY_ATTRIBUTES.find((attribute) => attribute.name === key);
  return builtIn ? `is the served name of ${builtIn.oktaVariable}: map ${builtIn.oktaVariable} instead` : null;
}

/** Whether a mapping key is a custom attribute of the hrgateway extension rather than an override. */
export function isCustomAttribute(key: string): boolean {
  return !(OVERRIDABLE_ATTRIBUTES as readonly string[]).includes(key);
}
