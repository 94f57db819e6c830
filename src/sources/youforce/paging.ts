import type { YouforceClient } from "./http/youforce-client.js";
import { badResponse } from "./http/youforce-errors.js";
import type { Json, Versioned } from "./records.js";

/** The IAM API's path; every endpoint is read below it. */
export const IAM_PATH = "iam/v1.0";

/**
 * Every record of one endpoint, read page by page (the Youforce spec §1, pinned) and handed to `keep` one by one, so
 * each page's parsed JSON goes as soon as it is reduced: the first page without `take` (the server's 500), each next
 * one the same path with the query string of `nextLink` (its host and path are ignored: the token never goes to
 * another host), until a page without `nextLink`. A record changed during the read moves behind the bookmark and
 * comes again; `keep` sees it again, later (rules/versions.ts keeps the later copy). Returns how many records were read.
 */
export async function readEndpoint<T extends Versioned>(
  client: YouforceClient,
  endpoint: string,
  convert: (row: Json, operation: string) => T,
  keep: (record: T) => void,
  signal?: AbortSignal,
): Promise<number> {
  const path = `${IAM_PATH}/${endpoint}`;
  const asked = new Set<string>();
  let query = "";
  let read = 0;
  for (let page = 1; ; page++) {
    const operation = `GET ${path} page ${page}`;
    const json = await client.getJson(`${path}${query}`, operation, signal);
    const rows = pageValue(json, operation);
    for (const row of rows) keep(convert(row, operation));
    read += rows.length;
    const next = nextQuery((json as Json).nextLink, operation);
    if (next === null) return read;
    // A bookmark that does not move would page forever.
    if (asked.has(next)) throw badResponse(`nextLink repeats an earlier page (${next})`, operation);
    asked.add(next);
    query = next;
  }
}

function pageValue(json: unknown, operation: string): Json[] {
  if (json === null || typeof json !== "object" || Array.isArray(json))
    throw badResponse("not a JSON object", operation);
  const value = (json as Json).value;
  if (!Array.isArray(value)) throw badResponse("no value array", operation);
  if (!value.every((row) => row !== null && typeof row === "object" && !Array.isArray(row)))
    throw badResponse("a record is not an object", operation);
  return value as Json[];
}

/** The query string (with its "?") of a nextLink, or null at the last page (absent, null or ""). */
export function nextQuery(nextLink: unknown, operation: string): string | null {
  if (nextLink === undefined || nextLink === null || nextLink === "") return null;
  if (typeof nextLink !== "string") throw badResponse("nextLink is not a text", operation);
  let search: string;
  try {
    search = new URL(nextLink, "http://127.0.0.1/").search;
  } catch {
    throw badResponse("nextLink is not a link", operation);
  }
  if (search === "") throw badResponse("nextLink has no query string", operation);
  return search;
}
