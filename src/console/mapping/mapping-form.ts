import { BUILT_IN_MAPPING, mappingProblems, type MappingSettings } from "../../mapping/connector-mapping.js";
import { isCustomAttribute, mappingKeyProblem, OVERRIDABLE_ATTRIBUTES } from "../../mapping/mapped-attributes.js";
import type { ExpressionKind } from "../../mapping/compile.js";
import type { Messages } from "../i18n/messages.js";

/**
 * The Mapping page's form, as typed: one field per overridable attribute ("mapping.title"), numbered rows of custom
 * attributes ("custom.0.name", "custom.0.expression") and of group rules ("rule.0.name", "rule.0.when"), and the
 * scope ("scope.include"). Every field has its own name, so live validation can post just the one it checks. An empty
 * row is ignored.
 */
export interface MappingForm {
  readonly overrides: Readonly<Record<string, string>>;
  readonly custom: readonly { readonly name: string; readonly expression: string }[];
  readonly include: string;
  readonly rules: readonly { readonly name: string; readonly when: string }[];
}

type Body = Record<string, string | File | (string | File)[]>;

export function mappingFormOf(settings: MappingSettings | undefined): MappingForm {
  const { attributes, include, groupRules } = settings ?? BUILT_IN_MAPPING;
  return {
    overrides: Object.fromEntries(Object.entries(attributes).filter(([key]) => !isCustomAttribute(key))),
    custom: Object.entries(attributes)
      .filter(([key]) => isCustomAttribute(key))
      .map(([name, expression]) => ({ name, expression })),
    include: include ?? "",
    rules: groupRules,
  };
}

export function mappingFormFromBody(body: Body): MappingForm {
  const one = (name: string) => {
    const value = body[name];
    const first = Array.isArray(value) ? value[0] : value;
    return typeof first === "string" ? first : "";
  };
  const rows = <T>(prefix: string, row: (field: (part: string) => string) => T): T[] => {
    const found: T[] = [];
    for (let index = 0; `${prefix}.${index}.name` in body; index++)
      found.push(row((part) => one(`${prefix}.${index}.${part}`)));
    return found;
  };
  return {
    overrides: Object.fromEntries(OVERRIDABLE_ATTRIBUTES.map((key) => [key, one(`mapping.${key}`)])),
    custom: rows("custom", (field) => ({ name: field("name").trim(), expression: field("expression") })),
    include: one("scope.include"),
    rules: rows("rule", (field) => ({ name: field("name"), when: field("when") })),
  };
}

/**
 * The form as settings, or the problems by form field (the name and row the page shows them next to). The checks are
 * mappingProblems', which config.toml's load also runs, so the console cannot save what the file would refuse.
 */
export function parseMappingForm(
  form: MappingForm,
  t: Messages["mapping"],
): { readonly settings: MappingSettings } | { readonly errors: Readonly<Record<string, string>> } {
  const attributes: Record<string, string> = {};
  const fieldOfKey: Record<string, string> = {};
  const errors: Record<string, string> = {};
  for (const [key, expression] of Object.entries(form.overrides)) {
    if (expression.trim() === "") continue;
    attributes[key] = expression;
    fieldOfKey[`mapping.${key}`] = `mapping.${key}`;
  }
  for (const [index, row] of form.custom.entries()) {
    if (row.name === "" && row.expression.trim() === "") continue;
    const field = `custom.${index}`;
    if (row.name in attributes) errors[`${field}.name`] = t.alreadyMapped;
    else attributes[row.name] = row.expression;
    fieldOfKey[`mapping.${row.name}`] = mappingKeyProblem(row.name) ? `${field}.name` : `${field}.expression`;
  }
  const rules = form.rules
    .map((rule, row) => ({ rule, row }))
    .filter(({ rule }) => rule.name.trim() !== "" || rule.when.trim() !== "");
  for (const [index, { row }] of rules.entries()) {
    fieldOfKey[`groups.rules[${index}].name`] = `rule.${row}.name`;
    fieldOfKey[`groups.rules[${index}].when`] = `rule.${row}.when`;
  }
  const settings: MappingSettings = {
    attributes,
    include: form.include.trim() === "" ? null : form.include,
    groupRules: rules.map(({ rule }) => ({ name: rule.name.trim(), when: rule.when })),
  };
  fieldOfKey["scope.include"] = "scope.include";
  for (const problem of mappingProblems(settings)) {
    const field = fieldOfKey[problem.key] ?? problem.key;
    errors[field] ??= t.problemAt(problem);
  }
  return Object.keys(errors).length > 0 ? { errors } : { settings };
}

/** What a form field's expression must give: the scope and the rules are conditions, the rest texts. */
export function kindOfField(field: string): ExpressionKind {
  return field === "scope.include" || /^rule\.\d+\.when$/.test(field) ? "condition" : "text";
}
