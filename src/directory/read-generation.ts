import { and, eq, isNull, sql } from "drizzle-orm";
import { drizzleOf, type Sqlite } from "../db/open.js";
import { scimResources } from "../db/schema.js";
import { prepared } from "../db/statements.js";
import type { ResourceType, StoredRow, StoredResource } from "./resource.js";
import { servedBody, servedBodyParams, storedBody, type ServedUrls } from "./served-body.js";

// SCIM pages and lookups (all but groupNamesWithMember, a console read). Hot path: prepared statements, not drizzle's builder (BENCHMARKS.md, "drizzle's builder on hot paths").
const COLUMNS = (type: ResourceType) =>
  `scim_id AS scimId, seq, version, created, last_modified AS lastModified, ${storedBody(type)} AS body`;
/** A StoredRow's columns. As a BLOB, better-sqlite3 hands the body over as the bytes SQLite stores, not decoded. */
const STORED_ROW_COLUMNS = (type: ResourceType) =>
  `scim_id AS scimId, seq, version, CAST(${storedBody(type)} AS BLOB) AS body`;
// A row belongs to generation G when gen_from <= G < gen_to; both bounds are in the scim_resources_scan index.
const IN_GENERATION = "connector_id = ? AND resource_type = ? AND gen_from <= ? AND (gen_to IS NULL OR gen_to > ?)";

/** The generation Okta sees now for a connector (0 before the first successful sync). */
export function currentGeneration(sqlite: Sqlite, connectorId: string): number {
  const gen = prepared(sqlite, "SELECT current_gen FROM connectors WHERE id = ?").pluck().get(connectorId) as
    | number
    | undefined;
  return gen ?? 0;
}

/**
 * Up to `limit` resources of generation `gen` that come after `afterSeq` in list order, as stored. Keyset paging
 * over the scim_resources_scan index: page 1,000 costs what page 1 costs.
 */
export function pageAfter(
  sqlite: Sqlite,
  connectorId: string,
  type: ResourceType,
  gen: number,
  afterSeq: number,
  limit: number,
): StoredRow[] {
  return prepared(
    sqlite,
    `SELECT ${STORED_ROW_COLUMNS(type)} FROM scim_resources WHERE ${IN_GENERATION} AND seq > ? ORDER BY seq LIMIT ?`,
  ).all(connectorId, type, gen, gen, afterSeq, limit) as StoredRow[];
}

/** Text around a served page: `before` + the number of resources + `between` + the resources + `after`. */
export interface PageWrapping {
  readonly before: string;
  readonly between: string;
  readonly after: string;
}

/** A page of served resources, wrapped (their JSON is comma-separated). */
export interface ServedPage {
  readonly items: number;
  /** The seq of the page's last resource (null for an empty page): where the next keyset page starts. */
  readonly lastSeq: number | null;
  readonly body: Buffer<ArrayBuffer>;
}

/**
 * The page {@link pageAfter} reads, as served, joined and wrapped by SQLite itself: one buffer crosses into
 * JavaScript, the response as it is sent, instead of 100 rows and 100 buffers that are then copied into one (CPU, and
 * the external memory that makes V8 run full collections; see BENCHMARKS.md). The subquery's
 * ORDER BY … LIMIT makes it a co-routine that hands rows over in seq order, and group_concat keeps that order; an
 * explicit `ORDER BY seq` inside group_concat would sort the bodies again and double the query's time. The unit
 * tests check the order, so an SQLite (better-sqlite3) upgrade that changed it would fail them.
 */
export function servedPageAfter(
  sqlite: Sqlite,
  urls: ServedUrls,
  page: {
    readonly connectorId: string;
    readonly type: ResourceType;
    readonly gen: number;
    readonly afterSeq: number;
    readonly limit: number;
    /** False when the client left `members` out: the statement then never reads a group's members column. */
    readonly members: boolean;
  },
  wrapping: PageWrapping,
): ServedPage {
  const { connectorId, type, gen, afterSeq, limit, members } = page;
  const { before, between, after } = wrapping;
  return prepared(
    sqlite,
    `SELECT count(*) AS items, max(seq) AS lastSeq, CAST(? || count(*) || ? || coalesce(group_concat(served, ','), '') || ? AS BLOB) AS body
     FROM (SELECT seq, ${servedBody(type, { members })} AS served FROM scim_resources WHERE ${IN_GENERATION} AND seq > ? ORDER BY seq LIMIT ?)`,
  ).get(before, between, after, ...servedBodyParams(urls), connectorId, type, gen, gen, afterSeq, limit) as ServedPage;
}

/** Number of resources in generation `gen`. */
export function countInGeneration(sqlite: Sqlite, connectorId: string, type: ResourceType, gen: number): number {
  return prepared(sqlite, `SELECT count(*) FROM scim_resources WHERE ${IN_GENERATION}`)
    .pluck()
    .get(connectorId, type, gen, gen) as number;
}

/**
 * The seq of every resource in generation `gen`, in list order: position → seq, so that a page requested out of
 * order (startIndex jumps) is still found by a keyset seek instead of an OFFSET scan.
 */
export function seqsInGeneration(sqlite: Sqlite, connectorId: string, type: ResourceType, gen: number): Float64Array {
  const statement = prepared(sqlite, `SELECT seq FROM scim_resources WHERE ${IN_GENERATION} ORDER BY seq`).pluck();
  const seqs: number[] = [];
  for (const seq of statement.iterate(connectorId, type, gen, gen) as IterableIterator<number>) seqs.push(seq);
  return Float64Array.from(seqs);
}

// scim_resources_current_id (connector_id, resource_type, scim_id) WHERE gen_to IS NULL
const CURRENT_BY_ID =
  "FROM scim_resources WHERE connector_id = ? AND resource_type = ? AND scim_id = ? AND gen_to IS NULL";

/** One current resource by its SCIM id. */
export function currentById(
  sqlite: Sqlite,
  connectorId: string,
  type: ResourceType,
  scimId: string,
): StoredResource | undefined {
  return prepared(sqlite, `SELECT ${COLUMNS(type)} ${CURRENT_BY_ID}`).get(connectorId, type, scimId) as
    | StoredResource
    | undefined;
}

/** Display names of the current groups that list a person as a member, sorted (the console, the person export). */
export function groupNamesWithMember(sqlite: Sqlite, connectorId: string, scimId: string): string[] {
  // Member values are SCIM ids (uuids), so this text match cannot hit another attribute by accident.
  const rows = drizzleOf(sqlite)
    .select({ body: scimResources.body })
    .from(scimResources)
    .where(
      and(
        eq(scimResources.connectorId, connectorId),
        eq(scimResources.resourceType, "Group"),
        isNull(scimResources.genTo),
        sql`instr(${scimResources.members}, ${`"value":${JSON.stringify(scimId)}`}) > 0`,
      ),
    )
    .all();
  return rows
    .map((row) => String((JSON.parse(row.body) as { displayName?: unknown }).displayName ?? ""))
    .sort((a, b) => a.localeCompare(b));
}

/** One current resource by its SCIM id, as served (without a group's members when `members` is false), with its version (the ETag). */
export function servedById(
  sqlite: Sqlite,
  urls: ServedUrls,
  connectorId: string,
  type: ResourceType,
  scimId: string,
  members = true,
): { readonly version: string; readonly body: Buffer<ArrayBuffer> } | undefined {
  return prepared(
    sqlite,
    `SELECT version, CAST(${servedBody(type, { members })} AS BLOB) AS body ${CURRENT_BY_ID}`,
  ).get(...servedBodyParams(urls), connectorId, type, scimId) as
    | { readonly version: string; readonly body: Buffer<ArrayBuffer> }
    | undefined;
}

/**
 * The key of a current resource (a user's externalId, a group's displayName), read without the body: SQLite
 * extracts a group's displayName itself. One seek each on scim_resources_current_id.
 */
export function currentKeyReader(sqlite: Sqlite, connectorId: string): (type: ResourceType, scimId: string) => unknown {
  const keyOf = prepared(
    sqlite,
    `SELECT CASE resource_type WHEN 'User' THEN external_id ELSE json_extract(body, '$.displayName') END
     FROM scim_resources WHERE connector_id = ? AND resource_type = ? AND scim_id = ? AND gen_to IS NULL`,
  ).pluck();
  return (type, scimId) => keyOf.get(connectorId, type, scimId);
}
