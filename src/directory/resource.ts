/**
 * The directory is what Okta can read: SCIM Users and Groups per connector, stored as finished JSON so that
 * serving a page is concatenating strings, and versioned by generation so that a running import is not disturbed
 * by a sync (see commit-generation.ts and snapshot-pins.ts).
 */

export type ResourceType = "User" | "Group";

/** A resource as a sync wants it served, without `meta` (the directory owns created/lastModified/version). */
export interface DesiredResource {
  readonly type: ResourceType;
  readonly scimId: string;
  /** Stable position in list responses; assigned once per scimId by the caller. */
  readonly seq: number;
  /** The SCIM resource without `meta`; `schemas` and `id` included. Key order is kept as given. */
  readonly resource: Readonly<Record<string, unknown>>;
  /** Index values for the lookups Okta makes; taken from the resource by the caller. */
  readonly userName?: string | null;
  readonly externalId?: string | null;
  /** Groups only: Okta looks groups up by displayName, users by userName (migrations/0022_group_name_index.sql). */
  readonly displayName?: string | null;
  readonly active?: boolean | null;
}

/** A stored resource row as readers get it. */
export interface StoredResource {
  readonly scimId: string;
  readonly seq: number;
  readonly version: string;
  readonly created: string;
  readonly lastModified: string;
  /** JSON of the resource with `meta` last and without `meta.location` (added when served, see served-body.ts). */
  readonly body: string;
}

/** What one committed generation changed, for history and counters. */
export interface GenerationChanges {
  /** The generation Okta sees after the commit (unchanged when nothing changed). */
  readonly gen: number;
  readonly created: readonly ChangedResource[];
  readonly updated: readonly ChangedResource[];
  readonly removed: readonly ChangedResource[];
}

export interface ChangedResource {
  readonly type: ResourceType;
  readonly scimId: string;
  /** Body before the change: updated resources only (their history compares it with `after`). */
  readonly before: string | null;
  /** Body after the change: updated resources, and created ones when the commit was asked for them. */
  readonly after: string | null;
}

/** A stored row with its body as the UTF-8 bytes SQLite holds (no decoding for readers that only parse it). */
export interface StoredRow {
  readonly scimId: string;
  readonly seq: number;
  readonly version: string;
  /** UTF-8 JSON of the resource with `meta` last and without `meta.location` (see served-body.ts). */
  readonly body: Buffer;
}
