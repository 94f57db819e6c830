import type { ServedBody } from "../resources/served-resource.js";

export const LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

const COMMA = Buffer.from(",");
const END = Buffer.from("]}");

/**
 * RFC 7644 §3.4.2 ListResponse around already-serialised resources, as one buffer. totalResults, startIndex and
 * itemsPerPage are JSON integers (Okta rejects strings); itemsPerPage is what this page holds, not what was asked.
 */
export function listResponse(totalResults: number, startIndex: number, resources: readonly ServedBody[]): Buffer<ArrayBuffer> {
  const parts: Buffer[] = [
    Buffer.from(
      `{"schemas":["${LIST_RESPONSE}"],"totalResults":${totalResults},"startIndex":${startIndex},` +
        `"itemsPerPage":${resources.length},"Resources":[`,
    ),
  ];
  for (const [index, pieces] of resources.entries()) {
    if (index > 0) parts.push(COMMA);
    parts.push(...pieces);
  }
  parts.push(END);
  return Buffer.concat(parts);
}
