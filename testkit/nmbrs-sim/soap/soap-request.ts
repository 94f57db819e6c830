import { XMLParser } from "fast-xml-parser";
import { SOAP11_NS, SOAP12_NS, type SoapVersion } from "./envelope.js";

/** What the simulator needs from an incoming SOAP request, whichever client style sent it (Nmbrs API reference). */
export interface SoapRequest {
  readonly version: SoapVersion;
  /** Local name of the operation, from SOAPAction, the 1.2 `action` parameter, or the first body element. */
  readonly operation: string;
  /** True when the operation name came from a header (so an unknown one is reported as a bad SOAPAction). */
  readonly namedByHeader: boolean;
  readonly auth: { readonly username: string; readonly token: string; readonly domain: string | null } | null;
  /** Body parameters by local name, as text. */
  readonly params: ReadonlyMap<string, string>;
}

export class BadSoapRequest extends Error {}

type XmlNode = Record<string, unknown>;

// Requests are small; keeping prefixes and attributes lets us read each element's namespace declaration.
const parser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
});

export function readSoapRequest(body: string, headers: { soapAction?: string; contentType?: string }): SoapRequest {
  // ASMX refuses a DTD outright, which also keeps an entity-expansion request from costing the simulator memory.
  if (/<!DOCTYPE/i.test(body))
    throw new BadSoapRequest(
      "Server was unable to read request. ---> For security reasons DTD is prohibited in this XML document.",
    );
  let document: XmlNode;
  try {
    document = parser.parse(body) as XmlNode;
  } catch (error) {
    throw new BadSoapRequest(`There is an error in XML document: ${(error as Error).message}`);
  }
  const [envelopeName, envelope] = firstElement(document);
  if (!envelopeName || localName(envelopeName) !== "Envelope" || typeof envelope !== "object" || envelope === null) {
    throw new BadSoapRequest("The request is not a SOAP envelope.");
  }
  const version = soapVersion(envelopeName, envelope as XmlNode);
  const header = child(envelope as XmlNode, "Header");
  const soapBody = child(envelope as XmlNode, "Body");
  const [bodyName, operationElement] = soapBody ? firstElement(soapBody) : [undefined, undefined];
  const fromHeader = actionFromHeaders(headers);
  const operation = fromHeader ?? (bodyName ? localName(bodyName) : undefined);
  if (!operation)
    throw new BadSoapRequest(
      "Unable to handle request without a valid action parameter. Please supply a valid soap action.",
    );
  return {
    version,
    operation,
    namedByHeader: fromHeader !== undefined,
    auth: header ? authFrom(header) : null,
    params: isNode(operationElement) ? textChildren(operationElement) : new Map(),
  };
}

function soapVersion(envelopeName: string, envelope: XmlNode): SoapVersion {
  const prefix = envelopeName.includes(":") ? envelopeName.slice(0, envelopeName.indexOf(":")) : null;
  const namespace = envelope[prefix ? `@_xmlns:${prefix}` : "@_xmlns"];
  if (namespace === SOAP11_NS) return "1.1";
  if (namespace === SOAP12_NS) return "1.2";
  throw new BadSoapRequest(`Unknown SOAP envelope namespace: ${String(namespace)}`);
}

/** SOAP 1.1 names the action in SOAPAction, SOAP 1.2 in the Content-Type's action parameter; both are optional. */
function actionFromHeaders(headers: { soapAction?: string; contentType?: string }): string | undefined {
  const action =
    headers.soapAction?.replace(/"/g, "").trim() || /action="?([^";]+)"?/.exec(headers.contentType ?? "")?.[1];
  return action ? action.slice(action.lastIndexOf("/") + 1) : undefined;
}

function authFrom(header: XmlNode): SoapRequest["auth"] {
  const element = child(header, "AuthHeaderWithDomain") ?? child(header, "AuthHeader");
  if (!element) return null;
  const fields = textChildren(element);
  return {
    username: fields.get("Username") ?? "",
    token: fields.get("Token") ?? "",
    domain: fields.get("Domain") ?? null,
  };
}

function textChildren(node: XmlNode): Map<string, string> {
  const fields = new Map<string, string>();
  for (const [name, content] of Object.entries(node)) {
    if (name.startsWith("@_")) continue;
    if (typeof content === "string") fields.set(localName(name), content.trim());
    else if (isNode(content) && typeof content["#text"] === "string")
      fields.set(localName(name), content["#text"].trim());
    else if (isNode(content)) fields.set(localName(name), "");
  }
  return fields;
}

function child(node: XmlNode, wanted: string): XmlNode | undefined {
  for (const [name, content] of Object.entries(node)) {
    if (!name.startsWith("@_") && localName(name) === wanted) return isNode(content) ? content : {};
  }
  return undefined;
}

function firstElement(node: XmlNode): [string | undefined, unknown] {
  for (const [name, content] of Object.entries(node)) {
    if (!name.startsWith("@_") && !name.startsWith("?") && name !== "#text") return [name, content];
  }
  return [undefined, undefined];
}

function localName(name: string): string {
  return name.slice(name.indexOf(":") + 1);
}

function isNode(value: unknown): value is XmlNode {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
