import { getRequestListener } from "@hono/node-server";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { employerById, type LoketDataset, type WireRecord } from "./dataset.js";
import { LoketFaults, loketMessages, type LoketEndpoint, type LoketFault } from "./faults.js";
import { createLoketOAuth, type LoketOAuth, type LoketOAuthOptions } from "./oauth/index.js";
import { LoketSimTokens } from "./tokens.js";
import { closeNow, listenOnLoopback } from "../sim-server.js";

/** The OAuth part's paths (oauth/index.ts), served on the API's port before the API. */
const OAUTH_PATHS = new Set(["/authorize", "/token"]);

export interface LoketSimulatorOptions {
  readonly dataset: LoketDataset;
  /** Loket documents no maximum pageSize (spec §5); the simulator caps it here, default 100, to show paging never trusts the page length. */
  readonly maxPageSize?: number;
  readonly tokens?: LoketSimTokens;
  /** The OAuth part's registered apps, test users, token lifetime and clock (default: LOKET_SIM_CLIENT and LOKET_SIM_USER). */
  readonly oauth?: Partial<LoketOAuthOptions>;
  /** Each API answer is sent this much later (default 0), so requests overlap as they do at a real server. */
  readonly latencyMs?: number;
  /** 0 (default) = any free port. */
  readonly port?: number;
}

/** One request as the simulator saw it, for tests of the headers and paging. */
export interface SeenRequest {
  readonly endpoint: LoketEndpoint | null;
  readonly path: string;
  readonly pageNumber: number;
  readonly pageSize: number;
  readonly accept: string | null;
}

export interface LoketSimulator {
  /** `http://127.0.0.1:<port>/v2`: what goes into api_url. */
  readonly apiUrl: string;
  /** `http://127.0.0.1:<port>`: what goes into oauth_url (/authorize and /token are served on the same port). */
  readonly oauthUrl: string;
  readonly dataset: LoketDataset;
  /** Tokens issued without consent (tests, bench, demo); the API accepts these and the OAuth part's. */
  readonly tokens: LoketSimTokens;
  /** The OAuth part: `controls.expireAccessTokens()`, `controls.revokeAll()`, `controls.nextTokenError`, `stats`. */
  readonly oauth: LoketOAuth;
  readonly faults: LoketFaults;
  readonly requests: SeenRequest[];
  /** Runs after each collection page is answered: a test changes Loket's data in the middle of a read here. */
  afterPage: ((endpoint: LoketEndpoint, owner: string | null, pageNumber: number) => void) | null;
  readonly bytesSent: number;
  /** The most API requests the simulator was answering at once. */
  readonly maxInFlight: number;
  close(): Promise<void>;
}

const VERSION = { resourceVersion: "2018-01-01", obsoleteDate: null };

const ROUTES: readonly [RegExp, LoketEndpoint][] = [
  [/^\/v2\/providers\/employers\/employees\/employments\/([^/]+)\/organizationalentities$/, "organizationalentities"],
  [/^\/v2\/providers\/employers$/, "employers"],
  [/^\/v2\/providers\/employers\/([^/]+)\/employees$/, "employees"],
  [/^\/v2\/providers\/employers\/([^/]+)\/employees\/employments$/, "employments"],
  [/^\/v2\/providers\/employers\/([^/]+)\/departments$/, "departments"],
  [/^\/v2\/providers\/employers\/([^/]+)\/functions$/, "functions"],
];

/**
 * Loket.nl's REST API on 127.0.0.1, at the wire (the Loket spec §1): bearer tokens checked against the ones the
 * simulator issued (at its OAuth part's /token, or by `tokens.issue()`), the collection envelope (`_embedded`, `currentPage`, `pageSize`, `totalPages`, `totalSize`,
 * `version`, `messages`) with `pageNumber`/`pageSize` paging and a page-size cap, and faults (401, 403, 404, 429
 * with Retry-After, 500, 503, garbage, no `_embedded`). The OAuth part (oauth/index.ts, oauth.loket.nl on its own
 * host at Loket) answers /authorize and /token on the same port, so one simulator serves a connector's api_url and
 * oauth_url.
 */
export async function startLoketSimulator(options: LoketSimulatorOptions): Promise<LoketSimulator> {
  const maxPageSize = options.maxPageSize ?? 100;
  const tokens = options.tokens ?? new LoketSimTokens();
  const oauth = createLoketOAuth(options.oauth);
  const oauthListener = getRequestListener(oauth.app.fetch);
  // Two issuers, one API: a test that skips the consent page keeps working next to one that goes through it.
  const accepts = (token: string) => tokens.isValid(token) || oauth.issuedTokens.isValid(token);
  const state = {
    faults: new LoketFaults(),
    requests: [] as SeenRequest[],
    afterPage: null as LoketSimulator["afterPage"],
    bytesSent: 0,
    inFlight: 0,
    maxInFlight: 0,
  };

  const send = (response: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) => {
    const answer = () => {
      state.inFlight--;
      state.bytesSent += Buffer.byteLength(body);
      response.writeHead(status, { "Content-Type": "application/json; charset=utf-8", ...headers }).end(body);
    };
    if (options.latencyMs) setTimeout(answer, options.latencyMs);
    else answer();
  };

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    if (OAUTH_PATHS.has(new URL(request.url ?? "/", "http://127.0.0.1").pathname)) {
      void oauthListener(request, response);
      return;
    }
    state.inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const route = ROUTES.map(([pattern, endpoint]) => [pattern.exec(url.pathname), endpoint] as const).find(
      ([match]) => match !== null,
    );
    const pageNumber = Number(url.searchParams.get("pageNumber") ?? 1);
    const pageSize = Math.min(Number(url.searchParams.get("pageSize") ?? 100), maxPageSize);
    state.requests.push({
      endpoint: route?.[1] ?? null,
      path: url.pathname,
      pageNumber,
      pageSize,
      accept: typeof request.headers.accept === "string" ? request.headers.accept : null,
    });
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1];
    if (!token || !accepts(token))
      return send(response, 401, loketMessages("Authorization has been denied for this request.", "Error"));
    if (!route) return send(response, 404, loketMessages("Resource not found", "Error"));
    const [match, endpoint] = route;
    const owner = match?.[1] ?? null;
    if (!(Number.isInteger(pageNumber) && pageNumber >= 1 && Number.isInteger(pageSize) && pageSize >= 1))
      return send(response, 400, loketMessages("Invalid paging parameters"));
    const fault = state.faults.take(endpoint, pageNumber);
    if (fault) {
      const answer = faultAnswer(fault);
      return send(response, answer.status, answer.body, answer.headers);
    }
    const records = collection(options.dataset, endpoint, owner);
    if (!records) return send(response, 404, loketMessages("The employer does not exist", "Error"));
    const totalSize = records.length;
    const body = JSON.stringify({
      _embedded: records.slice((pageNumber - 1) * pageSize, pageNumber * pageSize),
      currentPage: pageNumber,
      pageSize,
      totalPages: Math.ceil(totalSize / pageSize),
      totalSize,
      version: VERSION,
      messages: [],
    });
    state.afterPage?.(endpoint, owner, pageNumber);
    return send(response, 200, body);
  };

  const server = createServer((request, response) => {
    try {
      handle(request, response);
    } catch (error) {
      send(response, 500, loketMessages(`Simulator error: ${(error as Error).message}`, "Error"));
    }
  });
  const port = await listenOnLoopback(server, options.port);
  return {
    dataset: options.dataset,
    tokens,
    oauth,
    faults: state.faults,
    requests: state.requests,
    get afterPage() {
      return state.afterPage;
    },
    set afterPage(hook) {
      state.afterPage = hook;
    },
    get bytesSent() {
      return state.bytesSent;
    },
    get maxInFlight() {
      return state.maxInFlight;
    },
    apiUrl: `http://127.0.0.1:${port}/v2`,
    oauthUrl: `http://127.0.0.1:${port}`,
    close: () => closeNow(server),
  };
}

/** The records of a collection, or null when its owner (employer, employment) does not exist. */
function collection(dataset: LoketDataset, endpoint: LoketEndpoint, owner: string | null): WireRecord[] | null {
  if (endpoint === "employers") return dataset.employers.map((employer) => employer.record);
  if (endpoint === "organizationalentities") return dataset.orgEntities.get(owner ?? "") ?? null;
  const employer = employerById(dataset, owner ?? "");
  if (!employer) return null;
  return employer[endpoint];
}

function faultAnswer(fault: LoketFault): { status: number; body: string; headers?: Record<string, string> } {
  switch (fault.kind) {
    case 401:
      return { status: 401, body: loketMessages("Authorization has been denied for this request.", "Error") };
    case 403:
      return { status: 403, body: loketMessages("U heeft geen rechten op deze werkgever.", "Error") };
    case 404:
      return { status: 404, body: loketMessages("Resource not found", "Error") };
    case 429:
      return {
        status: 429,
        body: loketMessages("Too many requests", "Error"),
        headers: { "Retry-After": String(fault.retryAfterSeconds) },
      };
    case 500:
    case 503:
      return { status: fault.kind, body: loketMessages("An unexpected error occurred.", "Error") };
    case "garbage":
      return { status: 200, body: "<html><body>Loket is in onderhoud</body></html>" };
    case "no-embedded":
      return { status: 200, body: JSON.stringify({ currentPage: 1, totalPages: 1, totalSize: 0, messages: [] }) };
  }
}
