import { printAttributePath } from "../schema/attribute-path.js";
import type { CompValue, Filter } from "./filter-ast.js";

const PRECEDENCE = { or: 1, and: 2 } as const;

/**
 * The canonical text of a filter: lower-case keywords, single spaces, JSON literals and only the parentheses that
 * precedence needs. Logs and the request-log page show this form, and parse(print(f)) prints the same text again.
 */
export function printFilter(filter: Filter): string {
  return print(filter, 0);
}

function print(filter: Filter, parentPrecedence: number): string {
  switch (filter.kind) {
    case "or":
    case "and": {
      const precedence = PRECEDENCE[filter.kind];
      const text = `${print(filter.left, precedence)} ${filter.kind} ${print(filter.right, precedence)}`;
      return precedence < parentPrecedence ? `(${text})` : text;
    }
    case "not":
      return `not (${print(filter.filter, 0)})`;
    case "present":
      return `${printAttributePath(filter.path)} pr`;
    case "compare":
      return `${printAttributePath(filter.path)} ${filter.op} ${printValue(filter.value)}`;
    case "valuePath": {
      const base = `${printAttributePath(filter.path)}[${print(filter.filter, 0)}]`;
      if (!filter.then) return base;
      const then = filter.then;
      return then.op === "pr" ? `${base}.${then.sub} pr` : `${base}.${then.sub} ${then.op} ${printValue(then.value)}`;
    }
  }
}

function printValue(value: CompValue): string {
  return JSON.stringify(value);
}
