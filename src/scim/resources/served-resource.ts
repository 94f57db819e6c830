import { withLocation, type ResourceType, type ServedRow } from "../../directory/resource.js";
import { applySelection, type AttributeSelection } from "./attribute-selection.js";

export const ENDPOINT: Readonly<Record<ResourceType, string>> = { User: "Users", Group: "Groups" };

/** A served resource as the pieces of bytes the response is concatenated from (once, for a whole page). */
export type ServedBody = readonly Buffer[];

// Group members are stored with relative references ("Users/<id>") because the public URL may change.
const RELATIVE_MEMBER_REF = '"$ref":"Users/';

/**
 * A stored body as served: `meta.location` and absolute member `$ref`s spliced into the stored bytes, so a page is
 * a copy of what SQLite returned. Only `attributes`/`excludedAttributes` make it parse and re-serialise.
 *
 * The `$ref` splice is safe on raw JSON text: inside a JSON string a quote is always escaped, so the sequence
 * `"$ref":"` can only be a real member name followed by its value.
 */
export function servedResource(row: ServedRow, type: ResourceType, baseUrl: string, selection: AttributeSelection | null): ServedBody {
  const pieces = withLocation(row.body, `${baseUrl}/${ENDPOINT[type]}/${row.scimId}`);
  if (!selection && !row.body.includes(RELATIVE_MEMBER_REF)) return pieces;
  let body = Buffer.concat(pieces).toString("utf8");
  if (body.includes(RELATIVE_MEMBER_REF)) {
    body = body.replaceAll(RELATIVE_MEMBER_REF, `"$ref":${JSON.stringify(`${baseUrl}/Users/`).slice(0, -1)}`);
  }
  return [Buffer.from(selection ? JSON.stringify(applySelection(JSON.parse(body) as Record<string, unknown>, selection)) : body, "utf8")];
}
