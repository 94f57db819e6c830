import { Hono } from "hono";
import { servedById } from "../../directory/read-generation.js";
import type { ResourceType } from "../../directory/resource.js";
import { servedUrls } from "../../directory/served-body.js";
import { compileFilter } from "../filter/filter-sql.js";
import { seekIndex } from "../filter/indexed-columns.js";
import { resourceResponse } from "../http/compressed-response.js";
import { isScimMediaType } from "../http/scim-response.js";
import { listRequestFromQuery, listRequestFromSearch, type ListRequest } from "../list/list-request.js";
import { pageOf, planPage, queryPage, type PagePlan } from "../list/query-page.js";
import { ReaderRefused, type Reader } from "../../reader/reader-thread.js";
import { scanPage, type Page } from "../list/scan-page.js";
import { sortKey } from "../list/sort-key.js";
import { ScimError } from "../scim-error.js";
import { baseUrl, socketAddress, type ScimAppDeps, type ScimContext, type ScimEnv } from "../scim-env.js";
import { afterMembersLeftOut, attributeSelection, selectsMembers } from "./attribute-selection.js";
import { ifNoneMatchHits } from "./etag.js";
import { selectedListResponse, selectedResource } from "./served-resource.js";

/** GET /Users, POST /Users/.search, GET /Users/{id} (and the same for Groups). */
export function resourceRoutes(type: ResourceType, deps: ScimAppDeps): Hono<ScimEnv> {
  const app = new Hono<ScimEnv>();
  app.get("/", async (c) => list(c, type, deps, listRequestFromQuery(new URL(c.req.url).searchParams)));
  app.post("/.search", async (c) => list(c, type, deps, listRequestFromSearch(await searchBody(c))));
  app.get("/:id", (c) => getOne(c, type, deps));
  return app;
}

async function list(c: ScimContext, type: ResourceType, deps: ScimAppDeps, request: ListRequest): Promise<Response> {
  const selection = attributeSelection(type, request.attributes, request.excludedAttributes);
  const members = selectsMembers(selection);
  const page = await readPage(c, type, deps, request, members);
  c.set("outcome", { results: page.items, totalResults: page.total });
  return resourceResponse(c, selectedListResponse(page.body, afterMembersLeftOut(selection)));
}

function readPage(
  c: ScimContext,
  type: ResourceType,
  deps: ScimAppDeps,
  request: ListRequest,
  members: boolean,
): Page | Promise<Page> {
  const { services } = deps;
  const connector = c.get("connector");
  const { filter, sortBy, startIndex, count } = request;
  const urls = servedUrls(baseUrl(deps, c.get("connectorId")), type);
  if (!filter && !sortBy) {
    const origin = {
      credentialId: c.get("credentialId"),
      userAgent: c.req.header("user-agent") ?? null,
      clientAddress: (deps.clientAddress ?? socketAddress)(c),
    };
    const page = scanPage(
      { sqlite: deps.db.sqlite, scans: services.scans, generations: services.generations },
      { connector, type, origin, urls, startIndex, count, members },
    );
    if (page.scan) services.importLog.pageServed(page.scan, page.total, page.scan.nextIndex > page.total);
    return page;
  }
  const seek = filter ? seekIndex(filter, type) : undefined;
  const query = {
    connector,
    type,
    urls,
    where: filter ? compileFilter(filter, type) : null,
    seek,
    sort: sortBy ? { key: sortKey(type, sortBy), descending: request.descending } : null,
    startIndex,
    count,
    members,
  };
  // Okta's lookups (userName eq …) seek an index and read a row or two: they stay here, on their fast path. Any
  // other filter or sort may read every row, so it is read on the reader thread, where it cannot hold up the rest.
  if (seek) return queryPage(services.statements, query);
  return readOffThread(services.reader, planPage(query));
}

async function readOffThread(reader: Reader, plan: PagePlan): Promise<Page> {
  try {
    return pageOf(plan, await reader.run({ kind: "page", plan }));
  } catch (error) {
    if (!(error instanceof ReaderRefused)) throw error;
    throw new ScimError(
      503,
      `${error.message} Filters that compare an indexed attribute with eq (userName, id, externalId, emails.value) are answered at once.`,
      undefined,
      {
        "Retry-After": String(error.retryAfterSeconds),
      },
    );
  }
}

function getOne(c: ScimContext, type: ResourceType, deps: ScimAppDeps): Response | Promise<Response> {
  const id = c.req.param("id") ?? "";
  const connectorId = c.get("connectorId");
  const query = new URL(c.req.url).searchParams;
  const selection = attributeSelection(
    type,
    splitList(query.get("attributes")),
    splitList(query.get("excludedAttributes")),
  );
  const urls = servedUrls(baseUrl(deps, connectorId), type);
  const row = servedById(deps.db.sqlite, urls, connectorId, type, id, selectsMembers(selection));
  if (!row) throw new ScimError(404, `${type} ${id} not found.`);
  c.set("outcome", { results: 1 });
  if (ifNoneMatchHits(c.req.header("if-none-match"), row.version)) {
    c.header("ETag", row.version);
    return c.body(null, 304);
  }
  return resourceResponse(c, selectedResource(row.body, afterMembersLeftOut(selection)), { ETag: row.version });
}

function splitList(value: string | null): string[] {
  return value ? value.split(",") : [];
}

async function searchBody(c: ScimContext): Promise<unknown> {
  if (!isScimMediaType(c.req.header("content-type"))) {
    throw new ScimError(415, "Send the search request as application/scim+json or application/json.");
  }
  try {
    return await c.req.json();
  } catch {
    throw new ScimError(400, "The request body is not valid JSON.", "invalidSyntax");
  }
}
