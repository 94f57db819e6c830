export const LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

/**
 * RFC 7644 §3.4.2 ListResponse around already-serialised resources. totalResults, startIndex and itemsPerPage are
 * JSON integers (Okta rejects strings); itemsPerPage is what this page holds, not what was asked.
 */
export function listResponse(totalResults: number, startIndex: number, resources: readonly string[]): string {
  return (
    `{"schemas":["${LIST_RESPONSE}"],"totalResults":${totalResults},"startIndex":${startIndex},` +
    `"itemsPerPage":${resources.length},"Resources":[${resources.join(",")}]}`
  );
}
