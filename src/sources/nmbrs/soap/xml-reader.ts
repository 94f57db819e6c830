import { XMLParser, XMLValidator, type X2jOptions } from "fast-xml-parser";
import type { IsoDate } from "../../types.js";
import { type AnswerText, answerText, utf8 } from "./answer-text.js";
import { readPlainContent } from "./plain-reader.js";
import { splitResult } from "./result-pieces.js";
import { detached } from "./xml-text.js";

/**
 * Reading Nmbrs SOAP XML into plain nodes, and typed accessors over them. The parser is configured once for what
 * XmlSerializer emits (Nmbrs API reference): namespace prefixes dropped, every value kept as text (employee number "007" stays
 * "007"), and the list elements below always arrays, so "one employee" and "many employees" read the same way.
 */

export type XmlNode = { readonly [name: string]: XmlValue };
export type XmlValue = string | XmlNode | readonly XmlNode[] | StreamedItems;

/** Not XML we can trust: malformed, truncated, or carrying a DOCTYPE. The message is the parser's. */
export class UnreadableXml extends Error {}

const LIST_ELEMENTS = new Set([
  "Company",
  "Debtor",
  "EmployeeType",
  "Employee",
  "PersonalInfoItem",
  "PersonalInfo_V2",
  "EmployeeEmploymentItem",
  "Employment",
  // Nmbrs v3 names the contract item EmployeeContractItemGlobal; older clients saw EmployeeContractItem (Nmbrs API reference).
  "EmployeeContractItemGlobal",
  "EmployeeContractItem",
  "EmployeeContract",
  "EmployeeFunctionItem_V2",
  "EmployeeFunction",
  "EmployeeDepartmentItem",
  "Department_V2",
  "EmployeeCostCenters",
  "EmployeeCostCenter",
]);

/** Elements the parser always reads as arrays; the tokenizing reader of large results (plain-reader.ts) too. */
export function isListElement(name: string): boolean {
  return LIST_ELEMENTS.has(name);
}

/** Exported so the benchmark's parse floor (bench/sync.ts) parses the same bytes exactly as a sync does. */
export const NMBRS_PARSER_OPTIONS: X2jOptions = {
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
  // Callbacks get the parser's path object instead of a path string built for every element: isArray needs only the
  // name, and building the strings took a third of the parse of a 10,000-employee answer.
  jPath: false,
  isArray: (name, _path, _isLeaf, isAttribute) => !isAttribute && isListElement(name),
};

const parser = new XMLParser(NMBRS_PARSER_OPTIONS);

/**
 * The SOAP Body of a response (its bytes, or a string: see answer-text.ts). Throws {@link UnreadableXml}.
 *
 * With `streamResultOf` (the operation), a large `<{operation}Result>` is not parsed here: its items are read a
 * piece at a time as a reader walks them with {@link each} (see result-pieces.ts for why), so only one piece's nodes
 * exist at a time. The document is checked as thoroughly either way: the rest of it here, each piece as it is read,
 * and a piece that does not read throws {@link UnreadableXml} from the walk, which fails the call as a whole parse
 * would (readers walk every item before anything they read is used).
 */
export function readSoapBody(answer: Uint8Array | string, streamResultOf?: string): XmlNode {
  const text = answerText(answer);
  // Markup is ASCII: the Latin-1 text finds it as the UTF-8 one would, without decoding anything.
  const xml = text.latin1;
  // An entity declaration can expand a few kB into gigabytes; Nmbrs never sends a DOCTYPE, so any DOCTYPE is refused
  // before a parser sees it.
  // Nmbrs writes no `<!` at all, so one scan for it usually answers this and spares the result's own (result-pieces.ts).
  const declaration = xml.indexOf("<!");
  if (declaration !== -1 && hasDoctype(xml, declaration))
    throw new UnreadableXml("a DOCTYPE declaration is not allowed (possible entity expansion)");
  const pieces = streamResultOf === undefined ? null : splitResult(text, `${streamResultOf}Result`, declaration);
  const item = pieces && localName(pieces.itemTag);
  if (pieces && item && isListElement(item)) {
    const body = soapBody(parse(pieces.skeleton));
    const response = child(body, `${streamResultOf}Response`);
    if (response && child(response, `${streamResultOf}Result`)) {
      // The skeleton's nodes are this call's own, fresh from the parser: putting the items in the empty result is safe.
      (response as Record<string, XmlValue>)[`${streamResultOf}Result`] = {
        [item]: new StreamedItems(text, pieces.pieces, item),
      };
      return body;
    }
  }
  // The parser accepts unclosed and mismatched tags silently, so a truncated response would read as fewer
  // employees. Validation costs a fifth of the parse and makes that impossible.
  const document = utf8(text);
  const verdict = XMLValidator.validate(document);
  if (verdict !== true)
    throw new UnreadableXml(`${verdict.err.msg} (line ${verdict.err.line}, column ${verdict.err.col})`);
  return soapBody(parse(document));
}

/**
 * The items of a large result, read a piece (~16 KB of whole items) at a time on every walk, so that each piece's
 * nodes are garbage before the next piece is read. A piece is read by the tokenizing reader (plain-reader.ts); one it
 * does not understand is validated and parsed by fast-xml-parser, as a whole document would be.
 */
export class StreamedItems implements Iterable<XmlNode> {
  constructor(
    private readonly answer: AnswerText,
    private readonly pieces: readonly (readonly [number, number])[],
    private readonly item: string,
  ) {}

  *[Symbol.iterator](): Iterator<XmlNode> {
    for (const [from, to] of this.pieces) {
      const root = readPlainContent(this.answer, from, to, isListElement) ?? parsePiece(utf8(this.answer, from, to));
      // Text between the items is ignored, as a whole parse ignores it; another element is not (whole, it would be).
      const other = Object.keys(root).find((name) => name !== this.item && name !== "#text");
      if (other) throw new UnreadableXml(`a result lists <${other}> among its <${this.item}> items`);
      yield* list(root, this.item);
    }
  }
}

/** A piece of items, checked and parsed as the content of an element. */
function parsePiece(piece: string): XmlNode {
  const xml = `<r>${piece}</r>`;
  const verdict = XMLValidator.validate(xml);
  if (verdict !== true) throw new UnreadableXml(`${verdict.err.msg} (in a result's items)`);
  return child(parse(xml), "r") ?? {};
}

/** A `<!DOCTYPE` (in any case) at or after `from`, the first `<!` of the document. */
function hasDoctype(xml: string, from: number): boolean {
  for (let at = from; at !== -1; at = xml.indexOf("<!", at + 2))
    if (xml.slice(at + 2, at + 9).toUpperCase() === "DOCTYPE") return true;
  return false;
}

function parse(xml: string): XmlNode {
  try {
    return parser.parse(xml) as XmlNode;
  } catch (error) {
    throw new UnreadableXml((error as Error).message);
  }
}

function soapBody(document: XmlNode): XmlNode {
  const body = child(child(document, "Envelope"), "Body");
  if (!body) throw new UnreadableXml("the document is not a SOAP envelope with a Body");
  return body;
}

function localName(tag: string): string {
  return tag.slice(tag.indexOf(":") + 1);
}

export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  const value = node?.[name];
  if (value === undefined || Array.isArray(value) || value instanceof StreamedItems) return undefined;
  // `<X />` parses as "", which for a structured element means "present but empty"; a text-only element (a result
  // that is one string) keeps its text under "#text", as mixed content does.
  if (typeof value === "string") return value === "" ? {} : { "#text": value };
  return value as XmlNode;
}

/** The text of an element itself (a result that is one string); null when blank. */
export function ownText(node: XmlNode | undefined): string | null {
  return text(node === undefined ? undefined : { self: node }, "self");
}

/** The repeated `name` children of a list element; none when the list is absent or empty (`<X />`). */
export function list(node: XmlNode | undefined, name: string): readonly XmlNode[] {
  const value = node?.[name];
  if (value instanceof StreamedItems) return [...value];
  if (!Array.isArray(value)) return [];
  // A copy only when an item is text (`<X />`, "" to the parser): a bulk answer's items are nodes, and asked for
  // every item, a copy each was garbage for nothing.
  if (!value.some((item: XmlValue) => typeof item === "string")) return value as readonly XmlNode[];
  return value.map((item: XmlValue) => (typeof item === "string" ? {} : (item as XmlNode)));
}

/**
 * Like {@link list}, for the items of a whole result: a streamed result is walked a piece at a time, so read each
 * item into what you keep before taking the next one.
 */
export function each(node: XmlNode | undefined, name: string): Iterable<XmlNode> {
  const value = node?.[name];
  return value instanceof StreamedItems ? value : list(node, name);
}

/** A string field: absent, `xsi:nil` or blank all read as null; values are trimmed. */
export function text(node: XmlNode | undefined, name: string): string | null {
  const value = node?.[name];
  if (value === undefined || Array.isArray(value)) return null;
  const raw = typeof value === "string" ? value : (value as XmlNode)["#text"];
  if (typeof raw !== "string") return null;
  const trimmed = raw.trim();
  return trimmed === "" ? null : trimmed;
}

/**
 * {@link text} as one flat string of its own (xml-text.ts detached), for a value a person keeps (a display name, an
 * address). A long value read from an answer can be a view of a string a little larger than itself (plain-reader.ts),
 * or of the whole piece when fast-xml-parser read it, which V8 keeps as two objects for as long as the person lives;
 * a sync keeps every person of every company. Copied as it is read, the reader's value dies young instead of waiting
 * for the join.
 */
export function flatText(node: XmlNode | undefined, name: string): string | null {
  const value = text(node, name);
  return value === null ? null : detached(value);
}

/** An int field, or null when absent; a non-number is a shape error. */
export function integer(node: XmlNode | undefined, name: string): number | null {
  const raw = text(node, name);
  if (raw === null) return null;
  if (!/^-?\d+$/.test(raw)) throw new UnreadableXml(`<${name}> should be an integer but is "${raw}"`);
  return Number(raw);
}

/** A decimal field; Nmbrs writes `.`, a `,` is tolerated (GO1 does the same). */
export function decimal(node: XmlNode | undefined, name: string): number | null {
  const raw = text(node, name);
  if (raw === null) return null;
  const parsed = Number(raw.replace(",", "."));
  if (Number.isNaN(parsed)) throw new UnreadableXml(`<${name}> should be a number but is "${raw}"`);
  return parsed;
}

export function boolean(node: XmlNode | undefined, name: string): boolean | null {
  const raw = text(node, name);
  return raw === null ? null : raw === "true";
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}:\d{2}))?/;
const PLAIN_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;
/** XmlSerializer writes DateTime.MinValue for an empty non-nillable date. */
const SENTINEL_DATE = "0001-01-01";

/** A date field as `YYYY-MM-DD`; `xsi:nil`, absent and `0001-01-01T00:00:00` read as null. */
export function date(node: XmlNode | undefined, name: string): IsoDate | null {
  return timestamp(node, name)?.slice(0, 10) ?? null;
}

/** A dateTime as `YYYY-MM-DDTHH:mm:ss` (for ordering history records); null as for {@link date}. */
export function timestamp(node: XmlNode | undefined, name: string): string | null {
  const raw = text(node, name);
  if (raw === null) return null;
  // What XmlSerializer writes is already the answer: no match array, no pieces to join, for every date of a bulk answer.
  if (PLAIN_DATE_TIME.test(raw)) return raw.startsWith(SENTINEL_DATE) ? null : raw;
  const match = DATE_TIME.exec(raw);
  if (!match) throw new UnreadableXml(`<${name}> should be a date but is "${raw}"`);
  if (match[1] === SENTINEL_DATE) return null;
  return `${match[1]}T${match[2] ?? "00:00:00"}`;
}
