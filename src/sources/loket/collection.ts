import type { Logger } from "../../logging/logger.js";
import type { LoketClient } from "./http/loket-client.js";
import { badResponse, type LoketCall } from "./http/loket-errors.js";
import { readAllPages, type LoketPage } from "./paging.js";
import { RecordProblem, type WireObject } from "./records.js";

export interface CollectionRead<T> {
  /** The path as a template for messages and logs: "providers/employers/{employerId}/employees". */
  readonly template: string;
  /** The concrete path. */
  readonly path: string;
  readonly company?: string;
  readonly pageSize: number;
  /** One `_embedded` item as the source keeps it; throws {@link RecordProblem} when a required field is missing. */
  readonly convert: (item: WireObject) => T;
  readonly idOf: (item: T) => string;
  /** Told each page's `version.resourceVersion` (the source logs the first one per endpoint and run). */
  readonly onVersion?: (template: string, version: string | null) => void;
  readonly logger?: Logger;
}

/**
 * Every item of one Loket collection (the Loket spec §1 pinned): pages of `pageSize` by `pageNumber`, the envelope
 * checked (`_embedded` an array, `currentPage`, `totalPages` and `totalSize` numbers, the page asked for), each item
 * converted as its page arrives so only compact records outlive a page, and the totals check of paging.ts.
 */
export function readCollection<T>(client: LoketClient, read: CollectionRead<T>, signal?: AbortSignal): Promise<T[]> {
  const operation = `GET ${read.template}`;
  return readAllPages<T>({
    operation,
    ...(read.company === undefined ? {} : { company: read.company }),
    idOf: read.idOf,
    onRepeat: (id) =>
      read.logger?.warn(
        { operation, company: read.company, id },
        "loket: an id repeats within one read; the first is kept",
      ),
    page: async (pageNumber) => {
      const call: LoketCall = {
        operation: `${operation} page=${pageNumber}`,
        path: read.path,
        query: { pageNumber, pageSize: read.pageSize },
        ...(read.company === undefined ? {} : { company: read.company }),
      };
      const json = await client.get(call, signal);
      const page = envelope(json, pageNumber, call, read.convert);
      read.onVersion?.(read.template, resourceVersion(json));
      return page;
    },
  });
}

function envelope<T>(
  json: Record<string, unknown>,
  pageNumber: number,
  call: LoketCall,
  convert: (item: WireObject) => T,
): LoketPage<T> {
  const embedded = json._embedded;
  if (!Array.isArray(embedded)) throw badResponse("no _embedded array", call);
  const { currentPage, totalPages, totalSize } = json;
  if (!isCount(totalPages)) throw badResponse("totalPages missing", call);
  if (!isCount(totalSize)) throw badResponse("totalSize missing", call);
  if (currentPage !== pageNumber) throw badResponse(`currentPage is ${String(currentPage)}`, call);
  const items = embedded.map((item, index) => {
    if (item === null || typeof item !== "object" || Array.isArray(item))
      throw badResponse(`item ${index + 1} is not an object`, call);
    try {
      return convert(item as WireObject);
    } catch (error) {
      if (error instanceof RecordProblem) throw badResponse(`item ${index + 1} ${error.message}`, call);
      throw error;
    }
  });
  return { items, currentPage, totalPages, totalSize };
}

function isCount(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0;
}

function resourceVersion(json: Record<string, unknown>): string | null {
  const version = json.version;
  if (!version || typeof version !== "object") return null;
  const value = (version as { resourceVersion?: unknown }).resourceVersion;
  return typeof value === "string" ? value : null;
}
