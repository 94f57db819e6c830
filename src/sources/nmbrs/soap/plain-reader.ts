/**
 * The nodes this reader builds: the part of xml-reader.ts's `XmlNode` a plain piece can hold (text, elements, lists;
 * never streamed items). Declared here rather than imported, so that xml-reader.ts can use this reader without an
 * import loop; a plain node is an `XmlNode` as it is.
 */
type XmlNode = { readonly [name: string]: XmlValue };
type XmlValue = string | XmlNode | readonly XmlNode[];

/**
 * A tokenizing reader for the pieces of a large SOAP result (result-pieces.ts): one pass over the characters, with
 * `indexOf` between the markup, that builds the very nodes fast-xml-parser builds with the source's options (see
 * NMBRS_PARSER_OPTIONS in xml-reader.ts). fast-xml-parser, and the well-formedness check the reader needs before it
 * because that parser accepts broken XML, were most of a large sync's CPU (BENCHMARKS.md, round 9).
 *
 * It reads only what XmlSerializer writes: elements with ASCII names (at most one prefix), attributes in quotes
 * without `&` or `<`, text with the five predefined entities, whitespace between elements. Anything else (a
 * character reference, a comment, mixed content, a name it does not know how to store) answers null, and the caller
 * validates and parses that piece with fast-xml-parser, which accepts what is merely unusual and reports what is
 * broken. What it does accept must be well-formed: every tag closed in order, no attribute twice. So this reader
 * only decides how fast a piece is read, never whether it is accepted; a property test keeps it equal to
 * fast-xml-parser (test/unit/sources/nmbrs/soap/plain-reader.test.ts).
 */

/** The children of an element whose content is `xml[from, to)`, as fast-xml-parser nests them; null: not understood. */
export function readPlainContent(
  xml: string,
  from: number,
  to: number,
  isList: (name: string) => boolean,
): XmlNode | null {
  return new PlainReader(xml, to, isList).read(from);
}

/** An element being read: its tag as written, its children so far, its raw text and its attributes. */
interface Open {
  readonly tag: string;
  /** Written `<tag … />`: complete as it is. */
  readonly empty: boolean;
  children: Record<string, XmlValue> | null;
  text: string;
  attributes: Record<string, string> | null;
}

const GREATER_THAN = 62;
const SLASH = 47;
const EQUALS = 61;
const QUOTE = 34;
const APOSTROPHE = 39;
const COLON = 58;
const UNDERSCORE = 95;
const HYPHEN = 45;
const DOT = 46;

class PlainReader {
  private at = 0;

  constructor(
    private readonly xml: string,
    private readonly to: number,
    private readonly isList: (name: string) => boolean,
  ) {}

  read(from: number): XmlNode | null {
    const { xml, to } = this;
    const root: Open = { tag: "", empty: false, children: null, text: "", attributes: null };
    const stack: Open[] = [root];
    let top = root;
    this.at = from;
    while (this.at < to) {
      let lt = xml.indexOf("<", this.at);
      if (lt === -1 || lt > to) lt = to;
      if (lt > this.at) top.text += xml.slice(this.at, lt);
      if (lt === to) break;
      if (xml.charCodeAt(lt + 1) === SLASH) {
        if (top === root || !this.endTag(lt, top.tag)) return null;
        stack.pop();
        const value = elementValue(top);
        const parent = stack[stack.length - 1]!;
        if (value === null || !this.add(parent, top.tag, value)) return null;
        top = parent;
      } else {
        const open = this.startTag(lt);
        if (open === null) return null;
        if (open.empty) {
          if (!this.add(top, open.tag, open.attributes ?? "")) return null;
        } else {
          stack.push(open);
          top = open;
        }
      }
    }
    if (stack.length !== 1 || !isBlank(root.text)) return null;
    return root.children ?? {};
  }

  /** `</tag>` at `lt`, optionally with whitespace before `>`; moves past it. */
  private endTag(lt: number, tag: string): boolean {
    const { xml, to } = this;
    if (!xml.startsWith(tag, lt + 2)) return false;
    let at = lt + 2 + tag.length;
    while (at < to && isSpace(xml.charCodeAt(at))) at++;
    if (at >= to || xml.charCodeAt(at) !== GREATER_THAN) return false;
    this.at = at + 1;
    return true;
  }

  /** A start tag or an empty-element tag (`<tag … />`) at `lt`; moves past it. */
  private startTag(lt: number): Open | null {
    const { xml, to } = this;
    const nameEnd = nameEndAt(xml, lt + 1, to);
    if (nameEnd === -1) return null;
    const tag = xml.slice(lt + 1, nameEnd);
    let attributes: Record<string, string> | null = null;
    let written: string[] | null = null;
    let at = nameEnd;
    for (;;) {
      const spaced = at;
      while (at < to && isSpace(xml.charCodeAt(at))) at++;
      if (at >= to) return null;
      const char = xml.charCodeAt(at);
      if (char === GREATER_THAN) {
        this.at = at + 1;
        return { tag, empty: false, children: null, text: "", attributes };
      }
      if (char === SLASH) {
        if (at + 1 >= to || xml.charCodeAt(at + 1) !== GREATER_THAN) return null;
        this.at = at + 2;
        return { tag, empty: true, children: null, text: "", attributes };
      }
      // An attribute: whitespace before it, a name, `=` (whitespace around it allowed), a quoted value.
      if (at === spaced) return null;
      const nameEnd = nameEndAt(xml, at, to);
      if (nameEnd === -1) return null;
      const name = xml.slice(at, nameEnd);
      at = nameEnd;
      while (at < to && isSpace(xml.charCodeAt(at))) at++;
      if (at >= to || xml.charCodeAt(at) !== EQUALS) return null;
      at++;
      while (at < to && isSpace(xml.charCodeAt(at))) at++;
      const quote = xml.charCodeAt(at);
      if (at >= to || (quote !== QUOTE && quote !== APOSTROPHE)) return null;
      const close = xml.indexOf(quote === QUOTE ? '"' : "'", at + 1);
      if (close === -1 || close >= to) return null;
      const value = xml.slice(at + 1, close);
      if (value.includes("<") || value.includes("&")) return null;
      at = close + 1;
      // XML forbids an attribute twice; most tags have none or one (xsi:nil).
      if (written?.includes(name)) return null;
      (written ??= []).push(name);
      // As fast-xml-parser with removeNSPrefix: namespace declarations dropped, a prefix dropped from the name.
      if (name === "xmlns" || name.startsWith("xmlns:")) continue;
      const key = `@_${name.slice(name.indexOf(":") + 1)}`;
      attributes ??= {};
      // x:a and y:a are different attributes to XML but one key to the parser, which keeps the last: not ours to pick.
      if (attributes[key] !== undefined) return null;
      attributes[key] = value.trim();
    }
  }

  /**
   * Puts a child's value under its local name: a list element always in an array, another one in an array once it
   * repeats. A name an object already has from its prototype (`constructor`) is not understood.
   */
  private add(parent: Open, tag: string, value: XmlValue): boolean {
    const name = tag.slice(tag.indexOf(":") + 1);
    const children = (parent.children ??= {});
    const existing = children[name];
    if (existing === undefined) {
      children[name] = this.isList(name) ? [value as XmlNode] : value;
      return true;
    }
    if (!Object.hasOwn(children, name)) return false;
    if (Array.isArray(existing)) (existing as XmlValue[]).push(value);
    else children[name] = [existing, value] as XmlNode[];
    return true;
  }
}

/** What a closed element becomes: its text (trimmed, entities decoded), or its children; null: not understood. */
function elementValue(element: Open): XmlValue | null {
  if (element.children) {
    // Mixed content (text beside child elements) is something XmlSerializer never writes.
    if (!isBlank(element.text)) return null;
    if (element.attributes) Object.assign(element.children, element.attributes);
    return element.children;
  }
  const decoded = decodeEntities(element.text.trim());
  if (decoded === null) return null;
  const text = detached(decoded);
  if (!element.attributes) return text;
  return text === "" ? { ...element.attributes } : { "#text": text, ...element.attributes };
}

/**
 * A copy of `text` that does not keep the answer alive. A slice of a string is a view of it in V8 (from 13
 * characters on), so a name or date read from an answer would hold all of its megabytes for as long as the person
 * is kept, and a sync keeps every person. Slicing a new concatenation makes V8 copy the characters first.
 */
function detached(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Text with the five predefined entities decoded; null for any other `&` (a character reference, a bare `&`). */
function decodeEntities(text: string): string | null {
  if (text.includes("]]>")) return null;
  let at = text.indexOf("&");
  if (at === -1) return text;
  let decoded = "";
  let done = 0;
  while (at !== -1) {
    const semicolon = text.indexOf(";", at);
    const name = semicolon === -1 ? "" : text.slice(at + 1, semicolon);
    if (!Object.hasOwn(ENTITIES, name)) return null;
    const entity = ENTITIES[name]!;
    decoded += text.slice(done, at) + entity;
    done = semicolon + 1;
    at = text.indexOf("&", done);
  }
  return decoded + text.slice(done);
}

/**
 * The end of a name starting at `at` (ASCII letters, digits, `_`, `-`, `.`, at most one `:` inside), if a space,
 * `/`, `>` or `=` follows it; else -1.
 */
function nameEndAt(xml: string, at: number, to: number): number {
  const first = xml.charCodeAt(at);
  if (!isLetter(first) && first !== UNDERSCORE) return -1;
  let colon = -1;
  let end = at + 1;
  for (; end < to; end++) {
    const char = xml.charCodeAt(end);
    if (isLetter(char) || isDigit(char) || char === UNDERSCORE || char === HYPHEN || char === DOT) continue;
    if (char === COLON && colon === -1) {
      colon = end;
      continue;
    }
    break;
  }
  if (end >= to || colon === end - 1) return -1;
  const after = xml.charCodeAt(end);
  return isSpace(after) || after === SLASH || after === GREATER_THAN || after === EQUALS ? end : -1;
}

function isBlank(text: string): boolean {
  for (let index = 0; index < text.length; index++) if (!isSpace(text.charCodeAt(index))) return false;
  return true;
}

/** XML's whitespace: space, tab, line feed, carriage return. */
function isSpace(char: number): boolean {
  return char === 32 || char === 9 || char === 10 || char === 13;
}

function isLetter(char: number): boolean {
  return (char >= 65 && char <= 90) || (char >= 97 && char <= 122);
}

function isDigit(char: number): boolean {
  return char >= 48 && char <= 57;
}
