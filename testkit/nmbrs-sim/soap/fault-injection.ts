import type { IncomingMessage, ServerResponse } from "node:http";
import type { SimFault } from "./fault-controller.js";
import { sendNmbrsFault } from "./fault-replies.js";
import { GARBAGE_BODY, entityExpansionBody, hugeBody } from "./hostile-payloads.js";
import type { SoapRequest } from "./soap-request.js";

/** Sends a prepared body as a 200 answer, counting its bytes; `limitBytes` cuts it off (a truncated answer). */
export type SendPieces = (pieces: Iterable<string>, limitBytes?: number) => Promise<void>;

/**
 * Acts out an injected fault. Faults that replace the answer return "answered"; a delay or a truncation lets the
 * normal answer proceed (the handler cuts a truncated one short).
 */
export async function applyFault(
  fault: SimFault,
  request: IncomingMessage,
  response: ServerResponse,
  soap: SoapRequest,
  send: SendPieces,
): Promise<"answered" | "continue"> {
  switch (fault.kind) {
    case "nmbrs":
      sendNmbrsFault(
        response,
        soap.version,
        fault.code,
        fault.echoRequest ? withRequest(fault.message, soap) : fault.message,
      );
      return "answered";
    case "http":
      response.writeHead(fault.status, { "content-type": "text/html" }).end();
      return "answered";
    case "reset":
      request.socket.destroy();
      return "answered";
    case "garbage":
      await send([GARBAGE_BODY]);
      return "answered";
    case "entity-expansion":
      await send([entityExpansionBody()]);
      return "answered";
    case "huge":
      await send(hugeBody(soap.version, soap.operation, fault.bytes));
      return "answered";
    case "delay":
      await elapsedOrClosed(response, fault.ms);
      return response.destroyed ? "answered" : "continue";
    case "hold":
      await Promise.race([fault.until, new Promise((resolve) => response.once("close", resolve))]);
      return response.destroyed ? "answered" : "continue";
    case "truncated":
      return "continue";
  }
}

/** Waits `ms`, or less if the client hangs up first (a client that timed out must not keep the server busy). */
export function elapsedOrClosed(response: ServerResponse, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    response.once("close", done);
    function done(): void {
      clearTimeout(timer);
      response.off("close", done);
      resolve();
    }
  });
}

/** The fault text followed by the request's AuthHeader, as a server that quotes what it was sent. */
function withRequest(message: string | undefined, soap: SoapRequest): string {
  const auth = soap.auth
    ? `<AuthHeaderWithDomain><Username>${soap.auth.username}</Username><Token>${soap.auth.token}</Token><Domain>${soap.auth.domain ?? ""}</Domain></AuthHeaderWithDomain>`
    : "(no AuthHeader)";
  return `${message ?? "The request could not be processed"}; request: ${soap.operation} ${auth}`;
}
