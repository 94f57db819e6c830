import type { IncomingMessage, ServerResponse } from "node:http";
import type { SimDataset } from "../dataset.js";
import { contentType, resultDocument, SOAP12_NS } from "./envelope.js";
import type { FaultController } from "./fault-controller.js";
import { applyFault, elapsedOrClosed, type SendPieces } from "./fault-injection.js";
import { sendFault, sendNmbrsFault } from "./fault-replies.js";
import {
  MalformedParameter,
  NmbrsBusinessError,
  OPERATIONS,
  type OperationResult,
  type SimService,
} from "./operations.js";
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

/** What tests may change while the simulator runs; read on every call. */
export interface SimSettings {
  /** Today for the *_GetCurrent calls (`YYYY-MM-DD`): advance it to simulate the next day. */
  today: string;
  /** Added to every call before it is answered (a slow Nmbrs); 0 for none. */
  latencyMs: number;
  /** `"Service.Operation"` names switched off in the API user's template (answer 1002). */
  readonly disabledOperations: Set<string>;
}

export interface SoapHandlerConfig {
  readonly dataset: SimDataset;
  readonly credentials: SimCredentials;
  readonly settings: SimSettings;
  readonly faults: FaultController;
  readonly stats: SimStats;
}

const SERVICE_PATH = /^\/soap\/v3\/(CompanyService|EmployeeService|DebtorService)\.asmx$/i;
const MAX_REQUEST_BYTES = 1024 * 1024;

/** The simulator as a plain `node:http` request handler, to mount on any server. */
export function createSoapHandler(
  config: SoapHandlerConfig,
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    handle(config, request, response).catch((error: unknown) => {
      // Only a bug in the simulator lands here; answer like ASMX does for an unhandled exception.
      if (!response.headersSent)
        sendFault(response, "1.1", "server", `Server was unable to process request. ---> ${(error as Error).message}`);
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
    soap = readSoapRequest(body, {
      soapAction: header(request, "soapaction"),
      contentType: header(request, "content-type"),
    });
  } catch (error) {
    if (!(error instanceof BadSoapRequest)) throw error;
    sendFault(response, body.includes(SOAP12_NS) ? "1.2" : "1.1", "client", error.message);
    return;
  }
  const run = OPERATIONS[service][soap.operation];
  if (!run) {
    const reason = soap.namedByHeader
      ? `Server did not recognize the value of HTTP Header SOAPAction: ${soap.operation}.`
      : `Unable to handle request without a valid action parameter. Please supply a valid soap action.`;
    sendFault(response, soap.version, "client", reason);
    return;
  }
  const operation = `${service}.${soap.operation}`;
  config.stats.recordCall(operation);
  const { settings } = config;
  if (settings.latencyMs > 0) await elapsedOrClosed(response, settings.latencyMs);
  if (response.destroyed) return;
  const send: SendPieces = async (pieces, limitBytes) => {
    response.writeHead(200, { "content-type": contentType(soap.version) });
    config.stats.recordBytes(operation, await writeChunks(response, pieces, limitBytes));
    response.end();
  };

  const fault = config.faults.take(operation, companyOfCall(config.dataset, soap.params));
  if (fault && (await applyFault(fault, request, response, soap, send)) === "answered") return;

  if (config.faults.isAuthRevoked || !authenticated(config.credentials, soap.auth))
    return sendNmbrsFault(response, soap.version, 1001);
  if (settings.disabledOperations.has(operation)) return sendNmbrsFault(response, soap.version, 1002);

  let result: OperationResult;
  try {
    result = run({
      dataset: config.dataset,
      params: soap.params,
      today: settings.today,
      canSeeCompany: companyFilter(config.credentials),
    });
  } catch (error) {
    if (error instanceof NmbrsBusinessError) return sendNmbrsFault(response, soap.version, error.code, error.message);
    if (error instanceof MalformedParameter) return sendFault(response, soap.version, "client", error.message);
    throw error;
  }
  await send(
    resultDocument(soap.version, service, soap.operation, result),
    fault?.kind === "truncated" ? (fault.afterBytes ?? 300) : undefined,
  );
}

function authenticated(credentials: SimCredentials, auth: SoapRequest["auth"]): boolean {
  // Domain is optional in Nmbrs' v3 docs ("to facilitate the migration"), but a wrong one is refused (Nmbrs API reference).
  return (
    !!auth &&
    auth.username === credentials.username &&
    auth.token === credentials.token &&
    (auth.domain === null || auth.domain === credentials.domain)
  );
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
