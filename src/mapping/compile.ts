import { EvaluationError, ParseError, TypeError as CelTypeError } from "@marcbachmann/cel-js";
import { celEnvironment } from "./cel-environment.js";
import type { MappingInput } from "./mapping-input.js";

/** What an expression must give: a text for an attribute or login, true/false for a scope or group rule. */
export type ExpressionKind = "text" | "condition";

/** Why an expression cannot be used, with where (1-based line and column of the offending token). */
export interface ExpressionProblem {
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

/** The outcome of one evaluation: the value, or why this person's data did not fit the expression. */
export type Evaluated<T> = { readonly value: T } | { readonly error: string };

export interface CompiledExpression<T> {
  readonly source: string;
  evaluate(input: MappingInput): Evaluated<T>;
}

type Result<K extends ExpressionKind> = K extends "text" ? string | null : boolean;

/**
 * Parses and type-checks an expression once (per run, or per keystroke in the console); the result evaluates per
 * person. Type errors that depend on the data (a null where a text was expected) can only show at evaluation.
 */
export function compileExpression<K extends ExpressionKind>(
  source: string,
  kind: K,
): CompiledExpression<Result<K>> | { readonly problem: ExpressionProblem } {
  if (source.trim() === "") return { problem: { message: "is empty", line: 1, column: 1 } };
  let program: (input: MappingInput) => unknown;
  try {
    program = celEnvironment.parse(source) as unknown as (input: MappingInput) => unknown;
    const checked = celEnvironment.check(source);
    if (!checked.valid) return { problem: problemOf(checked.error, source) };
    const wrong = wrongType(checked.type, kind);
    if (wrong) return { problem: { message: wrong, line: 1, column: 1 } };
  } catch (error) {
    return { problem: problemOf(error, source) };
  }
  return {
    source,
    evaluate(input) {
      try {
        return resultOf(program(input), kind) as Evaluated<Result<K>>;
      } catch (error) {
        // A CEL error or a helper's refusal ("expects a text") is about this person's data: it holds the person.
        if (error instanceof Error) return { error: describe(error, source) };
        throw error;
      }
    },
  };
}

/** A static type that can never be right for the kind (a number for a title, a text for a scope). */
function wrongType(type: string | undefined, kind: ExpressionKind): string | null {
  if (type === undefined || type === "dyn") return null;
  if (kind === "condition") return type === "bool" ? null : `gives ${type}, but must give true or false`;
  return type === "string" || type === "null_type" ? null : `gives ${type}, but must give a text`;
}

function resultOf(value: unknown, kind: ExpressionKind): Evaluated<string | null | boolean> {
  if (kind === "condition")
    return typeof value === "boolean" ? { value } : { error: `gives ${typeName(value)}, but must give true or false` };
  if (value === null || value === "") return { value: null };
  return typeof value === "string" ? { value } : { error: `gives ${typeName(value)}, but must give a text` };
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "bigint" || typeof value === "number") return "a number";
  if (typeof value === "string") return "a text";
  if (Array.isArray(value)) return "a list";
  return typeof value === "boolean" ? "true/false" : "an object";
}

/** The library's message without its ASCII drawing, and the position as line and column. */
function problemOf(error: unknown, source: string): ExpressionProblem {
  if (error instanceof ParseError || error instanceof CelTypeError || error instanceof EvaluationError) {
    // The node's own position points at the offending token (a misspelt field's name); its range starts earlier.
    const { line, column } = lineAndColumn(source, error.node?.pos ?? error.range?.start ?? 0);
    return { message: error.summary, line, column };
  }
  throw error;
}

/** One line for a hold or a log: "No such key: name (line 1, column 19)". */
function describe(error: Error, source: string): string {
  if (error instanceof EvaluationError) {
    const { message, line, column } = problemOf(error, source);
    return `${message} (line ${line}, column ${column})`;
  }
  return error.message;
}

function lineAndColumn(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset).split("\n");
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}
