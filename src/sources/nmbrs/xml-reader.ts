import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { IsoDate } from "../types.js";

/**
 * Reading Nmbrs SOAP XML into plain nodes, and typed accessors over them. The parser is configured once for what
 * XmlSerializer emits (spec §2): namespace prefixes dropped, every value kept as text (employee number "007" stays
 * "007"), and the list elements below always arrays, so "one employee" and "many employees" read the same way.
 */

export type XmlNode = { readonly [name: string]: XmlValue };
export type XmlValue = string | XmlNode | readonly XmlNode[];

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
  // Nmbrs v3 names the contract item EmployeeContractItemGlobal; older clients saw EmployeeContractItem (spec §2.3).
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

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
  isArray: (name, _path, _isLeaf, isAttribute) => !isAttribute && LIST_ELEMENTS.has(name),
});

/** The SOAP Body of a response. Throws {@link UnreadableXml}. */
export function readSoapBody(xml: string): XmlNode {
  // An entity declaration can expand a few kB into gigabytes; Nmbrs never sends a DOCTYPE, so any DOCTYPE is refused
  // before a parser sees it.
  if (/<!DOCTYPE/i.test(xml)) throw new UnreadableXml("a DOCTYPE declaration is not allowed (possible entity expansion)");
  // The parser accepts unclosed and mismatched tags silently, so a truncated response would read as fewer
  // employees. Validation costs a fifth of the parse and makes that impossible.
  const verdict = XMLValidator.validate(xml);
  if (verdict !== true) throw new UnreadableXml(`${verdict.err.msg} (line ${verdict.err.line}, column ${verdict.err.col})`);
  let document: XmlNode;
  try {
    document = parser.parse(xml) as XmlNode;
  } catch (error) {
    throw new UnreadableXml((error as Error).message);
  }
  const body = child(child(document, "Envelope"), "Body");
  if (!body) throw new UnreadableXml("the document is not a SOAP envelope with a Body");
  return body;
}

export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  const value = node?.[name];
  if (value === undefined || Array.isArray(value)) return undefined;
  // `<X />` parses as "", which for a structured element means "present but empty".
  return typeof value === "string" ? {} : (value as XmlNode);
}

/** The repeated `name` children of a list element; none when the list is absent or empty (`<X />`). */
export function list(node: XmlNode | undefined, name: string): readonly XmlNode[] {
  const value = node?.[name];
  if (!Array.isArray(value)) return [];
  return value.map((item: XmlValue) => (typeof item === "string" ? {} : (item as XmlNode)));
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
  const match = DATE_TIME.exec(raw);
  if (!match) throw new UnreadableXml(`<${name}> should be a date but is "${raw}"`);
  if (match[1] === SENTINEL_DATE) return null;
  return `${match[1]}T${match[2] ?? "00:00:00"}`;
}
