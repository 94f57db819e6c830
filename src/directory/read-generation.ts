import type { Sqlite } from "../db/open.js";
import { prepared } from "../db/statements.js";
import type { ResourceType, ServedRow, StoredResource } from "./resource.js";

const COLUMNS = "scim_id AS scimId, seq, version, created, last_modified AS lastModified, body";
/** A ServedRow's columns. As a BLOB, better-sqlite3 hands the body over as the bytes SQLite stores, not decoded. */
export const SERVED_COLUMNS = "scim_id AS scimId, seq, version, CAST(body AS BLOB) AS body";
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
 * Up to `limit` resources of generation `gen` that come after `afterSeq` in list order, as served. Keyset paging
 * over the scim_resources_scan index: page 1,000 costs what page 1 costs.
 */
export function pageAfter(
  sqlite: Sqlite,
  connectorId: string,
  type: ResourceType,
  gen: number,
  afterSeq: number,
  limit: number,
): ServedRow[] {
  return prepared(
    sqlite,
    `SELECT ${SERVED_COLUMNS} FROM scim_resources WHERE ${IN_GENERATION} AND seq > ? ORDER BY seq LIMIT ?`,
  ).all(connectorId, type, gen, gen, afterSeq, limit) as ServedRow[];
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
const CURRENT_BY_ID = "FROM scim_resources WHERE connector_id = ? AND resource_type = ? AND scim_id = ? AND gen_to IS NULL";

/** One current resource by its SCIM id. */
export function currentById(sqlite: Sqlite, connectorId: string, type: ResourceType, scimId: string): StoredResource | undefined {
  return prepared(sqlite, `SELECT ${COLUMNS} ${CURRENT_BY_ID}`).get(connectorId, type, scimId) as StoredResource | undefined;
}

/** One current resource by its SCIM id, as served. */
export function servedById(sqlite: Sqlite, connectorId: string, type: ResourceType, scimId: string): ServedRow | undefined {
  return prepared(sqlite, `SELECT ${SERVED_COLUMNS} ${CURRENT_BY_ID}`).get(connectorId, type, scimId) as ServedRow | undefined;
}
