import { SourceError } from "../types.js";

/** At most this many reads of one collection when Loket keeps changing underneath (the Loket spec §1 pinned). */
export const MAX_READS = 3;

/** One page of a Loket collection, as the envelope says (`_embedded`, `currentPage`, `totalPages`, `totalSize`). */
export interface LoketPage<T> {
  /** The page's items, already converted; each with its Loket `id`. */
  readonly items: readonly T[];
  readonly currentPage: number;
  readonly totalPages: number;
  readonly totalSize: number;
}

export interface PagedRead<T> {
  /** e.g. "GET providers/employers/{id}/employees", for the message when the read never settles. */
  readonly operation: string;
  readonly company?: string;
  /** Page `pageNumber` (1-based), or a thrown SourceError. */
  readonly page: (pageNumber: number) => Promise<LoketPage<T>>;
  readonly idOf: (item: T) => string;
  /** Told about each item dropped for repeating an id already read. */
  readonly onRepeat?: (id: string) => void;
}

/**
 * Every item of a collection, read by page number until the page whose `currentPage >= totalPages` (never by the page
 * length: Loket may cap `pageSize`). A deletion or insertion between two pages shifts the rows, which a page-number
 * reader turns into one person silently lost or doubled; so `totalSize` must be the same on every page and the
 * distinct ids read must number `totalSize`. Otherwise the whole collection is read again from page 1, at most
 * {@link MAX_READS} times, and after that the run fails rather than serve a list with someone missing.
 */
export async function readAllPages<T>(read: PagedRead<T>): Promise<T[]> {
  for (let attempt = 1; attempt <= MAX_READS; attempt++) {
    const items = await readOnce(read);
    if (items) return items;
  }
  throw new SourceError(
    `Loket's data kept changing during ${read.operation} (${MAX_READS} reads, each with a different total or count); the next run reads it again.`,
    { code: "loket_unstable", operation: read.operation, company: read.company, transient: true },
  );
}

/** One read from page 1, or null when the totals check failed. */
async function readOnce<T>(read: PagedRead<T>): Promise<T[] | null> {
  const items: T[] = [];
  const seen = new Set<string>();
  let totalSize: number | null = null;
  for (let pageNumber = 1; ; pageNumber++) {
    const page = await read.page(pageNumber);
    if (totalSize !== null && page.totalSize !== totalSize) return null;
    totalSize = page.totalSize;
    for (const item of page.items) {
      const id = read.idOf(item);
      if (seen.has(id)) {
        read.onRepeat?.(id);
        continue;
      }
      seen.add(id);
      items.push(item);
    }
    if (page.currentPage >= page.totalPages) return items.length === totalSize ? items : null;
  }
}
