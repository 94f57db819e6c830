import type { AnswerText } from "./answer-text.js";
import { type TagName, type TagNames, tagNamesFor } from "./tag-names.js";
import { decodeEntities, detached, isBlank, isDigit, isLetter, isSpace } from "./xml-text.js";

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
 * It scans the answer's Latin-1 text (answer-text.ts) and takes each value from its bytes: a fresh one-byte string
 * when ASCII, UTF-8 decoded when not, so values are neither views of the answer nor two-byte strings.
 *
 * It reads only what XmlSerializer writes: elements with ASCII names (at most one prefix), attributes in quotes
 * without `&` or `<`, text with the five predefined entities, whitespace between elements. Anything else (a
 * character reference, a comment, mixed content, a name it does not know how to store) answers null, and the caller
 * validates and parses that piece with fast-xml-parser, which accepts what is merely unusual and reports what is
 * broken. What it does accept must be well-formed: every tag closed in order, no attribute twice. So this reader
 * only decides how fast a piece is read, never whether it is accepted; a property test keeps it equal to
 * fast-xml-parser (test/unit/sources/nmbrs/soap/plain-reader.test.ts).
 */

/**
 * The children of an element whose content is the answer's bytes `[from, to)`, as fast-xml-parser nests them (read
 * from the same bytes decoded as UTF-8); null: not understood.
 */
export function readPlainContent(
  answer: AnswerText,
  from: number,
  to: number,
  isList: (name: string) => boolean,
): XmlNode | null {
  return new PlainReader(answer.latin1, answer.bytes, to, tagNamesFor(isList)).read(from);
}

/** An element being read: its tag, its children so far, where its content starts and its attributes. */
interface Open {
  readonly name: TagName;
  children: Record<string, XmlValue> | null;
  /** Where the content starts: an element without children is its text, `xml[contentFrom, end tag)`. */
  readonly contentFrom: number;
  /** Text other than whitespace was met between children (mixed content, which XmlSerializer never writes). */
  text: boolean;
  readonly attributes: Record<string, string> | null;
}

const LESS_THAN = 60;
const GREATER_THAN = 62;
const SLASH = 47;
const EQUALS = 61;
const QUOTE = 34;
const APOSTROPHE = 39;
const COLON = 58;
const UNDERSCORE = 95;
const HYPHEN = 45;
const DOT = 46;
const AMPERSAND = 38;
const CLOSING_BRACKET = 93;

class PlainReader {
  private at = 0;
  /** The hash of the name {@link nameEndAt} last scanned. */
  private nameHash = 0;

  constructor(
    /** The answer as Latin-1: markup is scanned here, values are taken from {@link bytes}. */
    private readonly xml: string,
    private readonly bytes: Buffer,
    private readonly to: number,
    private readonly names: TagNames,
  ) {}

  read(from: number): XmlNode | null {
    const { xml, to } = this;
    const root: Open = { name: ROOT, children: null, contentFrom: from, text: false, attributes: null };
    const stack: Open[] = [root];
    let top = root;
    // The tag met last, and whether it was its start tag: what guesses the next tag (TagName.afterStart, afterEnd).
    let last = ROOT;
    let lastStarted = true;
    this.at = from;
    while (this.at < to) {
      let lt = xml.indexOf("<", this.at);
      if (lt === -1 || lt > to) lt = to;
      if (lt > this.at && !top.text && !isBlank(xml, this.at, lt)) top.text = true;
      if (lt === to) break;
      if (xml.charCodeAt(lt + 1) === SLASH) {
        if (top === root || !this.endTag(lt, top.name.tag)) return null;
        stack.pop();
        const value = this.elementValue(top, lt);
        const parent = stack[stack.length - 1]!;
        if (value === null || !add(parent, top.name, value)) return null;
        last = top.name;
        lastStarted = false;
        top = parent;
        continue;
      }
      const guess = lastStarted ? last.afterStart : last.afterEnd;
      let name: TagName;
      let tagEnd: number;
      if (guess !== null && this.tagAt(lt + 1, guess.tag)) {
        name = guess;
        tagEnd = lt + 1 + guess.tag.length;
      } else {
        tagEnd = this.nameEndAt(lt + 1);
        if (tagEnd === -1) return null;
        name = this.names.at(xml, lt + 1, tagEnd, this.nameHash);
        if (lastStarted) last.afterStart = name;
        else last.afterEnd = name;
      }
      last = name;
      // Most elements are `<Name>text</Name>`: read at once, without an element on the stack.
      if (xml.charCodeAt(tagEnd) === GREATER_THAN) {
        const contentFrom = tagEnd + 1;
        const next = xml.indexOf("<", contentFrom);
        if (next !== -1 && next < to && xml.charCodeAt(next + 1) === SLASH && this.endTag(next, name.tag)) {
          const value = this.textValue(contentFrom, next);
          if (value === null || !add(top, name, value)) return null;
          lastStarted = false;
          continue;
        }
        this.at = contentFrom;
        top = { name, children: null, contentFrom, text: false, attributes: null };
        stack.push(top);
        lastStarted = true;
        continue;
      }
      const open = this.startTagRest(name, tagEnd);
      if (open === null) return null;
      if (open === EMPTY) {
        if (!add(top, name, this.emptyAttributes ?? "")) return null;
        lastStarted = false;
      } else {
        stack.push(open);
        top = open;
        lastStarted = true;
      }
    }
    if (stack.length !== 1 || root.text) return null;
    return root.children ?? {};
  }

  /** Whether the name at `at` is exactly `tag` (a name known to be well formed): `tag`, then a space, `/` or `>`. */
  private tagAt(at: number, tag: string): boolean {
    const end = at + tag.length;
    if (end >= this.to || !this.xml.startsWith(tag, at)) return false;
    const after = this.xml.charCodeAt(end);
    return isSpace(after) || after === SLASH || after === GREATER_THAN;
  }

  /** The attributes of the empty-element tag {@link startTagRest} last read. */
  private emptyAttributes: Record<string, string> | null = null;

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

  /**
   * The rest of a start tag or an empty-element tag (`<tag … />`) after its name: an open element, or {@link EMPTY}
   * (its attributes in {@link emptyAttributes}); moves past it.
   */
  private startTagRest(name: TagName, nameEnd: number): Open | typeof EMPTY | null {
    const { xml, to } = this;
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
        return { name, children: null, contentFrom: at + 1, text: false, attributes };
      }
      if (char === SLASH) {
        if (at + 1 >= to || xml.charCodeAt(at + 1) !== GREATER_THAN) return null;
        this.at = at + 2;
        this.emptyAttributes = attributes;
        return EMPTY;
      }
      // An attribute: whitespace before it, a name, `=` (whitespace around it allowed), a quoted value.
      if (at === spaced) return null;
      const nameEnd = this.nameEndAt(at);
      if (nameEnd === -1) return null;
      const attribute = xml.slice(at, nameEnd);
      at = nameEnd;
      while (at < to && isSpace(xml.charCodeAt(at))) at++;
      if (at >= to || xml.charCodeAt(at) !== EQUALS) return null;
      at++;
      while (at < to && isSpace(xml.charCodeAt(at))) at++;
      const quote = xml.charCodeAt(at);
      if (at >= to || (quote !== QUOTE && quote !== APOSTROPHE)) return null;
      const close = xml.indexOf(quote === QUOTE ? '"' : "'", at + 1);
      if (close === -1 || close >= to) return null;
      if (hasMarkup(xml, at + 1, close)) return null;
      const value = this.bytes.toString("utf8", at + 1, close);
      at = close + 1;
      // XML forbids an attribute twice; most tags have none or one (xsi:nil).
      if (written?.includes(attribute)) return null;
      (written ??= []).push(attribute);
      // As fast-xml-parser with removeNSPrefix: namespace declarations dropped, a prefix dropped from the name.
      if (attribute === "xmlns" || attribute.startsWith("xmlns:")) continue;
      const key = `@_${attribute.slice(attribute.indexOf(":") + 1)}`;
      attributes ??= {};
      // x:a and y:a are different attributes to XML but one key to the parser, which keeps the last: not ours to pick.
      if (attributes[key] !== undefined) return null;
      attributes[key] = value.trim();
    }
  }

  /** What a closed element (its end tag at `endTag`) becomes: its text, or its children; null: not understood. */
  private elementValue(element: Open, endTag: number): XmlValue | null {
    if (element.children) {
      // Mixed content (text beside child elements) is something XmlSerializer never writes.
      if (element.text) return null;
      if (element.attributes) Object.assign(element.children, element.attributes);
      return element.children;
    }
    const text = this.textValue(element.contentFrom, endTag);
    if (text === null || !element.attributes) return text;
    return text === "" ? { ...element.attributes } : { "#text": text, ...element.attributes };
  }

  /**
   * The text `[from, to)` as fast-xml-parser gives it: trimmed, entities decoded, copied out of the answer; null for
   * what is not understood (see {@link decodeEntities}). ASCII without `&` (most values) is copied from the bytes as
   * it is; anything else is decoded as UTF-8 first.
   */
  private textValue(from: number, to: number): string | null {
    const { xml, bytes } = this;
    while (from < to && isSpace(xml.charCodeAt(from))) from++;
    while (to > from && isSpace(xml.charCodeAt(to - 1))) to--;
    if (from === to) return "";
    let special = false;
    for (let at = from; at < to; at++) {
      const char = xml.charCodeAt(at);
      if (char === AMPERSAND || char === CLOSING_BRACKET || char > 127) {
        special = true;
        break;
      }
    }
    if (!special) return to - from < FLAT_SLICE_CHARS ? xml.slice(from, to) : bytes.toString("latin1", from, to);
    // JavaScript's trim, which the parser uses, also drops Unicode spaces, and entities need decoding.
    const text = bytes.toString("utf8", from, to).trim();
    const decoded = decodeEntities(text);
    // Decoding joins pieces, a tree of strings in V8, which a kept value should not be: detached copies them flat.
    return decoded === null || decoded === text ? decoded : detached(decoded);
  }

  /**
   * The end of a name starting at `at` (ASCII letters, digits, `_`, `-`, `.`, at most one `:` inside), if a space,
   * `/`, `>` or `=` follows it; else -1. Leaves the hash of its characters in {@link nameHash}.
   */
  private nameEndAt(at: number): number {
    const { xml, to } = this;
    const first = xml.charCodeAt(at);
    if (!isLetter(first) && first !== UNDERSCORE) return -1;
    let hash = first;
    let colon = -1;
    let end = at + 1;
    for (; end < to; end++) {
      const char = xml.charCodeAt(end);
      if (isLetter(char) || isDigit(char) || char === UNDERSCORE || char === HYPHEN || char === DOT) {
        hash = (Math.imul(hash, 31) + char) | 0;
        continue;
      }
      if (char === COLON && colon === -1) {
        colon = end;
        hash = (Math.imul(hash, 31) + char) | 0;
        continue;
      }
      break;
    }
    if (end >= to || colon === end - 1) return -1;
    const after = xml.charCodeAt(end);
    this.nameHash = hash;
    return isSpace(after) || after === SLASH || after === GREATER_THAN || after === EQUALS ? end : -1;
  }
}

/** Whether `xml[from, to)` holds a `<` or an `&`. */
function hasMarkup(xml: string, from: number, to: number): boolean {
  for (let at = from; at < to; at++) {
    const char = xml.charCodeAt(at);
    if (char === LESS_THAN || char === AMPERSAND) return true;
  }
  return false;
}

/**
 * V8 copies a slice shorter than this; a longer one is a view that would keep the whole answer alive for as long as
 * the value is kept, so it is copied from the bytes instead (a call into Node, dearer than a slice).
 */
const FLAT_SLICE_CHARS = 13;

const ROOT: TagName = { tag: "", local: "", list: false, afterStart: null, afterEnd: null };
/** What {@link PlainReader.startTagRest} answers for `<tag … />`. */
const EMPTY = Symbol("empty element");

/**
 * Puts a child's value under its local name: a list element always in an array, another one in an array once it
 * repeats. A name an object already has from its prototype (`constructor`) is not understood.
 */
function add(parent: Open, name: TagName, value: XmlValue): boolean {
  const children = (parent.children ??= {});
  const existing = children[name.local];
  if (existing === undefined) {
    children[name.local] = name.list ? [value as XmlNode] : value;
    return true;
  }
  if (!Object.hasOwn(children, name.local)) return false;
  if (Array.isArray(existing)) (existing as XmlValue[]).push(value);
  else children[name.local] = [existing, value] as XmlNode[];
  return true;
}
