import type { ResourceType } from "./resource.js";

/**
 * Where a served body's URLs point. The public URL is not stored (the admin may change it), so SQLite splices it
 * into the stored JSON as it reads: `meta.location` goes in front of the two closing braces (bodies are stored with
 * `meta` last). The value is JSON string content, already escaped.
 */
export interface ServedUrls {
  /** `meta.location` without the id: `<base>/Users/` or `<base>/Groups/`. */
  readonly location: string;
}

const ENDPOINT: Readonly<Record<ResourceType, string>> = { User: "Users", Group: "Groups" };

/** The served URLs of one resource type below a connector's SCIM Base URL. */
export function servedUrls(baseUrl: string, type: ResourceType): ServedUrls {
  return { location: jsonContent(`${baseUrl}/${ENDPOINT[type]}/`) };
}

/**
 * The stored `body` as served, as an SQL expression whose parameters are {@link servedBodyParams}. Spliced as bytes
 * (a BLOB's length and substr are O(1); a TEXT's count characters). A group's members are stored in a column of their
 * own, the row's last (migrations/0015_group_members.sql), and follow `meta` when served: without `members` the
 * statement never reads them.
 */
export function servedBody(type: ResourceType, options: { readonly members: boolean } = { members: true }): string {
  const located = `substr(CAST(body AS BLOB), 1, length(CAST(body AS BLOB)) - 2) || ',"location":"' || ? || scim_id || '"}'`;
  if (type === "User" || !options.members) return `${located} || '}'`;
  return `${located} || coalesce(',"members":' || members, '') || '}'`;
}

export function servedBodyParams(urls: ServedUrls): string[] {
  return [urls.location];
}

/**
 * The stored resource whole (members included, after `meta`), as an SQL expression: for readers that parse it (the
 * preview, held plans, filters on members), where a group without its members would read as a group without members.
 */
export function storedBody(type: ResourceType): string {
  if (type === "User") return "body";
  return `CASE WHEN members IS NULL THEN body ELSE substr(body, 1, length(body) - 1) || ',"members":' || members || '}' END`;
}

function jsonContent(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}
