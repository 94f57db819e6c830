import type { ResourceType } from "../../directory/resource.js";
import { servedBody, servedBodyParams, type ServedUrls } from "../../directory/served-body.js";
import type { IndexedColumn } from "../filter/indexed-columns.js";
import { Fragment, sql, trusted } from "../filter/sql-fragment.js";
import type { ConnectorState } from "./connector-state.js";
import { emptyListResponse, listResponse } from "./list-response.js";
import type { Page } from "./scan-page.js";
import type { StatementCache } from "./statement-cache.js";

// SCIM paging and filters. Hot path: prepared statements, not drizzle's builder (BENCHMARKS.md, "drizzle's builder on hot paths").
export interface QueryPageRequest {
  readonly connector: ConnectorState;
  readonly type: ResourceType;
  readonly urls: ServedUrls;
  /** Compiled filter, or null for all resources. */
  readonly where: Fragment | null;
  /** The indexed column the filter seeks, if any (see seekIndex). */
  readonly seek: IndexedColumn | undefined;
  readonly sort: { readonly key: Fragment; readonly descending: boolean } | null;
  readonly startIndex: number;
  readonly count: number;
  /** False when the client left `members` out (see servedBody). */
  readonly members: boolean;
}

/**
 * The two statements of a page, as plain data: a page that may be expensive is read on the reader thread
 * (src/reader/), which gets this plan as a structured clone.
 */
export interface PagePlan {
  readonly counted: Pick<Fragment, "sql" | "params">;
  readonly page: Pick<Fragment, "sql" | "params">;
  readonly startIndex: number;
  readonly count: number;
}

/** What a plan read: the number of matching resources and the served bodies of the page. */
export interface PageRows {
  readonly total: number;
  readonly bodies: readonly Uint8Array[];
}

const COMMA = Buffer.from(",");

/**
 * A page of a filtered or sorted list, over the current generation. Filters narrow the set (Okta's lookups return
 * 0 or 1 rows through an index), so OFFSET is cheap here; unfiltered scans go through scanPage instead.
 * Ties, and the default order, fall back to seq: the order is the same whatever startIndex and count are.
 */
export function queryPage(statements: StatementCache, request: QueryPageRequest): Page {
  const plan = planPage(request);
  return pageOf(plan, readPageRows(statements, plan));
}

export function planPage(request: QueryPageRequest): PagePlan {
  const { connector, type, where, sort, startIndex, count } = request;
  // Without statistics SQLite would rather walk the scan index in seq order than seek the lookup index and sort
  // the one or two rows found; the unary + hides a term from index selection (https://sqlite.org/optoverview.html).
  const seek = request.seek?.index;
  const typeColumn = trusted(seek && !seek.hasResourceType ? "+resource_type" : "resource_type");
  const matching = sql`connector_id = ${connector.id} AND ${typeColumn} = ${type} AND gen_to IS NULL${where ? sql` AND ${where}` : trusted("")}`;
  const counted = sql`SELECT count(*) FROM scim_resources WHERE ${matching}`;
  const order = sort
    ? sql`(${sort.key}) IS NULL, (${sort.key}) ${trusted(sort.descending ? "DESC" : "ASC")}, seq`
    : trusted(seek ? "+seq" : "seq");
  const served = new Fragment(
    `CAST(${servedBody(type, { members: request.members })} AS BLOB)`,
    servedBodyParams(request.urls),
  );
  const page = sql`SELECT ${served} FROM scim_resources WHERE ${matching} ORDER BY ${order} LIMIT ${count} OFFSET ${startIndex - 1}`;
  return { counted, page, startIndex, count };
}

/** Runs a plan: the count, then the page unless it is past the end. */
export function readPageRows(statements: StatementCache, plan: PagePlan): PageRows {
  const total = statements
    .get(plan.counted.sql)
    .pluck()
    .get(...plan.counted.params) as number;
  if (plan.count === 0 || plan.startIndex > total) return { total, bodies: [] };
  return {
    total,
    bodies: statements
      .get(plan.page.sql)
      .pluck()
      .all(...plan.page.params) as Buffer[],
  };
}

export function pageOf(plan: PagePlan, rows: PageRows): Page {
  const { total, bodies } = rows;
  if (bodies.length === 0) return { total, items: 0, body: emptyListResponse(total, plan.startIndex) };
  const resources = Buffer.concat(bodies.flatMap((body, index) => (index === 0 ? [body] : [COMMA, body])));
  return { total, items: bodies.length, body: listResponse(total, plan.startIndex, bodies.length, resources) };
}
