import { ScimError } from "../scim-error.js";

export type TokenKind = "(" | ")" | "[" | "]" | "string" | "number" | "word" | "end";

export interface Token {
  readonly kind: TokenKind;
  /** The source text of the token (for strings: with quotes and escapes). */
  readonly text: string;
  /** 0-based offset in the filter. */
  readonly pos: number;
}

const WHITESPACE = /[ \t\r\n]+/y;
// JSON string and number grammar (RFC 8259), which RFC 7644 compValue refers to.
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?(?![\w.:$-])/y;
// Attribute paths (URNs include ":" and "."), operators and the literals true/false/null.
const WORD = /[A-Za-z0-9_:.$-]+/y;
const PUNCTUATION = new Set(["(", ")", "[", "]"]);

/** Splits a filter into tokens; a character that starts no token is an invalidFilter error at its position. */
export function tokenize(filter: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  const match = (pattern: RegExp) => {
    pattern.lastIndex = pos;
    return pattern.exec(filter)?.[0];
  };
  while (pos < filter.length) {
    const space = match(WHITESPACE);
    if (space) {
      pos += space.length;
      continue;
    }
    const char = filter[pos]!;
    if (PUNCTUATION.has(char)) {
      tokens.push({ kind: char as TokenKind, text: char, pos });
      pos += 1;
      continue;
    }
    const text = char === '"' ? match(STRING) : /[-\d]/.test(char) ? match(NUMBER) : match(WORD);
    if (!text)
      throw invalidAt(
        pos,
        char === '"' ? "unterminated or malformed string" : `unexpected character ${JSON.stringify(char)}`,
      );
    tokens.push({ kind: char === '"' ? "string" : /[-\d]/.test(char) ? "number" : "word", text, pos });
    pos += text.length;
  }
  tokens.push({ kind: "end", text: "", pos });
  return tokens;
}

/** An invalidFilter error that points at a 0-based position, shown 1-based to people. */
export function invalidAt(pos: number, problem: string): ScimError {
  return new ScimError(400, `Invalid filter at character ${pos + 1}: ${problem}.`, "invalidFilter");
}
