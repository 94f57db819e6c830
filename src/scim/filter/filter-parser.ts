import { parseAttributePath, type AttrPath } from "../schema/attribute-path.js";
import { COMPARE_OPS, type CompareOp, type CompValue, type Filter } from "./filter-ast.js";
import { invalidAt, tokenize, type Token } from "./filter-tokenizer.js";

/**
 * Bounds that keep a hostile filter cheap: its length, how deeply it nests (parentheses, not, brackets) and how
 * many comparisons it makes. Far above anything Okta (one comparison) or a person writes. A comparison on an
 * attribute without a column reads every row's JSON, so the comparisons bound what the worst filter costs on the
 * reader thread (docs/security.md, "No request can stall the others").
 */
export const FILTER_LIMITS = { maxLength: 4096, maxDepth: 16, maxComparisons: 16 } as const;

/**
 * Parses an RFC 7644 §3.4.2.2 filter: `not` binds tighter than `and`, which binds tighter than `or`; operators,
 * keywords and attribute names are case-insensitive. Throws ScimError(400, invalidFilter) with the position of the
 * problem; never anything else.
 */
export function parseFilter(text: string): Filter {
  if (text.length > FILTER_LIMITS.maxLength) {
    throw invalidAt(FILTER_LIMITS.maxLength, `the filter is longer than ${FILTER_LIMITS.maxLength} characters`);
  }
  return new Parser(tokenize(text)).parseAll();
}

const isKeyword = (token: Token, keyword: string) => token.kind === "word" && token.text.toLowerCase() === keyword;

class Parser {
  private index = 0;
  private depth = 0;
  private comparisons = 0;

  constructor(private readonly tokens: Token[]) {}

  parseAll(): Filter {
    const filter = this.parseOr(false);
    const rest = this.peek();
    if (rest.kind !== "end")
      throw invalidAt(rest.pos, `expected "and", "or" or the end of the filter, found ${describe(rest)}`);
    return filter;
  }

  private parseOr(inValuePath: boolean): Filter {
    return this.parseChain("or", () => this.parseAnd(inValuePath));
  }

  private parseAnd(inValuePath: boolean): Filter {
    return this.parseChain("and", () => this.parseUnary(inValuePath));
  }

  /** `operand (keyword operand)*`, left-associative. */
  private parseChain(keyword: "and" | "or", operand: () => Filter): Filter {
    let left = operand();
    while (isKeyword(this.peek(), keyword)) {
      this.next();
      left = { kind: keyword, left, right: operand() };
    }
    return left;
  }

  private parseUnary(inValuePath: boolean): Filter {
    const token = this.peek();
    if (isKeyword(token, "not") && this.peek(1).kind === "(") {
      this.next();
      return { kind: "not", filter: this.parseGroup(inValuePath) };
    }
    if (token.kind === "(") return this.parseGroup(inValuePath);
    return this.parseAttributeExpression(inValuePath);
  }

  private parseGroup(inValuePath: boolean): Filter {
    const open = this.expect("(");
    const filter = this.nested(open, () => this.parseOr(inValuePath));
    this.expect(")");
    return filter;
  }

  private parseAttributeExpression(inValuePath: boolean): Filter {
    const token = this.next();
    const path = this.attributePath(token);
    if (this.peek().kind === "[") {
      if (inValuePath) throw invalidAt(this.peek().pos, "a value filter cannot contain another value filter");
      const open = this.next();
      const filter = this.nested(open, () => this.parseOr(true));
      this.expect("]");
      const subToken = this.peek();
      if (subToken.kind !== "word" || !subToken.text.startsWith("."))
        return { kind: "valuePath", path, filter, pos: token.pos };
      this.next();
      const sub = parseAttributePath(subToken.text.slice(1));
      if (!sub || sub.uri !== undefined || sub.sub !== undefined)
        throw invalidAt(subToken.pos, `${describe(subToken)} is not a sub-attribute`);
      return { kind: "valuePath", path, filter, then: { sub: sub.name, ...this.comparison() }, pos: token.pos };
    }
    const comparison = this.comparison();
    return comparison.op === "pr"
      ? { kind: "present", path, pos: token.pos }
      : { kind: "compare", path, op: comparison.op, value: comparison.value, pos: token.pos };
  }

  /** `pr`, or an operator and a value, after an attribute path (or after the sub-attribute of a value path). */
  private comparison(): { op: "pr" } | { op: CompareOp; value: CompValue } {
    this.comparisons += 1;
    const operator = this.next();
    if (this.comparisons > FILTER_LIMITS.maxComparisons) {
      throw invalidAt(operator.pos, `more than ${FILTER_LIMITS.maxComparisons} comparisons`);
    }
    const op = operator.kind === "word" ? operator.text.toLowerCase() : "";
    if (op === "pr") return { op: "pr" };
    if (!(COMPARE_OPS as readonly string[]).includes(op)) {
      throw invalidAt(
        operator.pos,
        `expected an operator (eq, ne, co, sw, ew, gt, ge, lt, le, pr), found ${describe(operator)}`,
      );
    }
    return { op: op as CompareOp, value: this.value() };
  }

  private value(): CompValue {
    const token = this.next();
    if (token.kind === "string") return JSON.parse(token.text) as string;
    if (token.kind === "number") return Number(token.text);
    const literal = token.kind === "word" ? token.text.toLowerCase() : "";
    if (literal === "true") return true;
    if (literal === "false") return false;
    if (literal === "null") return null;
    throw invalidAt(
      token.pos,
      `expected a value (a "quoted string", a number, true, false or null), found ${describe(token)}`,
    );
  }

  private attributePath(token: Token): AttrPath {
    const path = token.kind === "word" ? parseAttributePath(token.text) : undefined;
    if (!path) throw invalidAt(token.pos, `expected an attribute name, found ${describe(token)}`);
    return path;
  }

  private nested<T>(open: Token, parse: () => T): T {
    this.depth += 1;
    if (this.depth > FILTER_LIMITS.maxDepth)
      throw invalidAt(open.pos, `nested deeper than ${FILTER_LIMITS.maxDepth} levels`);
    const result = parse();
    this.depth -= 1;
    return result;
  }

  private expect(kind: "(" | ")" | "]"): Token {
    const token = this.next();
    if (token.kind !== kind) throw invalidAt(token.pos, `expected "${kind}", found ${describe(token)}`);
    return token;
  }

  private peek(ahead = 0): Token {
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)]!;
  }

  private next(): Token {
    const token = this.peek();
    if (this.index < this.tokens.length - 1) this.index += 1;
    return token;
  }
}

function describe(token: Token): string {
  return token.kind === "end"
    ? "the end of the filter"
    : JSON.stringify(token.text.length > 40 ? `${token.text.slice(0, 40)}…` : token.text);
}
