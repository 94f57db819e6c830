import type { OperationResult, SimService } from "./operations.js";
import { escapeXml } from "./xml-writer.js";

export type SoapVersion = "1.1" | "1.2";

export const SOAP11_NS = "http://schemas.xmlsoap.org/soap/envelope/";
export const SOAP12_NS = "http://www.w3.org/2003/05/soap-envelope";
export const NMBRS_NS_BASE = "https://api.nmbrs.nl/soap/v3";

export function contentType(version: SoapVersion): string {
  return version === "1.1" ? "text/xml; charset=utf-8" : "application/soap+xml; charset=utf-8";
}

/** ASMX writes the declaration and all three namespaces on the Envelope, without indentation. */
export function envelopeStart(version: SoapVersion): string {
  const soapNs = version === "1.1" ? SOAP11_NS : SOAP12_NS;
  return (
    `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ` +
    `xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:soap="${soapNs}"><soap:Body>`
  );
}

export const ENVELOPE_END = "</soap:Body></soap:Envelope>";

/**
 * A whole answer, piece by piece, so a list of 10,000 employees is streamed rather than held: `<OpResponse>` in the
 * service namespace, then `<OpResult>` with the items, `<OpResult />` for an empty list, or nothing for a null object.
 */
export function* resultDocument(
  version: SoapVersion,
  service: SimService,
  operation: string,
  result: OperationResult,
): Iterable<string> {
  yield `${envelopeStart(version)}<${operation}Response xmlns="${NMBRS_NS_BASE}/${service}">`;
  if (result.kind === "object") {
    if (result.fields !== null) yield `<${operation}Result>${result.fields}</${operation}Result>`;
  } else {
    let empty = true;
    for (const item of result.items) {
      if (empty) yield `<${operation}Result>`;
      empty = false;
      yield item;
    }
    yield empty ? `<${operation}Result />` : `</${operation}Result>`;
  }
  yield `</${operation}Response>${ENVELOPE_END}`;
}

export type FaultSide = "client" | "server";

/** A SOAP fault document (Nmbrs API reference): 1.1 faultcode/faultstring or 1.2 Code/Reason. */
export function faultDocument(version: SoapVersion, side: FaultSide, message: string): string {
  const reason = escapeXml(message);
  const body =
    version === "1.1"
      ? `<soap:Fault><faultcode>soap:${side === "client" ? "Client" : "Server"}</faultcode><faultstring>${reason}</faultstring><detail /></soap:Fault>`
      : `<soap:Fault><soap:Code><soap:Value>soap:${side === "client" ? "Sender" : "Receiver"}</soap:Value></soap:Code>` +
        `<soap:Reason><soap:Text xml:lang="en">${reason}</soap:Text></soap:Reason><soap:Detail /></soap:Fault>`;
  return envelopeStart(version) + body + ENVELOPE_END;
}

/** The faultstring ASMX produces when a web method throws an Nmbrs business error. */
export function nmbrsFaultMessage(code: number, text: string): string {
  return `Server was unable to process request. ---> ${code}: ${text}`;
}
