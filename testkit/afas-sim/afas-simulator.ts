import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { rowsOf, type AfasDataset, type SimRow } from "./dataset.js";
import { AfasFaults, profitError, type AfasFault } from "./faults.js";
import { SIM_GET_CONNECTORS } from "./getconnectors.js";
import { filterRows, sortRows } from "./query.js";
import { closeNow, listenOnLoopback } from "../sim-server.js";

/** The token XML the simulator accepts unless told otherwise; only ever sent to 127.0.0.1. */
export const SIM_AFAS_TOKEN = `<token><version>1</version><data>${"5e1f".repeat(16)}</data></token>`;

export interface AfasSimulatorOptions {
  readonly dataset: AfasDataset;
  readonly token?: string;
  /** 0 (default) = any free port. */
  readonly port?: number;
}

/** One request as the simulator saw it, for tests of the headers and paging. */
export interface SeenRequest {
  readonly path: string;
  readonly query: URLSearchParams;
  readonly integrationId: string | null;
  readonly acceptLanguage: string | null;
}

export interface AfasSimulator {
  /** `http://127.0.0.1:<port>/ProfitRestServices`: what goes into base_url. */
  readonly baseUrl: string;
  readonly dataset: AfasDataset;
  readonly faults: AfasFaults;
  /** The GetConnectors the App Connector holds (all three by default); one taken out answers 401. */
  readonly appConnector: Set<string>;
  /** Fields taken out of a GetConnector's definition: gone from its metainfo and its rows. */
  readonly removedFields: Map<string, Set<string>>;
  readonly requests: SeenRequest[];
  /** Runs after each GetConnector page is answered: a test changes Profit's data in the middle of a read here. */
  afterPage: ((connector: string, skip: number) => void) | null;
  bytesSent: number;
  close(): Promise<void>;
}

/**
 * AFAS Profit's REST API on 127.0.0.1, at the wire (the AFAS spec §1): AfasToken authentication, the App
 * Connector's GetConnector list, metainfo, GetConnectors with skip/take, ordering and filters, and the documented
 * error answers (401, 403, 404, 500 with externalMessage and profitLogReference, 503 with Retry-After).
 */
export async function startAfasSimulator(options: AfasSimulatorOptions): Promise<AfasSimulator> {
  const expected = `AfasToken ${Buffer.from(options.token ?? SIM_AFAS_TOKEN, "utf8").toString("base64")}`;
  const hanging = new Set<ServerResponse>();
  const sim: Omit<AfasSimulator, "baseUrl" | "close"> = {
    dataset: options.dataset,
    faults: new AfasFaults(),
    appConnector: new Set(Object.keys(SIM_GET_CONNECTORS)),
    removedFields: new Map(),
    requests: [],
    afterPage: null,
    bytesSent: 0,
  };

  const send = (response: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) => {
    sim.bytesSent += Buffer.byteLength(body);
    response.writeHead(status, { "Content-Type": "application/json; charset=utf-8", ...headers }).end(body);
  };

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const path = url.pathname.replace(/^\/ProfitRestServices\//i, "");
    sim.requests.push({
      path,
      query: url.searchParams,
      integrationId: header(request, "integrationid"),
      acceptLanguage: header(request, "accept-language"),
    });
    if (!url.pathname.toLowerCase().startsWith("/profitrestservices/") || url.search.length > 2049)
      return send(response, 404, "");
    if (request.headers.authorization !== expected)
      return send(response, 401, JSON.stringify({ externalMessage: "Ongeldig token." }));
    const [kind, ...rest] = path.split("/");
    const target = kind?.toLowerCase() === "metainfo" ? "metainfo" : (rest[0] ?? "");
    const fault = sim.faults.take(target, url.searchParams.has("skip") ? Number(url.searchParams.get("skip")) : null);
    if (fault) {
      const answer = faultAnswer(fault, Number(url.searchParams.get("take") ?? 100));
      if (answer === "hang") hanging.add(response);
      else send(response, answer.status, answer.body, answer.headers);
      return;
    }
    if (kind?.toLowerCase() === "metainfo") return metainfo(rest, response);
    if (kind === "connectors" && rest.length === 1) return getConnector(rest[0] as string, url.searchParams, response);
    return send(response, 404, "");
  };

  const metainfo = (rest: string[], response: ServerResponse) => {
    if (rest.length === 0) {
      return send(
        response,
        200,
        JSON.stringify({
          getConnectors: [...sim.appConnector].map((id) => ({
            id,
            description: SIM_GET_CONNECTORS[id]?.description ?? id,
          })),
          updateConnectors: [],
          info: { envid: `O${sim.dataset.environment}AA`, appName: "HR Gateway", group: "HR", tokenExpiry: null },
        }),
      );
    }
    const id = rest[1] ?? "";
    const definition = SIM_GET_CONNECTORS[id];
    if (rest[0] !== "get" || !definition) return send(response, 404, "");
    if (!sim.appConnector.has(id)) return notInAppConnector(response);
    const removed = sim.removedFields.get(id) ?? new Set();
    const fields = definition.fields
      .filter((field) => !removed.has(field.id))
      .map((field) => ({
        id: field.id,
        fieldId: `U${field.id.length}`,
        dataType: field.dataType,
        label: field.id.replace(/_/g, " "),
        length: field.dataType === "string" ? 255 : 0,
        controlType: 1,
        decimals: 0,
        decimalsFieldId: "",
      }));
    return send(response, 200, JSON.stringify({ name: id, description: definition.description, fields }));
  };

  const getConnector = (id: string, query: URLSearchParams, response: ServerResponse) => {
    const all = rowsOf(sim.dataset, id);
    if (!all) return send(response, 404, "");
    if (!sim.appConnector.has(id)) return notInAppConnector(response);
    const skip = Number(query.get("skip") ?? 0);
    const take = Number(query.get("take") ?? 100);
    const everything = skip === -1 && take === -1;
    if (!everything && !(Number.isInteger(skip) && Number.isInteger(take) && skip >= 0 && take >= 0))
      return send(response, 500, profitError("An unexpected error has occurred."));
    const removed = sim.removedFields.get(id) ?? new Set();
    const known = new Set(
      (SIM_GET_CONNECTORS[id]?.fields ?? []).map((field) => field.id).filter((field) => !removed.has(field)),
    );
    const orderBy = (query.get("orderbyfieldids") ?? "").split(",").filter(Boolean);
    const filterFields = query.get("filterfieldids") ?? "";
    const unknown = [
      ...orderBy.map((field) => field.replace(/^-/, "")),
      ...filterFields.split(/[,;]/).filter(Boolean),
    ].find((field) => !known.has(field));
    if (unknown) return send(response, 500, profitError(`Connector field '${unknown}' not found`));
    const filtered = filterRows(all, filterFields, query.get("filtervalues") ?? "", query.get("operatortypes") ?? "");
    if ("unknownOperator" in filtered) return send(response, 500, profitError("An unexpected error has occurred."));
    // Without an order the database picks one per call (OAS-GC); rotating the rows shows what that does to paging.
    const ordered = orderBy.length > 0 ? sortRows(filtered, orderBy) : rotate(filtered, sim.requests.length);
    const page = everything ? ordered : ordered.slice(skip, skip + take);
    const body = JSON.stringify({ skip, take, rows: page.map((row) => without(row, removed)) });
    sim.afterPage?.(id, skip);
    return send(response, 200, body);
  };

  const notInAppConnector = (response: ServerResponse) =>
    send(
      response,
      401,
      JSON.stringify({ externalMessage: "GetConnector not supported for this app or the user is not authorized" }),
    );

  const server = createServer((request, response) => {
    try {
      handle(request, response);
    } catch (error) {
      send(response, 500, profitError(`Simulator error: ${(error as Error).message}`));
    }
  });
  const port = await listenOnLoopback(server, options.port);
  return {
    ...sim,
    get afterPage() {
      return sim.afterPage;
    },
    set afterPage(hook) {
      sim.afterPage = hook;
    },
    get bytesSent() {
      return sim.bytesSent;
    },
    baseUrl: `http://127.0.0.1:${port}/ProfitRestServices`,
    close: () => {
      for (const response of hanging) response.destroy();
      return closeNow(server);
    },
  };
}

interface FaultAnswer {
  readonly status: number;
  readonly body: string;
  readonly headers?: Record<string, string>;
}

/** What Profit sends for the fault, or "hang" for a request it never answers. */
function faultAnswer(fault: AfasFault, take: number): FaultAnswer | "hang" {
  switch (fault.kind) {
    case 401:
      return { status: 401, body: JSON.stringify({ externalMessage: "Ongeldig token." }) };
    case 403:
    case 404:
      return { status: fault.kind, body: "" };
    case 500:
      return {
        status: 500,
        body: profitError(fault.message ?? "Object reference not set to an instance of an object."),
      };
    case 503:
      return {
        status: 503,
        body: JSON.stringify({
          error: { code: "503", message: "Profit is in onderhoud" },
          retry_after: fault.retryAfterSeconds,
        }),
        headers: { "Retry-After": String(fault.retryAfterSeconds) },
      };
    case "garbage":
      return { status: 200, body: "<html><body>Onderhoud</body></html>" };
    case "no-rows":
      return { status: 200, body: JSON.stringify({ skip: 0, take }) };
    case "too-many-rows":
      return {
        status: 200,
        body: JSON.stringify({ skip: 0, take, rows: Array.from({ length: take + 1 }, () => ({})) }),
      };
    case "hang":
      return "hang";
  }
}

function header(request: IncomingMessage, name: string): string | null {
  const value = request.headers[name];
  return typeof value === "string" ? value : null;
}

function without(row: SimRow, removed: ReadonlySet<string>): SimRow {
  if (removed.size === 0) return row;
  return Object.fromEntries(Object.entries(row).filter(([field]) => !removed.has(field)));
}

function rotate<T>(items: readonly T[], by: number): T[] {
  if (items.length === 0) return [];
  const at = by % items.length;
  return [...items.slice(at), ...items.slice(0, at)];
}
