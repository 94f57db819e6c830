import { foldCase } from "../../directory/fold-case.js";
import type { ResourceType } from "../../directory/resource.js";
import { storedBody } from "../../directory/served-body.js";
import type { AttributeDefinition } from "../schema/attribute-definition.js";
import { printAttributePath, type AttrPath } from "../schema/attribute-path.js";
import { jsonPath, resolveAttribute, type ResolvedAttribute } from "../schema/attribute-resolver.js";
import { normalizeDateTime } from "./date-time.js";
import type { CompareOp, CompValue, Filter, ValuePathFilter } from "./filter-ast.js";
import { invalidAt } from "./filter-tokenizer.js";
import { INDEXED_COLUMNS } from "./indexed-columns.js";
import { sql, trusted, type Fragment } from "./sql-fragment.js";

/**
 * Where attribute names are looked up: the resource itself, or (inside `emails[...]`) one element of a complex
 * attribute, whose JSON is `document`.
 */
type Scope =
  | { readonly kind: "resource" }
  | { readonly kind: "element"; readonly parent: AttributeDefinition; readonly document: Fragment };

/** A condition before negation; `nullable` when SQL may evaluate it to NULL (absent attribute), which NOT keeps NULL. */
interface Condition {
  readonly sql: Fragment;
  readonly nullable: boolean;
}

const RESOURCE: Scope = { kind: "resource" };

/**
 * Compiles a parsed filter into a WHERE condition over one scim_resources row (columns and `body`). Comparisons
 * follow each attribute's type and caseExact; attributes with their own column use it (and its index), the rest are
 * read from the JSON body, multi-valued ones through EXISTS over json_each. `not` is pushed down to the leaves, so
 * that an absent attribute counts as "not equal" instead of making the whole condition NULL.
 */
export function compileFilter(filter: Filter, type: ResourceType): Fragment {
  return new FilterCompiler(type).compile(filter, false, RESOURCE);
}

class FilterCompiler {
  private aliases = 0;

  constructor(private readonly type: ResourceType) {}

  compile(filter: Filter, negated: boolean, scope: Scope): Fragment {
    switch (filter.kind) {
      case "and":
      case "or": {
        const left = this.compile(filter.left, negated, scope);
        const right = this.compile(filter.right, negated, scope);
        // De Morgan: not (a and b) = not a or not b.
        return (filter.kind === "and") !== negated ? sql`(${left} AND ${right})` : sql`(${left} OR ${right})`;
      }
      case "not":
        return this.compile(filter.filter, !negated, scope);
      case "present":
        return negate(this.present(filter.path, filter.pos, scope), negated);
      case "compare":
        if (filter.value === null && (filter.op === "eq" || filter.op === "ne")) {
          return negate(this.present(filter.path, filter.pos, scope), (filter.op === "eq") !== negated);
        }
        return negate(this.compare(filter.path, filter.op, filter.value, filter.pos, scope), negated);
      case "valuePath":
        return negate(this.valuePath(filter, scope), negated);
    }
  }

  private present(path: AttrPath, pos: number, scope: Scope): Condition {
    const target = this.target(path, pos, scope);
    if (target.kind === "column")
      return { sql: sql`(${trusted(target.column)} IS NOT NULL AND ${trusted(target.column)} <> '')`, nullable: false };
    if (target.kind === "elements") {
      if (!target.sub)
        return { sql: sql`IFNULL(json_array_length(${target.document}, ${target.path}) > 0, 0)`, nullable: false };
      return this.exists(target, (element) =>
        presentValue(sql`json_extract(${element}, ${jsonPath([target.sub!.name])})`, target.sub!),
      );
    }
    return {
      sql: presentValue(sql`json_extract(${target.document}, ${target.path})`, target.definition),
      nullable: false,
    };
  }

  private compare(path: AttrPath, op: CompareOp, value: CompValue, pos: number, scope: Scope): Condition {
    const target = this.target(path, pos, scope, op);
    if (target.kind === "column") {
      return {
        sql: comparison(trusted(target.column), target.definition, op, value, pos, target.folded),
        nullable: true,
      };
    }
    if (target.kind === "elements") {
      // `emails co "acme"` compares the element's "value" sub-attribute (RFC 7644 §3.4.2.2).
      const sub = target.sub ?? target.definition.subAttributes?.find((attribute) => attribute.name === "value");
      if (!sub) throw invalidAt(pos, `${printAttributePath(path)} is complex: name one of its sub-attributes`);
      return this.exists(target, (element) =>
        comparison(sql`json_extract(${element}, ${jsonPath([sub.name])})`, sub, op, value, pos, false),
      );
    }
    if (target.definition.type === "complex") {
      throw invalidAt(pos, `${printAttributePath(path)} is complex: name one of its sub-attributes`);
    }
    return {
      sql: comparison(sql`json_extract(${target.document}, ${target.path})`, target.definition, op, value, pos, false),
      nullable: true,
    };
  }

  private valuePath(filter: ValuePathFilter, scope: Scope): Condition {
    if (scope.kind === "element") throw invalidAt(filter.pos, "a value filter cannot contain another value filter");
    const target = this.target(filter.path, filter.pos, scope);
    if (
      target.kind === "column" ||
      target.definition.type !== "complex" ||
      (target.kind === "elements" && target.sub)
    ) {
      throw invalidAt(filter.pos, `${printAttributePath(filter.path)}[…] needs a complex attribute`);
    }
    const parent = target.definition;
    const matches = (document: Fragment) => {
      const inner = this.compile(filter.filter, false, { kind: "element", parent, document });
      const then = filter.then;
      if (!then) return inner;
      const thenPath: AttrPath = { name: then.sub };
      const last =
        then.op === "pr"
          ? this.present(thenPath, filter.pos, { kind: "element", parent, document })
          : this.compare(thenPath, then.op, then.value, filter.pos, { kind: "element", parent, document });
      return sql`(${inner} AND ${last.sql})`;
    };
    if (target.kind === "elements") return this.exists(target, matches);
    return { sql: sql`IFNULL(${matches(sql`json_extract(${target.document}, ${target.path})`)}, 0)`, nullable: false };
  }

  private exists(target: ElementsTarget, condition: (element: Fragment) => Fragment): Condition {
    this.aliases += 1;
    const alias = trusted(`e${this.aliases}`);
    const element = trusted(`e${this.aliases}.value`);
    return {
      sql: sql`EXISTS (SELECT 1 FROM json_each(${target.document}, ${target.path}) AS ${alias} WHERE ${condition(element)})`,
      nullable: false,
    };
  }

  /** What a path refers to in a scope: an indexed column, the elements of a multi-valued attribute, or a JSON value. */
  private target(path: AttrPath, pos: number, scope: Scope, op?: CompareOp): Target {
    if (scope.kind === "element") {
      const definition =
        path.uri === undefined && path.sub === undefined ? findSub(scope.parent, path.name) : undefined;
      if (!definition)
        throw invalidAt(pos, `${scope.parent.name} has no sub-attribute ${JSON.stringify(printAttributePath(path))}`);
      return { kind: "value", definition, document: scope.document, path: jsonPath([definition.name]) };
    }
    const resolved = resolveAttribute(this.type, path);
    if (!resolved) throw invalidAt(pos, `${this.type}s have no attribute ${JSON.stringify(printAttributePath(path))}`);
    if (resolved.canonical === "meta.location") throw invalidAt(pos, "meta.location cannot be filtered on");
    const column = INDEXED_COLUMNS[this.type][resolved.canonical];
    if (column && (op === undefined || !column.ops || column.ops.includes(op))) {
      return {
        kind: "column",
        column: column.column,
        folded: column.folded,
        definition: resolved.sub ?? resolved.attribute,
      };
    }
    // A group's members live in a column of their own; the whole resource is filtered as it is served.
    const body = trusted(`(${storedBody(this.type)})`);
    if (resolved.attribute.multiValued) {
      return {
        kind: "elements",
        definition: resolved.attribute,
        sub: resolved.sub,
        document: body,
        path: resolved.jsonPath,
      };
    }
    return {
      kind: "value",
      definition: resolved.sub ?? resolved.attribute,
      document: body,
      path: valuePathOf(resolved),
    };
  }
}

interface ElementsTarget {
  readonly kind: "elements";
  readonly definition: AttributeDefinition;
  readonly sub: AttributeDefinition | null;
  readonly document: Fragment;
  readonly path: string;
}

type Target =
  | {
      readonly kind: "column";
      readonly column: string;
      readonly folded: boolean;
      readonly definition: AttributeDefinition;
    }
  | ElementsTarget
  | {
      readonly kind: "value";
      readonly definition: AttributeDefinition;
      readonly document: Fragment;
      readonly path: string;
    };

function findSub(parent: AttributeDefinition, name: string): AttributeDefinition | undefined {
  return parent.subAttributes?.find((attribute) => attribute.name.toLowerCase() === name.toLowerCase());
}

function valuePathOf(resolved: ResolvedAttribute): string {
  return resolved.sub ? `${resolved.jsonPath}."${resolved.sub.name}"` : resolved.jsonPath;
}

function negate(condition: Condition, negated: boolean): Fragment {
  if (!negated) return condition.sql;
  return condition.nullable ? sql`NOT IFNULL(${condition.sql}, 0)` : sql`NOT ${condition.sql}`;
}

function presentValue(value: Fragment, definition: AttributeDefinition): Fragment {
  return definition.type === "complex"
    ? sql`IFNULL(json_type(${value}) = 'object', 0)`
    : sql`IFNULL(${value} <> '', 0)`;
}

const SQL_OPERATOR: Readonly<Record<"eq" | "ne" | "gt" | "ge" | "lt" | "le", string>> = {
  eq: "=",
  ne: "IS NOT",
  gt: ">",
  ge: ">=",
  lt: "<",
  le: "<=",
};

/** One comparison of `expression` (already folded when `folded`) with a literal, checked against the attribute's type. */
function comparison(
  expression: Fragment,
  definition: AttributeDefinition,
  op: CompareOp,
  value: CompValue,
  pos: number,
  folded: boolean,
): Fragment {
  const literal = literalFor(definition, op, value, pos);
  const isText = definition.type === "string" || definition.type === "reference";
  const caseInsensitive = isText && !definition.caseExact;
  const left = caseInsensitive && !folded ? sql`scim_fold(${expression})` : expression;
  const right = caseInsensitive && typeof literal === "string" ? foldCase(literal) : literal;
  switch (op) {
    case "co":
      return sql`instr(${left}, ${right}) > 0`;
    case "sw":
      return sql`substr(${left}, 1, length(${right})) = ${right}`;
    case "ew":
      return right === "" ? sql`${left} IS NOT NULL` : sql`substr(${left}, -length(${right})) = ${right}`;
    default:
      return sql`${left} ${trusted(SQL_OPERATOR[op])} ${right}`;
  }
}

/** The literal as SQLite should see it, or invalidFilter when the operator or value does not fit the attribute. */
function literalFor(definition: AttributeDefinition, op: CompareOp, value: CompValue, pos: number): string | number {
  const fail = (problem: string) => invalidAt(pos, `${definition.name} ${problem}`);
  const ordering = op === "gt" || op === "ge" || op === "lt" || op === "le";
  const substring = op === "co" || op === "sw" || op === "ew";
  if (value === null) throw fail(`cannot be compared with null using ${op}`);
  switch (definition.type) {
    case "boolean":
      if (typeof value !== "boolean") throw fail("is a boolean: compare it with true or false");
      if (ordering || substring) throw fail(`is a boolean: ${op} does not apply`);
      return Number(value);
    case "integer":
    case "decimal":
      if (typeof value !== "number") throw fail("is a number: compare it with a number");
      if (substring) throw fail(`is a number: ${op} does not apply`);
      return value;
    case "dateTime": {
      const normalized = typeof value === "string" ? normalizeDateTime(value) : undefined;
      if (normalized === undefined)
        throw fail('is a dateTime: compare it with a quoted time such as "2026-01-31T12:00:00Z"');
      return normalized;
    }
    case "complex":
      throw fail("is complex: name one of its sub-attributes");
    default:
      if (typeof value !== "string") throw fail("is a string: compare it with a quoted string");
      return value;
  }
}
