import type { ConnectorSettings } from "../../config/types.js";
import { ENTERPRISE_USER, HR_GATEWAY_ATTRIBUTES, HR_GATEWAY_USER } from "../../directory/schema-urns.js";
import type { UserNameChoice } from "../../lifecycle/identity.js";
import { lifecycleOf } from "../../lifecycle/lifecycle-state.js";
import { userResource, type UserResource } from "../../lifecycle/user-resource.js";
import { compileMapping, type MappingSettings } from "../../mapping/connector-mapping.js";
import { OVERRIDABLE_ATTRIBUTES } from "../../mapping/mapped-attributes.js";
import { mappingInput } from "../../mapping/mapping-input.js";
import type { HrPerson, IsoDate } from "../../sources/types.js";

/** One attribute of the tried person: the built-in value and the value with the mapping (null: left out). */
export interface TriedAttribute {
  readonly attribute: string;
  readonly before: string | null;
  readonly after: string | null;
}

export type TryOutcome =
  | { readonly attributes: readonly TriedAttribute[]; readonly included: boolean; readonly groups: readonly string[] }
  | { readonly error: string };

/**
 * One person's attributes without and with a mapping, built by the sync's own steps: the lifecycle's work period,
 * mapping/connector-mapping.ts's evaluation and lifecycle/user-resource.ts's resource. The person comes from the
 * stored source record, which never holds the birth date (sync/stored-person.ts).
 */
export function tryMapping(input: {
  readonly person: HrPerson;
  readonly userName: UserNameChoice;
  readonly settings: ConnectorSettings;
  readonly mapping: MappingSettings;
  readonly today: IsoDate;
}): TryOutcome {
  const { person, settings, today } = input;
  const rules = {
    daysBefore: settings.daysBefore,
    daysAfter: settings.daysAfter,
    retentionDays: settings.retentionDays,
  };
  const period = lifecycleOf({ periods: person.periods, today, rules, previous: null, missingSince: null }).period;
  const compiled = compileMapping(input.mapping);
  const evaluationInput = mappingInput(person, period, today);
  const included = compiled.includes(evaluationInput);
  if ("error" in included) return { error: `scope.include: ${included.error}` };
  const mapped = compiled.map(evaluationInput);
  if ("error" in mapped) return { error: mapped.error };
  const resource = (withMapping: boolean) =>
    userResource({
      person,
      scimId: "",
      userName: input.userName,
      active: true,
      period,
      manager: null,
      settings,
      ...(withMapping
        ? { mapped: mapped.value.attributes, customAttributes: compiled.customAttributes }
        : { customAttributes: [] }),
    });
  const before = resource(false);
  const after = resource(true);
  return {
    included: included.value,
    groups: mapped.value.groups.map((group) => group.displayName),
    attributes: [...OVERRIDABLE_ATTRIBUTES, ...compiled.customAttributes].map((attribute) => ({
      attribute,
      before: servedValue(before, attribute),
      after: servedValue(after, attribute),
    })),
  };
}

const CORE_VARIABLES = new Set(["displayName", "title", "userType"]);
const ENTERPRISE_VARIABLES = new Set(["employeeNumber", "organization", "department", "costCenter"]);

/** An Okta variable's value in a served resource (README's table: variable name → external name and namespace). */
function servedValue(resource: UserResource, variable: string): string | null {
  const name = resource.name as Record<string, unknown> | undefined;
  const enterprise = resource[ENTERPRISE_USER] as Record<string, unknown> | undefined;
  const extension = resource[HR_GATEWAY_USER] as Record<string, unknown> | undefined;
  const phones = resource.phoneNumbers as { value: string; primary?: boolean }[] | undefined;
  let value: unknown;
  if (variable === "givenName" || variable === "familyName") value = name?.[variable];
  else if (variable === "primaryPhone") value = phones?.find((phone) => phone.primary)?.value;
  else if (ENTERPRISE_VARIABLES.has(variable)) value = enterprise?.[variable];
  else if (CORE_VARIABLES.has(variable)) value = resource[variable];
  else {
    const served = HR_GATEWAY_ATTRIBUTES.find((attribute) => attribute.oktaVariable === variable)?.name ?? variable;
    value = extension?.[served];
  }
  return typeof value === "string" ? value : null;
}
