import type { IncomingMessage, ServerResponse } from "node:http";
import type { SimDataset } from "../dataset.js";
import type { FaultRules } from "../fault-rules.js";
import { elapsedOrClosed } from "../soap/fault-injection.js";
import type { SimStats } from "../soap/sim-stats.js";
import { consentPage } from "./consent-page.js";
import { isOAuthError, type OAuthError, type SimOAuthServer } from "./oauth-server.js";
import { LIST_ROUTES, visibleDebtors, type ListRoute, type RouteContext } from "./rest-routes.js";
import { SimGuids } from "./sim-guids.js";

/**
 * Failures tests switch on for REST calls, by route name (`"personalinfo"`, `"companies"`, …, `"token"` for the
 * token endpoint) and/or company id.
 */
export type RestFault =
  /**
   * An RFC 7807 answer with this status: 429 or 503 (with `Retry-After`, seconds or an HTTP date), 400, 403, 500…
   * `echoRequest` puts the request's URL and headers (access token, subscription key) into `detail`.
   */
  | {
      readonly kind: "problem";
      readonly status: number;
      readonly retryAfter?: string;
      readonly code?: string;
      readonly title?: string;
      readonly detail?: string;
      readonly echoRequest?: boolean;
    }
  /** 401 as for a revoked or expired access token. */
  | { readonly kind: "invalid-token" }
  /** Answer normally after `ms` (or never, if the client gives up first). */
  | { readonly kind: "delay"; readonly ms: number }
  /** Destroy the socket before answering. */
  | { readonly kind: "reset" }
  /** HTTP 200 with a body that is not JSON. */
  | { readonly kind: "garbage" };

export interface RestHandlerConfig {
  readonly dataset: SimDataset;
  readonly oauth: SimOAuthServer;
  /** The X-Subscription-Key the API gateway accepts. */
  readonly subscriptionKey: string;
  /** Company ids the consenting user may see; all when absent (others answer 404). */
  readonly companyIds?: readonly number[];
  readonly faults: FaultRules<RestFault>;
  readonly stats: SimStats;
  /** Read on every call, so tests can slow the simulator down while it runs. */
  readonly settings: { readonly latencyMs: number };
  /** Largest page served; a larger pageSize is served in pages of this size. Default 100. */
  readonly maxPageSize?: number;
}

const DEFAULT_PAGE_SIZE = 20;
const MAX_FORM_BYTES = 64 * 1024;

/** The REST API and the identity service as one `node:http` handler (the SOAP handler serves `/soap/`). */
export function createRestHandler(
  config: RestHandlerConfig,
): (request: IncomingMessage, response: ServerResponse) => void {
  const guids = new SimGuids();
  return (request, response) => {
    route(config, guids, request, response).catch((error: unknown) => {
      // Only a bug in the simulator lands here.
      if (!response.headersSent)
        sendProblem(response, 500, { title: "Internal Server Error", detail: (error as Error).message });
      else response.destroy();
    });
  };
}

async function route(
  config: RestHandlerConfig,
  guids: SimGuids,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? "/", `http://${request.headers.host ?? "sim"}`);
  const path = url.pathname;
  if (request.method === "GET" && path === "/connect/authorize") return authorize(config, url.searchParams, response);
  // Browsers ask for it on the consent page; an empty answer keeps their console free of 404s.
  if (request.method === "GET" && path === "/favicon.ico") return void response.writeHead(204).end();
  if (request.method === "POST" && path === "/connect/authorize/consent")
    return consent(config, await readForm(request), response);
  if (request.method === "POST" && path === "/connect/token") return token(config, request, response);
  if (request.method === "POST" && path === "/connect/revocation") return revocation(config, request, response);
  const list = LIST_ROUTES.find((candidate) => candidate.path.test(path));
  if (request.method !== "GET" || !list)
    return sendProblem(response, 404, { title: "Not Found", detail: `no resource at ${request.method} ${path}` });
  return serveList(config, guids, list, url, request, response);
}

async function serveList(
  config: RestHandlerConfig,
  guids: SimGuids,
  list: ListRoute,
  url: URL,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  config.stats.recordCall(list.name);
  const pathGuid = list.path.exec(url.pathname)?.[1] ?? null;
  const companyId =
    pathGuid && list.perCompany
      ? (guids.idOf(
          "company",
          pathGuid,
          config.dataset.companies.map((company) => company.id),
        ) ?? null)
      : null;
  const fault = config.faults.take(list.name, companyId);
  if (fault && (await applyFault(fault, request, response)) === "answered") return;
  if (config.settings.latencyMs > 0) await elapsedOrClosed(response, config.settings.latencyMs);

  const key = header(request, "x-subscription-key");
  if (key !== config.subscriptionKey) {
    // Azure API Management, which issues the keys, refuses in its own format before the API sees the call.
    const message = key
      ? "Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription."
      : "Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.";
    return sendJson(response, 401, { statusCode: 401, message });
  }
  const bearer = /^Bearer\s+(\S+)$/i.exec(header(request, "authorization") ?? "")?.[1];
  const scopes = bearer ? config.oauth.scopesOf(bearer) : null;
  if (!scopes) return sendInvalidToken(response);
  // Whether Nmbrs names the missing scope is not known, so the simulator does not: the client must say it.
  if (!scopes.includes(list.scope)) return sendProblem(response, 403, { title: "Forbidden", detail: "Access denied." });
  const allowed = config.companyIds && new Set(config.companyIds);
  const canSeeCompany = (id: number) => !allowed || allowed.has(id);
  if (list.perCompany && (companyId === null || !canSeeCompany(companyId))) {
    return sendProblem(response, 404, {
      title: "Not Found",
      detail: `company ${pathGuid} does not exist or is not visible`,
      code: "CompanyNotFound",
    });
  }
  const debtors = visibleDebtors({ dataset: config.dataset, canSeeCompany });
  if (list.name === "companies" && debtors.length > 1) {
    // What brynq's SDK catches: a user with several debtors (an accountant) must list companies per debtor.
    return sendProblem(response, 403, {
      title: "ForbiddenMultiDebtor.",
      detail: "The user has access to more than one debtor; list the companies per debtor.",
    });
  }
  const debtorId = list.perDebtor
    ? (guids.idOf(
        "debtor",
        pathGuid!,
        debtors.map((debtor) => debtor.id),
      ) ?? null)
    : null;
  if (list.perDebtor && debtorId === null)
    return sendProblem(response, 404, {
      title: "Not Found",
      detail: `debtor ${pathGuid} does not exist or is not visible`,
      code: "DebtorNotFound",
    });

  const paging = readPaging(url, config.maxPageSize ?? 100);
  if ("problem" in paging)
    return sendProblem(response, 400, { title: "Bad Request", detail: paging.problem, code: "InvalidPagination" });
  const context: RouteContext = { dataset: config.dataset, guids, canSeeCompany, companyId, debtorId };
  const items = list.select(context);
  const totalPages = Math.max(1, Math.ceil(items.length / paging.pageSize));
  const page = items.slice((paging.pageNumber - 1) * paging.pageSize, paging.pageNumber * paging.pageSize);
  // The vendor's links carry the page number only, whatever else was asked (Nmbrs API reference example, with pageSize=30 too).
  const link = (number: number) => `${url.origin}${url.pathname}?pageNumber=${number}`;
  const body = JSON.stringify({
    pagination: {
      pageNumber: paging.pageNumber,
      pageSize: paging.pageSize,
      firstPage: link(1),
      lastPage: link(totalPages),
      totalPages,
      totalRecords: items.length,
      nextPage: paging.pageNumber < totalPages ? link(paging.pageNumber + 1) : "",
      previousPage: paging.pageNumber > 1 ? link(paging.pageNumber - 1) : "",
    },
    data: page.map((item) => list.toJson(item, context)),
  });
  config.stats.recordBytes(list.name, Buffer.byteLength(body));
  sendJson(response, 200, body);
}

function readPaging(url: URL, maxPageSize: number): { pageNumber: number; pageSize: number } | { problem: string } {
  const number = url.searchParams.get("pageNumber") ?? "1";
  const size = url.searchParams.get("pageSize") ?? String(DEFAULT_PAGE_SIZE);
  if (!/^\d+$/.test(number) || Number(number) < 1) return { problem: "pageNumber must be a whole number from 1" };
  if (!/^\d+$/.test(size) || Number(size) < 1) return { problem: "pageSize must be a whole number from 1" };
  return { pageNumber: Number(number), pageSize: Math.min(Number(size), maxPageSize) };
}

function authorize(config: RestHandlerConfig, query: URLSearchParams, response: ServerResponse): void {
  const request = config.oauth.checkAuthorize(query);
  if (isOAuthError(request)) {
    response
      .writeHead(request.status, { "content-type": "text/html; charset=utf-8" })
      .end(`<!doctype html><title>Error</title><p>${request.error}: ${request.description}</p>`);
    return;
  }
  response
    .writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" })
    .end(consentPage(request));
}

function consent(config: RestHandlerConfig, form: URLSearchParams, response: ServerResponse): void {
  const checked = config.oauth.checkAuthorize(
    new URLSearchParams({ ...Object.fromEntries(form), response_type: "code", code_challenge_method: "S256" }),
  );
  if (isOAuthError(checked)) {
    response
      .writeHead(checked.status, { "content-type": "text/plain; charset=utf-8" })
      .end(`${checked.error}: ${checked.description}`);
    return;
  }
  const target = new URL(checked.redirectUri);
  if (form.get("decision") === "allow") target.searchParams.set("code", config.oauth.issueCode(checked));
  else target.searchParams.set("error", "access_denied");
  target.searchParams.set("state", checked.state);
  response.writeHead(302, { location: target.href, "cache-control": "no-store" }).end();
}

async function token(config: RestHandlerConfig, request: IncomingMessage, response: ServerResponse): Promise<void> {
  config.stats.recordCall("token");
  const fault = config.faults.take("token", null);
  if (fault && (await applyFault(fault, request, response)) === "answered") return;
  const answer = config.oauth.token(header(request, "authorization"), await readForm(request));
  if (isOAuthError(answer)) return sendOAuthError(response, answer);
  sendJson(response, 200, answer, { "cache-control": "no-store", pragma: "no-cache" });
}

async function revocation(
  config: RestHandlerConfig,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  config.stats.recordCall("revocation");
  const refused = config.oauth.revoke(header(request, "authorization"), await readForm(request));
  if (refused) return sendOAuthError(response, refused);
  response.writeHead(200).end();
}

async function applyFault(
  fault: RestFault,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<"answered" | "continue"> {
  switch (fault.kind) {
    case "problem": {
      const extra: Record<string, string> = fault.retryAfter !== undefined ? { "retry-after": fault.retryAfter } : {};
      const detail = fault.echoRequest
        ? `${fault.detail ?? "request"}: ${request.method} ${request.url} ${JSON.stringify(request.headers)}`
        : (fault.detail ?? null);
      sendProblem(
        response,
        fault.status,
        { title: fault.title ?? statusTitle(fault.status), detail, code: fault.code ?? null },
        extra,
      );
      return "answered";
    }
    case "invalid-token":
      sendInvalidToken(response);
      return "answered";
    case "reset":
      request.socket.destroy();
      return "answered";
    case "garbage":
      response.writeHead(200, { "content-type": "application/json" }).end('{"pagination": {"pageNumber": 1, "data": [');
      return "answered";
    case "delay":
      await elapsedOrClosed(response, fault.ms);
      return response.destroyed ? "answered" : "continue";
  }
}

function sendInvalidToken(response: ServerResponse): void {
  sendProblem(
    response,
    401,
    {
      title: "Unauthorized",
      detail: "The access token is missing, invalid, revoked or expired.",
      code: "invalid_token",
    },
    {
      "www-authenticate": 'Bearer error="invalid_token"',
    },
  );
}

/** RFC 7807 `application/problem+json`, with the `code` Nmbrs adds. */
function sendProblem(
  response: ServerResponse,
  status: number,
  problem: { title: string; detail?: string | null; code?: string | null },
  headers: Record<string, string> = {},
): void {
  const body = {
    type: `https://developer.nmbrs.com/errors/${status}`,
    title: problem.title,
    status,
    detail: problem.detail ?? null,
    ...(problem.code ? { code: problem.code } : {}),
  };
  response
    .writeHead(status, { "content-type": "application/problem+json; charset=utf-8", ...headers })
    .end(JSON.stringify(body));
}

function sendOAuthError(response: ServerResponse, error: OAuthError): void {
  sendJson(
    response,
    error.status,
    { error: error.error, error_description: error.description },
    { "cache-control": "no-store" },
  );
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response
    .writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers })
    .end(typeof body === "string" ? body : JSON.stringify(body));
}

function statusTitle(status: number): string {
  return (
    {
      400: "Bad Request",
      403: "Forbidden",
      404: "Not Found",
      429: "Too Many Requests",
      500: "Internal Server Error",
      502: "Bad Gateway",
      503: "Service Unavailable",
    }[status] ?? `HTTP ${status}`
  );
}

async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  let text = "";
  for await (const chunk of request as AsyncIterable<Buffer>) {
    text += chunk.toString("utf8");
    if (text.length > MAX_FORM_BYTES) throw new Error("form body larger than 64 kB");
  }
  return new URLSearchParams(text);
}

function header(request: IncomingMessage, name: string): string | undefined {
  const raw = request.headers[name];
  return Array.isArray(raw) ? raw[0] : raw;
}
