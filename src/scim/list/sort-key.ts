import type { ResourceType } from "../../directory/resource.js";
import { INDEXED_COLUMNS } from "../filter/indexed-columns.js";
import { sql, trusted, type Fragment } from "../filter/sql-fragment.js";
import { jsonPath, resolveAttribute } from "../schema/attribute-resolver.js";
import type { AttrPath } from "../schema/attribute-path.js";
import { printAttributePath } from "../schema/attribute-path.js";
import { ScimError } from "../scim-error.js";

/**
 * The ORDER BY expression for `sortBy` (RFC 7644 §3.4.2.3): strings compare as their caseExact says; a multi-valued
 * attribute sorts by its primary value, or else its first.
 */
export function sortKey(type: ResourceType, path: AttrPath): Fragment {
  const resolved = resolveAttribute(type, path);
  if (!resolved)
    throw new ScimError(400, `sortBy: ${type}s have no attribute "${printAttributePath(path)}".`, "invalidValue");
  const column = INDEXED_COLUMNS[type][resolved.canonical];
  if (column) return trusted(column.column);
  const { attribute } = resolved;
  const sub = resolved.sub ?? attribute.subAttributes?.find((candidate) => candidate.name === "value");
  if (attribute.type === "complex" && !sub) {
    throw new ScimError(
      400,
      `sortBy: ${printAttributePath(path)} is complex; name one of its sub-attributes.`,
      "invalidValue",
    );
  }
  const leaf = sub ?? attribute;
  const fold = (value: Fragment) => (leaf.type === "string" && !leaf.caseExact ? sql`scim_fold(${value})` : value);
  if (attribute.multiValued) {
    return fold(
      sql`(SELECT json_extract(s.value, ${jsonPath([leaf.name])}) FROM json_each(body, ${resolved.jsonPath}) AS s
           ORDER BY json_extract(s.value, '$.primary') IS NOT 1, s.key LIMIT 1)`,
    );
  }
  return fold(
    sql`json_extract(body, ${resolved.sub ? `${resolved.jsonPath}."${resolved.sub.name}"` : resolved.jsonPath})`,
  );
}
