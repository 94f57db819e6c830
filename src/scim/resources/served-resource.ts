import { applySelection, type AttributeSelection } from "./attribute-selection.js";

type Resource = Record<string, unknown>;

/**
 * `attributes` / `excludedAttributes` applied to served JSON (as SQLite spliced it: see directory/served-body.ts).
 * Only a selection makes a response parse and re-serialise; without one the bytes are served as read.
 */
export function selectedResource(body: Buffer<ArrayBuffer>, selection: AttributeSelection | null): Buffer<ArrayBuffer> {
  if (!selection) return body;
  return Buffer.from(JSON.stringify(applySelection(JSON.parse(body.toString("utf8")) as Resource, selection)), "utf8");
}

/** The same for every resource of a ListResponse. */
export function selectedListResponse(
  body: Buffer<ArrayBuffer>,
  selection: AttributeSelection | null,
): Buffer<ArrayBuffer> {
  if (!selection) return body;
  const list = JSON.parse(body.toString("utf8")) as { Resources: Resource[] };
  list.Resources = list.Resources.map((resource) => applySelection(resource, selection));
  return Buffer.from(JSON.stringify(list), "utf8");
}
