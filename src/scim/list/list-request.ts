import * as v from "valibot";
import { parseFilter } from "../filter/filter-parser.js";
import type { Filter } from "../filter/filter-ast.js";
import { parseAttributePath, type AttrPath } from "../schema/attribute-path.js";
import { ScimError } from "../scim-error.js";

/** Okta always asks for 100; 1,000 is advertised as filter.maxResults in /ServiceProviderConfig. */
export const DEFAULT_COUNT = 100;
export const MAX_COUNT = 1000;

/** RFC 7644 §3.4.2 list parameters, validated and defaulted. */
export interface ListRequest {
  readonly filter: Filter | null;
  readonly startIndex: number;
  readonly count: number;
  readonly sortBy: AttrPath | null;
  readonly descending: boolean;
  /** As requested; resolved per resource type by attributeSelection(). */
  readonly attributes: readonly string[];
  readonly excludedAttributes: readonly string[];
}

const INTEGER = /^[+-]?\d{1,15}$/;
const integerText = (name: string) =>
  v.optional(v.pipe(v.string(), v.trim(), v.regex(INTEGER, `${name} must be an integer`), v.transform(Number)));
const integerNumber = (name: string) =>
  v.optional(v.pipe(v.number(`${name} must be an integer`), v.integer(`${name} must be an integer`)));
const sortOrder = v.optional(
  v.pipe(
    v.string(),
    v.toLowerCase(),
    v.picklist(["ascending", "descending"], 'sortOrder must be "ascending" or "descending"'),
  ),
);
const commaList = v.optional(
  v.pipe(
    v.string(),
    v.transform((text) => text.split(",")),
  ),
);

const QUERY = v.object({
  filter: v.optional(v.string()),
  startIndex: integerText("startIndex"),
  count: integerText("count"),
  sortBy: v.optional(v.string()),
  sortOrder,
  attributes: commaList,
  excludedAttributes: commaList,
});

const SEARCH_BODY = v.object({
  filter: v.optional(v.string("filter must be a string")),
  startIndex: integerNumber("startIndex"),
  count: integerNumber("count"),
  sortBy: v.optional(v.string("sortBy must be a string")),
  sortOrder,
  attributes: v.optional(v.array(v.string(), "attributes must be an array of strings")),
  excludedAttributes: v.optional(v.array(v.string(), "excludedAttributes must be an array of strings")),
});

const PARAMETER_NAMES = new Map(Object.keys(QUERY.entries).map((name) => [name.toLowerCase(), name]));

/** From a GET query string. Parameter names are matched case-insensitively; unknown parameters are ignored. */
export function listRequestFromQuery(query: URLSearchParams): ListRequest {
  const raw: Record<string, string> = {};
  for (const [name, value] of query) {
    const known = PARAMETER_NAMES.get(name.toLowerCase());
    if (known) raw[known] = value;
  }
  return normalize(validated(QUERY, raw));
}

/** From a POST …/.search body (RFC 7644 §3.4.3). */
export function listRequestFromSearch(body: unknown): ListRequest {
  return normalize(validated(SEARCH_BODY, body));
}

function validated<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, input);
  if (!result.success) throw new ScimError(400, `${result.issues[0].message}.`, "invalidValue");
  return result.output;
}

interface RawRequest {
  filter?: string | undefined;
  startIndex?: number | undefined;
  count?: number | undefined;
  sortBy?: string | undefined;
  sortOrder?: "ascending" | "descending" | undefined;
  attributes?: string[] | undefined;
  excludedAttributes?: string[] | undefined;
}

function normalize(raw: RawRequest): ListRequest {
  const sortBy = raw.sortBy?.trim() ? parseAttributePath(raw.sortBy.trim()) : null;
  if (sortBy === undefined)
    throw new ScimError(400, `sortBy: "${raw.sortBy}" is not an attribute name.`, "invalidValue");
  const names = (list: string[] | undefined) => (list ?? []).map((name) => name.trim()).filter((name) => name !== "");
  return {
    filter: raw.filter?.trim() ? parseFilter(raw.filter) : null,
    // RFC 7644 §3.4.2.4: a startIndex below 1 is read as 1, a negative count as 0.
    startIndex: Math.max(1, raw.startIndex ?? 1),
    // Never fewer than asked up to the maximum: Okta advances by 100 whatever we return.
    count: Math.min(MAX_COUNT, Math.max(0, raw.count ?? DEFAULT_COUNT)),
    sortBy,
    descending: raw.sortOrder === "descending",
    attributes: names(raw.attributes),
    excludedAttributes: names(raw.excludedAttributes),
  };
}
