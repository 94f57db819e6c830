import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { endpointOf, type Endpoint, type SimRecord, type YouforceDataset } from "./dataset.js";
import { YouforceFaults, type YouforceFault } from "./faults.js";
import { closeNow, listenOnLoopback } from "../sim-server.js";

/** The app's credentials the simulator accepts; only ever sent to 127.0.0.1. */
export const SIM_CLIENT_ID = "hr-gateway-sim";
export const SIM_CLIENT_SECRET = "yf-sim-secret-4c1d9e7a";

export interface YouforceSimulatorOptions {
  readonly dataset: YouforceDataset;
  /** 0 (default) = any free port. */
  readonly port?: number;
  /** Least time between two data calls before the spike arrest answers 429; Youforce's 600 ms by default. */
  readonly spikeArrestMs?: number;
  /** Records per page when the request has no `take`; Youforce's 500 by default. */
  readonly pageSize?: number;
  /** Tokens the app may take before the token endpoint answers 429 (Youforce: 400 a month). */
  readonly tokenQuota?: number;
  readonly expiresInSeconds?: number;
}

/** One request as the simulator saw it. */
export interface SeenRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  /** performance.now() when it arrived, for pacing checks. */
  readonly at: number;
  readonly headers: IncomingMessage["headers"];
  readonly body: string;
}

export interface YouforceSimulator {
  /** `http://127.0.0.1:<port>`: what goes into api_url. */
  readonly apiUrl: string;
  /** `http://127.0.0.1:<port>/connect/token`: what goes into token_url. */
  readonly tokenUrl: string;
  readonly dataset: YouforceDataset;
  readonly faults: YouforceFaults;
  readonly requests: SeenRequest[];
  /** Tokens handed out so far (the quota counter). */
  tokensIssued: number;
  /** Data calls answered 429 by the spike arrest. */
  spikeArrests: number;
  /** Off: `persons` answers an empty list, as without HR Core Business' Person layer (spec §5 leaves it open). */
  personLayer: boolean;
  /** Where nextLink points (its host and path); the simulator's own address by default. A client must ignore it. */
  nextLinkBase: string | null;
  /** Runs after each data page is answered: a test changes the tenant in the middle of a read here. */
  afterPage: ((endpoint: Endpoint, page: number) => void) | null;
  /** Every token handed out stops working (a revoked app, or expiry): data calls answer 401. */
  revokeTokens(): void;
  close(): Promise<void>;
}

/**
 * Youforce's IAM API and Visma Connect's token endpoint on 127.0.0.1, at the wire (the Youforce spec §1): the
 * client-credentials grant with the tenant check and a quota counter, the six list endpoints with dated versions and
 * nextLink bookmarks, the spike arrest (429 when two calls come within 0.6 s), and fault controls.
 */
export async function startYouforceSimulator(options: YouforceSimulatorOptions): Promise<YouforceSimulator> {
  const spikeArrestMs = options.spikeArrestMs ?? 600;
  const pageSize = options.pageSize ?? 500;
  const tokens = new Set<string>();
  let lastDataCall = Number.NEGATIVE_INFINITY;
  let port = 0;
  const state = {
    tokensIssued: 0,
    spikeArrests: 0,
    personLayer: true,
    nextLinkBase: null as string | null,
    afterPage: null as YouforceSimulator["afterPage"],
  };
  const faults = new YouforceFaults();
  const requests: SeenRequest[] = [];
  const dataset = options.dataset;

  // Sorted once per change of the tenant, not per page: a 100,000-person read asks 200 pages of each endpoint.
  const orders = new Map<
    Endpoint,
    { readonly sequence: number; readonly length: number; readonly records: SimRecord[] }
  >();
  const sorted = (endpoint: Endpoint, all: SimRecord[]): SimRecord[] => {
    const cached = orders.get(endpoint);
    if (all.length > 0 && cached?.sequence === dataset.sequence && cached.length === all.length) return cached.records;
    const records = [...all].sort((a, b) => compareKeys(keyOf(dataset, a), keyOf(dataset, b)));
    if (all.length > 0) orders.set(endpoint, { sequence: dataset.sequence, length: all.length, records });
    return records;
  };
  const firstAfter = (ordered: SimRecord[], after: RecordKey): number => {
    let low = 0;
    let high = ordered.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareKeys(keyOf(dataset, ordered[middle] as SimRecord), after) > 0) high = middle;
      else low = middle + 1;
    }
    return low;
  };

  const send = (response: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) => {
    response.writeHead(status, { "Content-Type": "application/json; charset=utf-8", ...headers }).end(body);
  };

  const token = (request: SeenRequest, response: ServerResponse) => {
    const form = new URLSearchParams(request.body);
    const fault = faults.take("token");
    if (fault) return faultAnswer(fault, response);
    if (!/^application\/x-www-form-urlencoded/.test(request.headers["content-type"] ?? ""))
      return oauthError(response, 400, "invalid_request", "form body expected");
    if (request.headers["cache-control"] !== "no-cache")
      return oauthError(response, 400, "invalid_request", "Cache-Control: no-cache is mandatory");
    if (form.get("grant_type") !== "client_credentials") return oauthError(response, 400, "unsupported_grant_type");
    if (form.get("client_id") !== SIM_CLIENT_ID || form.get("client_secret") !== SIM_CLIENT_SECRET)
      return oauthError(response, 400, "invalid_client");
    if (form.get("tenant_id") !== dataset.tenantId)
      return oauthError(response, 400, "invalid_request", "the tenant has not granted this application access");
    if (state.tokensIssued >= (options.tokenQuota ?? Number.POSITIVE_INFINITY))
      return send(response, 429, JSON.stringify({ message: "Too many requests" }));
    state.tokensIssued++;
    const value = randomBytes(24).toString("base64url");
    tokens.add(value);
    return send(
      response,
      200,
      JSON.stringify({
        access_token: value,
        expires_in: options.expiresInSeconds ?? 3600,
        token_type: "Bearer",
        scope: "Youforce-IAM:Get_Basic",
      }),
    );
  };

  const data = (request: SeenRequest, endpointPath: string, response: ServerResponse) => {
    const now = request.at;
    const arrested = now - lastDataCall < spikeArrestMs;
    lastDataCall = now;
    if (arrested) {
      state.spikeArrests++;
      return send(response, 429, JSON.stringify({ message: "Too many requests" }));
    }
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1];
    if (!bearer || !tokens.has(bearer)) return send(response, 401, JSON.stringify({ message: "Unauthorized" }));
    const endpoint = endpointOf(endpointPath);
    if (!endpoint) return send(response, 404, "");
    const fault = faults.take(endpoint);
    if (fault) return faultAnswer(fault, response);
    const all = endpoint === "persons" && !state.personLayer ? [] : dataset.records[endpoint];
    const take = Number(request.query.get("take") ?? pageSize);
    const ordered = sorted(endpoint, all);
    const bookmark = request.query.get("bookmark");
    const after = bookmark ? (JSON.parse(Buffer.from(bookmark, "base64url").toString()) as RecordKey) : null;
    const from = after ? firstAfter(ordered, after) : 0;
    const page = ordered.slice(from, from + take);
    const last = page.at(-1);
    const more = last !== undefined && from + take < ordered.length;
    const base = state.nextLinkBase ?? `http://127.0.0.1:${port}/iam/v1.0/${endpoint}`;
    const nextLink = more
      ? `${base}?bookmark=${Buffer.from(JSON.stringify(keyOf(dataset, last))).toString("base64url")}`
      : undefined;
    const body = JSON.stringify({ value: page, ...(nextLink ? { nextLink } : {}) });
    const number = Math.floor(from / Math.max(take, 1)) + 1;
    send(response, 200, body);
    state.afterPage?.(endpoint, number);
  };

  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      const url = new URL(incoming.url ?? "/", "http://127.0.0.1");
      const request: SeenRequest = {
        method: incoming.method ?? "GET",
        path: url.pathname,
        query: url.searchParams,
        at: performance.now(),
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(request);
      try {
        if (request.method === "POST" && url.pathname === "/connect/token") return token(request, response);
        const match = /^\/iam\/v1\.0\/(.+)$/i.exec(url.pathname);
        if (request.method === "GET" && match) return data(request, match[1] as string, response);
        send(response, 404, "");
      } catch (error) {
        // A mutation hook may throw after the page was sent: the answer stands, there is nothing left to send.
        if (response.headersSent) return;
        send(response, 500, JSON.stringify({ message: `Simulator error: ${(error as Error).message}` }));
      }
    });
  });
  port = await listenOnLoopback(server, options.port);
  // The simulator is its own state: a test sets a field (a hook, a counter) and the handlers read it at once.
  const simulator: YouforceSimulator = Object.assign(state, {
    apiUrl: `http://127.0.0.1:${port}`,
    tokenUrl: `http://127.0.0.1:${port}/connect/token`,
    dataset,
    faults,
    requests,
    revokeTokens: () => tokens.clear(),
    close: () => closeNow(server),
  });
  return simulator;

  function faultAnswer(fault: YouforceFault, response: ServerResponse) {
    switch (fault.kind) {
      case 429:
        return send(
          response,
          429,
          JSON.stringify({ message: "Too many requests" }),
          fault.retryAfterSeconds === undefined ? {} : { "Retry-After": String(fault.retryAfterSeconds) },
        );
      case "garbage":
        return send(response, 200, "<html><body>Service Unavailable</body></html>", { "Content-Type": "text/html" });
      case "token-error":
        return oauthError(response, fault.status ?? 400, fault.error);
      default:
        return send(response, fault.kind, JSON.stringify({ message: `HTTP ${fault.kind}` }));
    }
  }

  function oauthError(response: ServerResponse, status: number, error: string, description?: string) {
    send(response, status, JSON.stringify({ error, ...(description ? { error_description: description } : {}) }));
  }
}

/** The bookmark's order: change time, validFrom, id (VCM "IAM API - Domain model and concepts"). */
type RecordKey = [number, string, string];

function keyOf(dataset: YouforceDataset, record: SimRecord): RecordKey {
  return [dataset.changed.get(record) ?? 0, record.validFrom, record.id];
}

function compareKeys(a: RecordKey, b: RecordKey): number {
  return a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0);
}
