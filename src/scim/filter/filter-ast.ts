import type { AttrPath } from "../schema/attribute-path.js";

/** RFC 7644 §3.4.2.2 comparison operators. */
export type CompareOp = "eq" | "ne" | "co" | "sw" | "ew" | "gt" | "ge" | "lt" | "le";
export const COMPARE_OPS: readonly CompareOp[] = ["eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le"];

export type CompValue = string | number | boolean | null;

/** `pos` is the 0-based offset of the attribute path in the filter text, for error messages found after parsing. */
export interface CompareFilter {
  readonly kind: "compare";
  readonly path: AttrPath;
  readonly op: CompareOp;
  readonly value: CompValue;
  readonly pos: number;
}

export interface PresentFilter {
  readonly kind: "present";
  readonly path: AttrPath;
  readonly pos: number;
}

export interface LogicalFilter {
  readonly kind: "and" | "or";
  readonly left: Filter;
  readonly right: Filter;
}

export interface NotFilter {
  readonly kind: "not";
  readonly filter: Filter;
}

/**
 * `emails[type eq "work" and primary eq true]`, optionally followed by a comparison on one sub-attribute of the
 * matching element: `emails[type eq "work"].value co "@acme.nl"` (the form Okta and Entra use in paths).
 * Inside the brackets, paths name sub-attributes of `path`.
 */
export interface ValuePathFilter {
  readonly kind: "valuePath";
  readonly path: AttrPath;
  readonly filter: Filter;
  readonly then?:
    | { readonly sub: string; readonly op: CompareOp; readonly value: CompValue }
    | { readonly sub: string; readonly op: "pr" };
  readonly pos: number;
}

export type Filter = CompareFilter | PresentFilter | LogicalFilter | NotFilter | ValuePathFilter;
