import type { Sqlite } from "../../db/open.js";
import { pageAfter } from "../../directory/read-generation.js";
import type { ResourceType, ServedRow } from "../../directory/resource.js";
import type { ConnectorState } from "./connector-state.js";
import type { GenerationCache } from "./generation-cache.js";
import type { Scan, ScanOrigin, ScanRegistry } from "./scan-registry.js";

export interface Page {
  readonly total: number;
  readonly rows: readonly ServedRow[];
}

export interface ScanPageRequest {
  readonly connector: ConnectorState;
  readonly type: ResourceType;
  readonly origin: ScanOrigin;
  readonly startIndex: number;
  readonly count: number;
}

export interface ScanPageContext {
  readonly sqlite: Sqlite;
  readonly scans: ScanRegistry;
  readonly generations: GenerationCache;
}

/**
 * A page of an unfiltered, unsorted list: Okta's import. Every page is a keyset seek on the scan index, so page
 * 1,000 costs what page 1 costs. A scan that starts at startIndex=1 is pinned to its generation (see ScanRegistry);
 * later pages of a live scan read that generation, others read the current one.
 */
export function scanPage(context: ScanPageContext, request: ScanPageRequest): Page & { readonly scan?: Scan } {
  const { connector, type, origin, startIndex, count } = request;
  const scan =
    startIndex === 1 && count > 0
      ? context.scans.start(connector, type, origin, count)
      : context.scans.find(connector, type, origin);
  const gen = scan?.gen ?? connector.gen;
  const total = context.generations.total(connector, type, gen);
  const rows = count === 0 || startIndex > total ? [] : readRows(context, request, gen, total, scan);
  if (scan) {
    const nextIndex = startIndex + rows.length;
    context.scans.pageServed(connector, scan, {
      nextIndex,
      lastSeq: rows.at(-1)?.seq ?? scan.lastSeq,
      items: rows.length,
      complete: nextIndex > total,
    });
  }
  return { total, rows, ...(scan ? { scan } : {}) };
}

function readRows(context: ScanPageContext, request: ScanPageRequest, gen: number, total: number, scan: Scan | undefined): ServedRow[] {
  const { connector, type, startIndex, count } = request;
  // Okta asks for the page right after the last one: continue from the last seq served. Any other startIndex (a
  // client jumping ahead, or a scan that was not pinned) finds its starting seq in the generation's position index.
  const afterSeq =
    startIndex === 1
      ? 0
      : scan && scan.nextIndex === startIndex
        ? scan.lastSeq
        : context.generations.seqAt(connector, type, gen, startIndex - 1)!;
  return pageAfter(context.sqlite, connector.id, type, gen, afterSeq, Math.min(count, total - startIndex + 1));
}
