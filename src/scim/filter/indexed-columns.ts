import type { ResourceType } from "../../directory/resource.js";
import { resolveAttribute } from "../schema/attribute-resolver.js";
import type { CompareOp, Filter } from "./filter-ast.js";

/**
 * Attributes that scim_resources keeps in their own columns, so that Okta's lookups hit an index instead of
 * parsing JSON (migrations/0001_core.sql, 0022_group_name_index.sql, 0024_email_lookups_by_user_name.sql:
 * scim_resources_current_*). `folded` columns hold scim_fold() of the value, for caseExact=false attributes.
 */
export interface IndexedColumn {
  readonly column: string;
  readonly folded: boolean;
  /** Operators the column answers correctly; other operators fall back to the JSON body. */
  readonly ops?: readonly CompareOp[];
  /** The partial index that seeks this column: whether resource_type is one of its columns (see seekIndex). */
  readonly index?: { readonly hasResourceType: boolean };
}

const COMMON: Readonly<Record<string, IndexedColumn>> = {
  id: { column: "scim_id", folded: false, index: { hasResourceType: true } },
  externalId: { column: "external_id", folded: false, index: { hasResourceType: false } },
  "meta.created": { column: "created", folded: false },
  "meta.lastModified": { column: "last_modified", folded: false },
  "meta.version": { column: "version", folded: false },
  "meta.resourceType": { column: "resource_type", folded: false },
};

export const INDEXED_COLUMNS: Readonly<Record<ResourceType, Readonly<Record<string, IndexedColumn>>>> = {
  User: {
    ...COMMON,
    userName: { column: "user_name_fold", folded: true, index: { hasResourceType: false } },
    active: { column: "active", folded: false },
    // A served user has exactly one e-mail, and its value is the userName (src/lifecycle/user-resource.ts; the
    // directory refuses any other user, src/sync/desired-resource.ts), so "any e-mail" is the folded userName and
    // its index answers the lookup: a second index of the same values cost every insert (migrations/0024). The
    // substring operators use the column too: on the body, each `co` walks every row's e-mail array with json_each
    // and folds each value in JavaScript, which made a filter of many `co` terms stall the gateway (docs/security.md,
    // "No request can stall the others"). `ne` and the orderings read the body, where a user without e-mail matches
    // nothing (the column would be NULL, and `IS NOT` true).
    "emails.value": {
      column: "user_name_fold",
      folded: true,
      ops: ["eq", "co", "sw", "ew"],
      index: { hasResourceType: false },
    },
  },
  Group: {
    ...COMMON,
    // Groups only: a user's displayName is read from the body (migrations/0022_group_name_index.sql).
    displayName: { column: "display_name_fold", folded: true, index: { hasResourceType: true } },
  },
};

/**
 * The indexed column an `eq` in the filter's top-level `and` chain lets SQLite seek, if any. Without statistics,
 * SQLite prefers any partial index on (connector_id, resource_type, …) over (connector_id, user_name_fold), so a
 * query seeking an index without resource_type must hide that term from the planner (`+resource_type`).
 */
export function seekIndex(filter: Filter, type: ResourceType): IndexedColumn | undefined {
  if (filter.kind === "and") return seekIndex(filter.left, type) ?? seekIndex(filter.right, type);
  if (filter.kind !== "compare" || filter.op !== "eq" || filter.value === null) return undefined;
  const resolved = resolveAttribute(type, filter.path);
  const column = resolved && INDEXED_COLUMNS[type][resolved.canonical];
  return column?.index ? column : undefined;
}
