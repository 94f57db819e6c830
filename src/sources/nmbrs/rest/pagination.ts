import * as v from "valibot";
import { count, readWith, text } from "./rest-json.js";

/**
 * The REST list envelope (Nmbrs API reference): `{ pagination: { pageNumber, pageSize, totalPages, totalRecords, nextPage, … },
 * data: [...] }`, pages numbered from 1. Clients in the wild loop on `nextPage` (brynq) or on `totalPages` (a
 * Python script); the vendor's own example shows `nextPage: ""` on the last page where brynq expects null. Reading
 * both, and either one saying "more", keeps the client working whichever the API does.
 */

/** Nmbrs' example pages by 20; 100 is what the TypeScript client asks for. Fewer pages = fewer calls. */
export const PAGE_SIZE = 100;

/** A list longer than this many pages is a server that never says "last page". */
const MAX_PAGES = 100_000;

const envelope = v.looseObject({
  pagination: v.nullish(v.looseObject({ totalPages: count, totalRecords: count, nextPage: text })),
  data: v.array(v.unknown()),
});

export interface Page {
  readonly items: readonly unknown[];
  readonly totalPages: number | null;
  readonly totalRecords: number | null;
  readonly nextPage: string | null;
}

export function readPage(json: unknown): Page {
  const page = readWith(envelope, json, "the list envelope");
  return {
    items: page.data,
    totalPages: page.pagination?.totalPages ?? null,
    totalRecords: page.pagination?.totalRecords ?? null,
    nextPage: page.pagination?.nextPage ?? null,
  };
}

export function firstPageUrl(apiUrl: string, path: string, query: Readonly<Record<string, string | number>> = {}): URL {
  const url = new URL(`${apiUrl.replace(/\/+$/, "")}${path}`);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, String(value));
  url.searchParams.set("pageNumber", "1");
  url.searchParams.set("pageSize", String(PAGE_SIZE));
  return url;
}

/**
 * The page after `page` (fetched from `current`), or null when it was the last. The next URL is always ours: the
 * vendor's `nextPage` links carry only `?pageNumber=N`, so following them would drop `pageSize` and every other
 * parameter from page 2 on. `nextPage` and `totalPages` only say whether there is a next page.
 */
export function nextPageUrl(page: Page, current: URL, pagesRead: number): URL | null {
  if (pagesRead >= MAX_PAGES) throw new RangeError(`more than ${MAX_PAGES} pages`);
  if (page.items.length === 0) return null;
  const number = Number(current.searchParams.get("pageNumber"));
  if (!page.nextPage && !(page.totalPages !== null && number < page.totalPages)) return null;
  const next = new URL(current);
  next.searchParams.set("pageNumber", String(number + 1));
  return next;
}
