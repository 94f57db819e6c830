import type { ResourceType } from "../../directory/resource.js";
import { servedBody, servedBodyParams, type ServedUrls } from "../../directory/served-body.js";
import type { IndexedColumn } from "../filter/indexed-columns.js";
import { Fragment, sql, trusted } from "../filter/sql-fragment.js";
import type { ConnectorState } from "./connector-state.js";
import { emptyListResponse, listResponse } from "./list-response.js";
import type { Page } from "./scan-page.js";
import type { StatementCache } from "./statement-cache.js";

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
}

const COMMA = Buffer.from(",");

/**
 * A page of a filtered or sorted list, over the current generation. Filters narrow the set (Okta's lookups return
 * 0 or 1 rows through an index), so OFFSET is cheap here; unfiltered scans go through scanPage instead.
 * Ties, and the default order, fall back to seq: the order is the same whatever startIndex and count are.
 */
export function queryPage(statements: StatementCache, request: QueryPageRequest): Page {
  const { connector, type, where, sort, startIndex, count } = request;
  // Without statistics SQLite would rather walk the scan index in seq order than seek the lookup index and sort
  // the one or two rows found; the unary + hides a term from index selection (https://sqlite.org/optoverview.html).
  const seek = request.seek?.index;
  const typeColumn = trusted(seek && !seek.hasResourceType ? "+resource_type" : "resource_type");
  const matching = sql`connector_id = ${connector.id} AND ${typeColumn} = ${type} AND gen_to IS NULL${where ? sql` AND ${where}` : trusted("")}`;
  const counted = sql`SELECT count(*) FROM scim_resources WHERE ${matching}`;
  const total = statements.get(counted.sql).pluck().get(...counted.params) as number;
  if (count === 0 || startIndex > total) return { total, items: 0, body: emptyListResponse(total, startIndex) };
  const order = sort
    ? sql`(${sort.key}) IS NULL, (${sort.key}) ${trusted(sort.descending ? "DESC" : "ASC")}, seq`
    : trusted(seek ? "+seq" : "seq");
  const served = new Fragment(`CAST(${servedBody(type)} AS BLOB)`, servedBodyParams(type, request.urls));
  const page = sql`SELECT ${served} FROM scim_resources WHERE ${matching} ORDER BY ${order} LIMIT ${count} OFFSET ${startIndex - 1}`;
  const bodies = statements.get(page.sql).pluck().all(...page.params) as Buffer<ArrayBuffer>[];
  const resources = Buffer.concat(bodies.flatMap((body, index) => (index === 0 ? [body] : [COMMA, body])));
  return { total, items: bodies.length, body: listResponse(total, startIndex, bodies.length, resources) };
}
