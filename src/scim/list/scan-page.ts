import type { Sqlite } from "../../db/open.js";
import { servedPageAfter, type ServedPage } from "../../directory/read-generation.js";
import type { ResourceType } from "../../directory/resource.js";
import type { ServedUrls } from "../../directory/served-body.js";
import type { ConnectorState } from "./connector-state.js";
import type { GenerationCache } from "./generation-cache.js";
import { emptyListResponse, listEnvelope } from "./list-response.js";
import type { Scan, ScanOrigin, ScanRegistry } from "./scan-registry.js";

/** A page of a list as Okta gets it. */
export interface Page {
  readonly total: number;
  /** How many resources this page holds. */
  readonly items: number;
  /** The whole ListResponse (list-response.ts). */
  readonly body: Buffer<ArrayBuffer>;
}

export interface ScanPageRequest {
  readonly connector: ConnectorState;
  readonly type: ResourceType;
  readonly origin: ScanOrigin;
  readonly urls: ServedUrls;
  readonly startIndex: number;
  readonly count: number;
  /** False when the client left `members` out (see servedBody). */
  readonly members: boolean;
}

export interface ScanPageContext {
  readonly sqlite: Sqlite;
  readonly scans: ScanRegistry;
  readonly generations: GenerationCache;
}

/**
 * A page of an unfiltered, unsorted list: Okta's import. Every page is a keyset seek on the scan index, so page
 * 1,000 costs what page 1 costs. A scan that starts at startIndex=1 is pinned to its generation (see ScanRegistry);
 * the page it expects next continues it, a retry or a jump by the same credential reads a live scan's generation
 * without moving it, and a credential with no live scan reads the current one.
 */
export function scanPage(context: ScanPageContext, request: ScanPageRequest): Page & { readonly scan?: Scan } {
  const { connector, type, origin, startIndex, count } = request;
  const choice = context.scans.choose(connector, type, origin, startIndex, count);
  const gen = choice?.scan.gen ?? connector.gen;
  const total = context.generations.total(connector, type, gen);
  const continued = choice?.continues ? choice.scan : undefined;
  const page = count === 0 || startIndex > total ? undefined : readPage(context, request, gen, total, continued);
  const items = page?.items ?? 0;
  if (continued) {
    const nextIndex = startIndex + items;
    context.scans.pageServed(continued, {
      startIndex,
      nextIndex,
      lastSeq: page?.lastSeq ?? continued.lastSeq,
      items,
      complete: nextIndex > total,
    });
  }
  const body = page?.body ?? emptyListResponse(total, startIndex);
  return { total, items, body, ...(continued ? { scan: continued } : {}) };
}

function readPage(
  context: ScanPageContext,
  request: ScanPageRequest,
  gen: number,
  total: number,
  scan: Scan | undefined,
): ServedPage {
  const { connector, type, urls, startIndex, count, members } = request;
  // Okta asks for the page right after the last one: continue from the last seq served. Any other startIndex (a
  // client jumping ahead, or a scan that was not pinned) finds its starting seq in the generation's position index.
  const afterSeq =
    startIndex === 1
      ? 0
      : scan && scan.nextIndex === startIndex
        ? scan.lastSeq
        : context.generations.seqAt(connector, type, gen, startIndex - 1)!;
  const limit = Math.min(count, total - startIndex + 1);
  return servedPageAfter(
    context.sqlite,
    urls,
    { connectorId: connector.id, type, gen, afterSeq, limit, members },
    listEnvelope(total, startIndex),
  );
}
