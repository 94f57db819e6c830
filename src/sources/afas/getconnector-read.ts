import type { Logger } from "../../logging/logger.js";
import { SORT_FIELDS, type GetConnectorId } from "./contract.js";
import { badResponse } from "./http/afas-errors.js";
import type { AfasClient } from "./http/afas-client.js";
import { readAllRows } from "./paging.js";
import type { Row } from "./rows.js";

/**
 * Every row of one GetConnector, sorted on its contract's sort fields and read in overlapping pages (paging.ts).
 * Never `take=-1`: AFAS strongly discourages it, and one answer with a whole environment would not fit in memory.
 */
export function readGetConnector(
  client: AfasClient,
  connector: GetConnectorId,
  pageSize: number,
  logger?: Logger,
  signal?: AbortSignal,
): Promise<Row[]> {
  const sortFields = SORT_FIELDS[connector];
  let repeats = 0;
  return readAllRows({
    connector,
    sortFields,
    pageSize,
    page: (skip, take) => {
      const query = new URLSearchParams({
        skip: String(skip),
        take: String(take),
        orderbyfieldids: sortFields.join(","),
      });
      const call = { operation: `GET connectors/${connector} skip=${skip}`, connector };
      return client.get(`connectors/${connector}?${query}`, call, (json) => pageRows(json, take, call), signal);
    },
    onRepeat: (key) => {
      repeats++;
      logger?.warn({ connector, key, repeats }, "afas: a row repeats the previous row's sort key; the first is kept");
    },
  });
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
