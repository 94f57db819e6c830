import { createHash } from "node:crypto";
import type { Logger } from "../../logging/logger.js";
import { SourceError } from "../types.js";
import { SORT_FIELDS, type GetConnectorId } from "./contract.js";
import { badResponse } from "./http/afas-errors.js";
import type { AfasClient } from "./http/afas-client.js";
import { readAllRows } from "./paging.js";
import type { Row, RowSite } from "./rows.js";

/**
 * A read's compact rows, or the first row that could not be read. The failure waits for the caller rather than end
 * the read at once, so a run fails with the same error, at the same moment, as when the raw rows were read first and
 * converted after: a bad row in a read that is then redone (paging.ts) does not count, and a later read's own failure
 * still comes first.
 */
export type ConnectorRows<T> = ({ readonly rows: readonly T[] } | { readonly failure: SourceError }) & {
  /**
   * The SHA-256 of the read's pages, each as received, in order: what the rows were read from (the source's raw
   * answers digest, afas-source.ts). Not keyed: the key comes with the first fetch, after Employments was read; it is
   * held in memory only, and what is stored is keyed over it (raw-digest.ts).
   */
  readonly answers: string;
};

/** The rows of a read, or its failure thrown. */
export function rowsOf<T>(read: ConnectorRows<T>): readonly T[] {
  if ("failure" in read) throw read.failure;
  return read.rows;
}

/**
 * Every row of one GetConnector, sorted on its contract's sort fields and read in overlapping pages (paging.ts).
 * Never `take=-1`: AFAS strongly discourages it, and one answer with a whole environment would not fit in memory.
 * Each row is converted by `convert` as its page arrives, so only compact rows outlive a page; each page's bytes are
 * hashed once its rows are read.
 */
export async function readGetConnector<T>(
  client: AfasClient,
  connector: GetConnectorId,
  pageSize: number,
  convert: (row: Row, site: RowSite) => T,
  logger?: Logger,
  signal?: AbortSignal,
): Promise<ConnectorRows<T>> {
  const sortFields = SORT_FIELDS[connector];
  let repeats = 0;
  let pages = createHash("sha256");
  const kept = await readAllRows<T | SourceError>({
    connector,
    sortFields,
    pageSize,
    page: (skip, take) => {
      // Every read starts at 0: a read redone after an overlap miss is hashed without the pages of the one before.
      if (skip === 0) pages = createHash("sha256");
      const query = new URLSearchParams({
        skip: String(skip),
        take: String(take),
        orderbyfieldids: sortFields.join(","),
      });
      const call = { operation: `GET connectors/${connector} skip=${skip}`, connector };
      const read = (json: Record<string, unknown>, bytes: Buffer) => {
        const rows = pageRows(json, take, call);
        pages.update(`${bytes.byteLength}\n`).update(bytes);
        return rows;
      };
      return client.get(`connectors/${connector}?${query}`, call, read, signal);
    },
    onRepeat: (key) => {
      repeats++;
      logger?.warn({ connector, key, repeats }, "afas: a row repeats the previous row's sort key; the first is kept");
    },
    keep: (row, index) => {
      try {
        return convert(row, { connector, index });
      } catch (error) {
        if (error instanceof SourceError) return error;
        throw error;
      }
    },
  });
  const answers = pages.digest("base64url");
  const failure = kept.find((row) => row instanceof SourceError);
  return failure ? { failure, answers } : { rows: kept as T[], answers };
}

function pageRows(json: Record<string, unknown>, take: number, call: { operation: string }): Row[] {
  const rows = json.rows;
  if (!Array.isArray(rows)) throw badResponse("no rows array", { ...call, connector: null });
  if (rows.length > take)
    throw badResponse(`${rows.length} rows where at most ${take} were asked`, { ...call, connector: null });
  if (!rows.every((row) => row !== null && typeof row === "object" && !Array.isArray(row)))
    throw badResponse("a row is not an object", { ...call, connector: null });
  return rows as Row[];
}
