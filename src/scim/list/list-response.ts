import type { PageWrapping } from "../../directory/read-generation.js";

export const LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

/**
 * RFC 7644 §3.4.2 ListResponse around already-serialised resources, in pieces: `before` + itemsPerPage + `between` +
 * the resources, comma-separated + `after`. The pieces let a query fill in the count and the resources itself (see
 * servedPageAfter), so a page is built in one buffer. totalResults, startIndex and itemsPerPage are JSON integers
 * (Okta rejects strings); itemsPerPage is what this page holds, not what was asked.
 */
export function listEnvelope(totalResults: number, startIndex: number): PageWrapping {
  return {
    before: `{"schemas":["${LIST_RESPONSE}"],"totalResults":${totalResults},"startIndex":${startIndex},"itemsPerPage":`,
    between: ',"Resources":[',
    after: "]}",
  };
}

/** The whole ListResponse as one buffer, from resources already serialised and joined with commas. */
export function listResponse(
  totalResults: number,
  startIndex: number,
  itemsPerPage: number,
  resources: Uint8Array,
): Buffer<ArrayBuffer> {
  const { before, between, after } = listEnvelope(totalResults, startIndex);
  return Buffer.concat([Buffer.from(`${before}${itemsPerPage}${between}`), resources, Buffer.from(after)]);
}

/** A ListResponse without resources: a startIndex past the end, or count=0. */
export function emptyListResponse(totalResults: number, startIndex: number): Buffer<ArrayBuffer> {
  return listResponse(totalResults, startIndex, 0, new Uint8Array());
}
