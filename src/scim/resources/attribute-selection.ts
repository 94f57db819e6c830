import type { ResourceType } from "../../directory/resource.js";
import { parseAttributePath } from "../schema/attribute-path.js";
import { resolveAttribute } from "../schema/attribute-resolver.js";
import { SCHEMAS_OF } from "../schema/resource-schemas.js";
import { ScimError } from "../scim-error.js";

/** Selected JSON keys: `true` takes the whole value, a nested tree selects inside it (elements of arrays alike). */
type KeyTree = Map<string, KeyTree | true>;

export interface AttributeSelection {
  readonly mode: "only" | "except";
  readonly keys: KeyTree;
}

// Returned whatever `attributes` says (RFC 7643 §7 returned "always"; schemas tells the client how to read the rest).
const ALWAYS = new Set(["id", "schemas"]);

/**
 * Turns `attributes` / `excludedAttributes` (RFC 7644 §3.9) into the keys to keep or drop; null when the stored
 * body can be served as it is. Names the resource type does not have are ignored; names that are not attribute
 * names at all are a 400.
 */
export function attributeSelection(
  type: ResourceType,
  attributes: readonly string[],
  excludedAttributes: readonly string[],
): AttributeSelection | null {
  if (attributes.length > 0) return { mode: "only", keys: keyTree(type, attributes, "attributes") };
  if (excludedAttributes.length > 0)
    return { mode: "except", keys: keyTree(type, excludedAttributes, "excludedAttributes") };
  return null;
}

/**
 * Whether a selection keeps a group's `members`: when it does not, they are not read at all (served-body.ts), which
 * is what makes `excludedAttributes=members` cheap.
 */
export function selectsMembers(selection: AttributeSelection | null): boolean {
  if (!selection) return true;
  const members = selection.keys.get("members");
  return selection.mode === "only" ? members !== undefined : members !== true;
}

/** The selection left to apply once members were left unread: none when they were all it excluded. */
export function afterMembersLeftOut(selection: AttributeSelection | null): AttributeSelection | null {
  if (selection?.mode === "except" && selection.keys.size === 1 && selection.keys.get("members") === true) return null;
  return selection;
}

export function applySelection(
  resource: Record<string, unknown>,
  selection: AttributeSelection,
): Record<string, unknown> {
  return selection.mode === "only" ? pick(resource, selection.keys, true) : omit(resource, selection.keys, true);
}

function keyTree(type: ResourceType, names: readonly string[], parameter: string): KeyTree {
  const tree: KeyTree = new Map();
  for (const name of names) {
    const extension = SCHEMAS_OF[type].slice(1).find((schema) => schema.id.toLowerCase() === name.toLowerCase());
    if (extension) {
      tree.set(extension.id, true);
      continue;
    }
    const path = parseAttributePath(name);
    if (!path) throw new ScimError(400, `${parameter}: "${name}" is not an attribute name.`, "invalidValue");
    const resolved = resolveAttribute(type, path);
    if (!resolved) continue;
    const keys = [
      ...(resolved.extension ? [resolved.extension] : []),
      resolved.attribute.name,
      ...(resolved.sub ? [resolved.sub.name] : []),
    ];
    addPath(tree, keys);
  }
  return tree;
}

function addPath(tree: KeyTree, keys: readonly string[]): void {
  const [first, ...rest] = keys as [string, ...string[]];
  if (rest.length === 0) {
    tree.set(first, true);
    return;
  }
  let child = tree.get(first);
  if (child === true) return;
  if (!child) {
    child = new Map();
    tree.set(first, child);
  }
  addPath(child, rest);
}

function pick(value: Record<string, unknown>, keys: KeyTree, top: boolean): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    const selected = keys.get(key);
    if (selected === true || (top && ALWAYS.has(key))) kept[key] = member;
    else if (selected) kept[key] = within(member, (inner) => pick(inner, selected, false));
  }
  return kept;
}

function omit(value: Record<string, unknown>, keys: KeyTree, top: boolean): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    const selected = keys.get(key);
    if (selected === undefined || (top && ALWAYS.has(key))) kept[key] = member;
    else if (selected !== true) kept[key] = within(member, (inner) => omit(inner, selected, false));
  }
  return kept;
}

/** Applies `select` to an object, or to each object of an array (multi-valued complex attributes). */
function within(member: unknown, select: (inner: Record<string, unknown>) => Record<string, unknown>): unknown {
  if (Array.isArray(member)) return member.map((element) => (isObject(element) ? select(element) : element));
  return isObject(member) ? select(member) : member;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
