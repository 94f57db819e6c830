import type { ResourceType } from "./resource.js";

/**
 * Where a served body's URLs point. The public URL is not stored (the admin may change it), so SQLite splices it
 * into the stored JSON as it reads: `meta.location` goes in front of the two closing braces (bodies are stored with
 * `meta` last), and members' relative `"$ref":"Users/<id>"` become absolute. Both values are JSON string content,
 * already escaped.
 */
export interface ServedUrls {
  /** `meta.location` without the id: `<base>/Users/` or `<base>/Groups/`. */
  readonly location: string;
  /** What replaces `"$ref":"Users/`: `"$ref":"<base>/Users/`. */
  readonly ref: string;
}

const ENDPOINT: Readonly<Record<ResourceType, string>> = { User: "Users", Group: "Groups" };

/** The served URLs of one resource type below a connector's SCIM Base URL. */
export function servedUrls(baseUrl: string, type: ResourceType): ServedUrls {
  return { location: jsonContent(`${baseUrl}/${ENDPOINT[type]}/`), ref: `"$ref":"${jsonContent(`${baseUrl}/Users/`)}` };
}

/**
 * The stored `body` as served, as an SQL expression whose parameters are {@link servedBodyParams}. Users are spliced
 * as bytes (a BLOB's length and substr are O(1); a TEXT's count characters). Only groups have member refs; the
 * `$ref` replace is safe on raw JSON text: inside a JSON string a quote is always escaped, so the sequence `"$ref":"`
 * can only be a member name followed by its value.
 */
export function servedBody(type: ResourceType): string {
  const located = (body: string) =>
    `substr(${body}, 1, length(${body}) - 2) || ',"location":"' || ? || scim_id || '"}}'`;
  return type === "User" ? located("CAST(body AS BLOB)") : `replace(${located("body")}, '"$ref":"Users/', ?)`;
}

export function servedBodyParams(type: ResourceType, urls: ServedUrls): string[] {
  return type === "User" ? [urls.location] : [urls.location, urls.ref];
}

function jsonContent(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}
