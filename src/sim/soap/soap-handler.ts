import type { IncomingMessage, ServerResponse } from "node:http";
import type { SimDataset } from "../dataset.js";
import { ENVELOPE_END, NMBRS_NS_BASE, contentType, envelopeStart, faultDocument, nmbrsFaultMessage, type FaultSide, type SoapVersion } from "./envelope.js";
import type { FaultController, SimFault } from "./fault-controller.js";
import { GARBAGE_BODY, entityExpansionBody, hugeBody } from "./hostile-payloads.js";
import { MalformedParameter, NmbrsBusinessError, OPERATIONS, type OperationResult, type SimService } from "./operations.js";
import { writeChunks } from "./response-writer.js";
import type { SimStats } from "./sim-stats.js";
import { BadSoapRequest, readSoapRequest, type SoapRequest } from "./soap-request.js";

export interface SimCredentials {
  readonly username: string;
  readonly token: string;
  readonly domain: string;
  /** Company ids these credentials may see; all when absent (others answer 2004, as tag filters do). */
  readonly companyIds?: readonly number[];
}

export interface SoapHandlerConfig {
  readonly dataset: SimDataset;
  readonly credentials: SimCredentials;
  /** `"Service.Operation"` names switched off in the API user's template (answer 1002). */
  readonly disabledOperations: ReadonlySet<string>;
  /** Today for the *_GetCurrent calls. */
  readonly today: () => string;
  readonly faults: FaultController;
  readonly stats: SimStats;
}

const SERVICE_PATH = /^\/soap\/v3\/(CompanyService|EmployeeService|DebtorService)\.asmx$/i;
const MAX_REQUEST_BYTES = 1024 * 1024;

const FAULT_TEXT: Record<number, string> = {
  1001: "Invalid Authentication",
  1002: "Unauthorized access",
  1003: "Unauthorized access data",
  1006: "Generic Login Security Failure",
  2003: "Unauthorized access",
  2004: "Unauthorized access",
  9999: "Unkown",
};

/** The simulator as a plain `node:http` request handler, to mount on any server. */
export function createSoapHandler(config: SoapHandlerConfig): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    handle(config, request, response).catch((error: unknown) => {
      // Only a bug in the simulator lands here; answer like ASMX does for an unhandled exception.
      if (!response.headersSent) sendFault(response, "1.1", "server", `Server was unable to process request. ---> ${(error as Error).message}`);
      else response.destroy();
    });
  };
}

async function handle(config: SoapHandlerConfig, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const service = SERVICE_PATH.exec(new URL(request.url ?? "/", "http://sim").pathname)?.[1] as SimService | undefined;
  if (request.method !== "POST" || !service) {
    response.writeHead(404, { "content-type": "text/plain" }).end("Not found");
    return;
  }
  const body = await readBody(request);
  let soap: SoapRequest;
  try {
    soap = readSoapRequest(body, { soapAction: header(request, "soapaction"), contentType: header(request, "content-type") });
  } catch (error) {
    if (!(error instanceof BadSoapRequest)) throw error;
    sendFault(response, body.includes("http://www.w3.org/2003/05/soap-envelope") ? "1.2" : "1.1", "client", error.message);
    return;
  }
  const run = OPERATIONS[service][soap.operation];
  if (!run) {
    const reason = soap.namedByHeader ? `Server did not recognize the value of HTTP Header SOAPAction: ${soap.operation}.` : `Unable to handle request without a valid action parameter. Please supply a valid soap action.`;
    sendFault(response, soap.version, "client", reason);
    return;
  }
  const operation = `${service}.${soap.operation}`;
  config.stats.recordCall(operation);
  const send = (pieces: Iterable<string>, limitBytes?: number): Promise<void> => stream(config, response, soap.version, operation, pieces, limitBytes);

  const fault = config.faults.take(operation, companyOfCall(config.dataset, soap.params));
  if (fault && (await applyFault(fault, request, response, soap, send)) === "answered") return;

  if (config.faults.isAuthRevoked || !authenticated(config.credentials, soap.auth)) return sendNmbrsFault(response, soap.version, 1001);
  if (config.disabledOperations.has(operation)) return sendNmbrsFault(response, soap.version, 1002);

  let result: OperationResult;
  try {
    result = run({ dataset: config.dataset, params: soap.params, today: config.today(), canSeeCompany: companyFilter(config.credentials) });
  } catch (error) {
    if (error instanceof NmbrsBusinessError) return sendNmbrsFault(response, soap.version, error.code, error.message);
    if (error instanceof MalformedParameter) return sendFault(response, soap.version, "client", error.message);
    throw error;
  }
  await send(resultPieces(service, soap, result), fault?.kind === "truncated" ? (fault.afterBytes ?? 300) : undefined);
}

/** Faults that replace the answer say "answered"; a delay or truncation lets the normal answer proceed. */
async function applyFault(
  fault: SimFault,
  request: IncomingMessage,
  response: ServerResponse,
  soap: SoapRequest,
  send: (pieces: Iterable<string>) => Promise<void>,
): Promise<"answered" | "continue"> {
  switch (fault.kind) {
    case "nmbrs":
      sendNmbrsFault(response, soap.version, fault.code, fault.message);
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
      await closedOrElapsed(response, fault.ms);
      return response.destroyed ? "answered" : "continue";
    case "truncated":
      return "continue";
  }
}

function* resultPieces(service: SimService, soap: SoapRequest, result: OperationResult): Iterable<string> {
  const op = soap.operation;
  yield `${envelopeStart(soap.version)}<${op}Response xmlns="${NMBRS_NS_BASE}/${service}">`;
  if (result.kind === "object") {
    if (result.fields !== null) yield `<${op}Result>${result.fields}</${op}Result>`;
  } else {
    let empty = true;
    for (const item of result.items) {
      if (empty) yield `<${op}Result>`;
      empty = false;
      yield item;
    }
    yield empty ? `<${op}Result />` : `</${op}Result>`;
  }
  yield `</${op}Response>${ENVELOPE_END}`;
}

async function stream(config: SoapHandlerConfig, response: ServerResponse, version: SoapVersion, operation: string, pieces: Iterable<string>, limitBytes?: number): Promise<void> {
  response.writeHead(200, { "content-type": contentType(version) });
  const bytes = await writeChunks(response, pieces, limitBytes);
  config.stats.recordBytes(operation, bytes);
  response.end();
}

function sendNmbrsFault(response: ServerResponse, version: SoapVersion, code: number, text?: string): void {
  sendFault(response, version, "server", nmbrsFaultMessage(code, text ?? FAULT_TEXT[code] ?? "Unkown"));
}

function sendFault(response: ServerResponse, version: SoapVersion, side: FaultSide, message: string): void {
  response.writeHead(500, { "content-type": contentType(version) }).end(faultDocument(version, side, message));
}

function authenticated(credentials: SimCredentials, auth: SoapRequest["auth"]): boolean {
  // Domain is optional in Nmbrs' v3 docs ("to facilitate the migration"), but a wrong one is refused (spec §1.3).
  return !!auth && auth.username === credentials.username && auth.token === credentials.token && (auth.domain === null || auth.domain === credentials.domain);
}

function companyFilter(credentials: SimCredentials): (companyId: number) => boolean {
  const allowed = credentials.companyIds && new Set(credentials.companyIds);
  return (companyId) => !allowed || allowed.has(companyId);
}

/** The company a call concerns, so fault rules can target one company (per-employee calls via the employee). */
function companyOfCall(dataset: SimDataset, params: ReadonlyMap<string, string>): number | null {
  const companyParam = params.get("CompanyID") ?? params.get("CompanyId");
  if (companyParam) return Number(companyParam);
  const employeeParam = params.get("EmployeeId");
  if (!employeeParam) return null;
  return dataset.employees.find((employee) => employee.employeeId === Number(employeeParam))?.companyId ?? null;
}

function closedOrElapsed(response: ServerResponse, ms: number): Promise<void> {
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

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    length += chunk.length;
    if (length > MAX_REQUEST_BYTES) throw new Error("request body larger than 1 MB");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function header(request: IncomingMessage, name: string): string | undefined {
  const raw = request.headers[name];
  return Array.isArray(raw) ? raw[0] : raw;
}
