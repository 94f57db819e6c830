import { withLocation, type ResourceType, type StoredResource } from "../../directory/resource.js";
import { applySelection, type AttributeSelection } from "./attribute-selection.js";

export const ENDPOINT: Readonly<Record<ResourceType, string>> = { User: "Users", Group: "Groups" };

// Group members are stored with relative references ("Users/<id>") because the public URL may change.
const RELATIVE_MEMBER_REF = '"$ref":"Users/';

/**
 * A stored body as served: `meta.location` and absolute member `$ref`s spliced into the stored text, so a page is
 * string concatenation. Only `attributes`/`excludedAttributes` make it parse and re-serialise.
 *
 * The `$ref` splice is safe on raw JSON text: inside a JSON string a quote is always escaped, so the sequence
 * `"$ref":"` can only be a real member name followed by its value.
 */
export function servedResource(
  row: StoredResource,
  type: ResourceType,
  baseUrl: string,
  selection: AttributeSelection | null,
): string {
  let body = withLocation(row.body, `${baseUrl}/${ENDPOINT[type]}/${row.scimId}`);
  if (body.includes(RELATIVE_MEMBER_REF)) {
    body = body.replaceAll(RELATIVE_MEMBER_REF, `"$ref":${JSON.stringify(`${baseUrl}/Users/`).slice(0, -1)}`);
  }
  return selection ? JSON.stringify(applySelection(JSON.parse(body) as Record<string, unknown>, selection)) : body;
}
