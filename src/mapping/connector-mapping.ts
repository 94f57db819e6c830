import { foldCase } from "../directory/fold-case.js";
import type { GroupMembership } from "../lifecycle/groups.js";
import { type CompiledExpression, compileExpression, type Evaluated, type ExpressionProblem } from "./compile.js";
import { isCustomAttribute, mappingKeyProblem } from "./mapped-attributes.js";
import type { MappingInput } from "./mapping-input.js";

/** What the admin's expressions change for one connector (docs/mapping.md); all empty: the built-in mapping. */
export interface MappingSettings {
  /** Okta variable name → CEL expression giving a text: an override, or a custom attribute of the extension. */
  readonly attributes: Readonly<Record<string, string>>;
  /** CEL condition: people for whom it is false are not served at all; null = everyone. */
  readonly include: string | null;
  /** Groups served beside the HR-derived ones: everyone for whom `when` is true is a member. */
  readonly groupRules: readonly { readonly name: string; readonly when: string }[];
}

export const BUILT_IN_MAPPING: MappingSettings = { attributes: {}, include: null, groupRules: [] };

/** One problem of a mapping, named by its config key ("mapping.title", "scope.include", "groups.rules[0].when"). */
export interface MappingProblem extends ExpressionProblem {
  readonly key: string;
}

/** What one person's expressions gave: attribute values (null: leave out) and the rule groups they belong to. */
export interface MappedPerson {
  readonly attributes: Readonly<Record<string, string | null>>;
  readonly groups: readonly GroupMembership[];
}

export interface CompiledMapping {
  /** Whether there is anything to evaluate per person (the built-in mapping skips the work). */
  readonly hasExpressions: boolean;
  readonly hasScope: boolean;
  readonly hasGroupRules: boolean;
  /** Custom attributes of the hrgateway extension, sorted (the served key order must not depend on the file's). */
  readonly customAttributes: readonly string[];
  includes(input: MappingInput): Evaluated<boolean>;
  map(input: MappingInput): Evaluated<MappedPerson>;
}

/** The custom attributes a mapping adds to the hrgateway extension, in the order they are served. */
export function customAttributesOf(settings: MappingSettings | undefined): string[] {
  return Object.keys(settings?.attributes ?? {})
    .filter(isCustomAttribute)
    .sort();
}

/** Every problem of a mapping, for config.toml (start-up stops) and the console (shown next to the field). */
export function mappingProblems(settings: MappingSettings): MappingProblem[] {
  const compiled = compileAll(settings);
  return "problems" in compiled ? compiled.problems : [];
}

/** Compiles a connector's expressions once per run; a mapping with a problem was refused where it was saved. */
export function compileMapping(settings: MappingSettings): CompiledMapping {
  const compiled = compileAll(settings);
  if ("problems" in compiled) {
    const first = compiled.problems[0]!;
    throw new Error(`${first.key}: ${first.message} (line ${first.line}, column ${first.column})`);
  }
  const { attributes, include, rules } = compiled;
  return {
    hasExpressions: attributes.length > 0 || rules.length > 0,
    hasScope: include !== null,
    hasGroupRules: rules.length > 0,
    customAttributes: customAttributesOf(settings),
    includes: (input) => (include ? include.evaluate(input) : { value: true }),
    map(input) {
      const values: Record<string, string | null> = {};
      for (const [key, expression] of attributes) {
        const result = expression.evaluate(input);
        if ("error" in result) return { error: `mapping.${key}: ${result.error}` };
        values[key] = result.value;
      }
      const groups: GroupMembership[] = [];
      for (const [index, rule] of rules.entries()) {
        const result = rule.when.evaluate(input);
        if ("error" in result) return { error: `groups.rules[${index}] (${rule.name}): ${result.error}` };
        if (result.value) groups.push({ key: `rule:${foldCase(rule.name)}`, displayName: rule.name });
      }
      return { value: { attributes: values, groups } };
    },
  };
}

function compileAll(settings: MappingSettings):
  | {
      attributes: [string, CompiledExpression<string | null>][];
      include: CompiledExpression<boolean> | null;
      rules: { name: string; when: CompiledExpression<boolean> }[];
    }
  | { problems: MappingProblem[] } {
  const problems: MappingProblem[] = [];
  const compile = <K extends "text" | "condition">(key: string, source: string, kind: K) => {
    const compiled = compileExpression(source, kind);
    if ("problem" in compiled) {
      problems.push({ key, ...compiled.problem });
      return null;
    }
    return compiled;
  };
  const attributes: [string, CompiledExpression<string | null>][] = [];
  for (const key of Object.keys(settings.attributes).sort()) {
    const keyProblem = mappingKeyProblem(key);
    if (keyProblem) {
      problems.push({ key: `mapping.${key}`, message: keyProblem, line: 1, column: 1 });
      continue;
    }
    const compiled = compile(`mapping.${key}`, settings.attributes[key]!, "text");
    if (compiled) attributes.push([key, compiled]);
  }
  const include = settings.include === null ? null : compile("scope.include", settings.include, "condition");
  const rules: { name: string; when: CompiledExpression<boolean> }[] = [];
  const names = new Set<string>();
  for (const [index, rule] of settings.groupRules.entries()) {
    const name = rule.name.trim();
    if (!name || names.has(foldCase(name))) {
      const message = name ? "another rule has this name (the name is the group's identity)" : "is empty";
      problems.push({ key: `groups.rules[${index}].name`, message, line: 1, column: 1 });
      continue;
    }
    names.add(foldCase(name));
    const when = compile(`groups.rules[${index}].when`, rule.when, "condition");
    if (when) rules.push({ name, when });
  }
  return problems.length > 0 ? { problems } : { attributes, include, rules };
}
