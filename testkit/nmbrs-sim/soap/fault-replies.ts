import type { ServerResponse } from "node:http";
import { contentType, faultDocument, nmbrsFaultMessage, type FaultSide, type SoapVersion } from "./envelope.js";

/** The texts Nmbrs puts after `---> code:` (Nmbrs API reference; "Unkown" is Nmbrs' own spelling). */
const FAULT_TEXT: Record<number, string> = {
  1001: "Invalid Authentication",
  1002: "Unauthorized access",
  1003: "Unauthorized access data",
  1006: "Generic Login Security Failure",
  2003: "Unauthorized access",
  2004: "Unauthorized access",
  2009: "Unauthorized access",
  9999: "Unkown",
};

/** An Nmbrs business error as ASMX reports an exception from a web method: HTTP 500, soap:Server. */
export function sendNmbrsFault(response: ServerResponse, version: SoapVersion, code: number, text?: string): void {
  sendFault(response, version, "server", nmbrsFaultMessage(code, text ?? FAULT_TEXT[code] ?? "Unkown"));
}

export function sendFault(response: ServerResponse, version: SoapVersion, side: FaultSide, message: string): void {
  response.writeHead(500, { "content-type": contentType(version) }).end(faultDocument(version, side, message));
}
