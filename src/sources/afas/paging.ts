import { SourceError } from "../types.js";
import type { Row } from "./rows.js";

/** At most this many reads of one connector when Profit keeps changing underneath (the AFAS spec §1). */
export const MAX_READS = 3;

export interface PagedRead<T = Row> {
  readonly connector: string;
  readonly sortFields: readonly string[];
  readonly pageSize: number;
  /** One GetConnector page, sorted on `sortFields`; `rows` never longer than `take` (the client checks). */
  readonly page: (skip: number, take: number) => Promise<readonly Row[]>;
  /** Told about each row dropped for repeating the previous row's sort key. */
  readonly onRepeat?: (key: string) => void;
  /**
   * What to keep of each row as it arrives (`index`: its place in the read), so a page's raw JSON is dropped with the
   * page instead of living until the whole environment is read. The whole row when left out.
   */
  readonly keep?: (row: Row, index: number) => T;
}

/**
 * Every row of a GetConnector, read in pages that overlap by one row: each later page must start with the previous
 * page's last row. If it does not, a row was deleted or inserted before the read position while paging, which a
 * plain skip/take reader turns into one silently lost or doubled person; then the whole connector is read again,
 * at most {@link MAX_READS} times, and after that the run fails rather than serve a list with someone missing.
 */
export async function readAllRows<T = Row>(read: PagedRead<T>): Promise<T[]> {
  for (let attempt = 1; attempt <= MAX_READS; attempt++) {
    const rows = await readOnce(read);
    if (rows) return rows;
  }
  throw new SourceError(
    `AFAS GetConnector ${read.connector}: Profit's data kept changing during the read (${MAX_READS} attempts); the next run reads it again.`,
    { code: "afas_unstable", operation: `GET connectors/${read.connector}`, transient: true },
  );
}

/** One read from skip=0, or null when the overlap check failed. */
async function readOnce<T>(read: PagedRead<T>): Promise<T[] | null> {
  const keep = read.keep ?? ((row: Row) => row as T);
  const { sortFields } = read;
  const rows: T[] = [];
  let last: Row | null = null;
  for (let skip = 0; ; skip += read.pageSize - 1) {
    const page = await read.page(skip, read.pageSize);
    let from = 0;
    if (skip > 0) {
      const first = page[0];
      if (first === undefined || last === null || !sameSortKey(first, last, sortFields)) return null;
      from = 1;
    }
    for (let index = from; index < page.length; index++) {
      const row = page[index] as Row;
      // Sorted, so a repeated key follows its first row directly.
      if (last !== null && sameSortKey(row, last, sortFields)) {
        read.onRepeat?.(sortKey(row, sortFields));
        continue;
      }
      rows.push(keep(row, rows.length));
      last = row;
    }
    if (page.length < read.pageSize) return rows;
  }
}

/**
 * Whether two rows have the same sort key, compared field by field (a missing field reads as null) rather than as
 * strings made per row: the values are JSON scalars, and a string per row of the whole environment was garbage.
 */
function sameSortKey(a: Row, b: Row, fields: readonly string[]): boolean {
  for (const field of fields) if ((a[field] ?? null) !== (b[field] ?? null)) return false;
  return true;
}

/** A row's sort key as text, for the log line of a repeated key. */
function sortKey(row: Row, fields: readonly string[]): string {
  return JSON.stringify(fields.map((field) => row[field] ?? null));
}
