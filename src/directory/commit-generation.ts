import { createHash, hash } from "node:crypto";
import type { Sqlite } from "../db/open.js";
import { foldCase } from "./fold-case.js";
import { prepared } from "../db/statements.js";
import { storedBody } from "./served-body.js";
import type { ChangedResource, DesiredResource, GenerationChanges, ResourceType } from "./resource.js";

// The run's bulk apply. Hot path: prepared statements, not drizzle's builder (BENCHMARKS.md, "drizzle's builder on hot paths").
/** What the commit needs of a current row to tell whether it changed: never its body (all bodies at once are large). */
interface CurrentRow {
  readonly rowId: number;
  readonly version: string;
}

/** A current row as the end of the commit lists them, to close those the new generation no longer has. */
interface CurrentId {
  readonly rowId: number;
  readonly type: ResourceType;
  readonly scimId: string;
}

export interface CommitOptions {
  /**
   * Keep the body of every created resource in the result (a held plan stores them). A sync that applies at once
   * needs bodies only of updated resources, for their history; a first run's 100,000 new bodies are not kept.
   */
  readonly createdBodies?: boolean;
}

/**
 * Makes `desired` the complete set of resources Okta sees for a connector, as a new generation. Rows that did not
 * change are left alone (same version, same lastModified); changed rows are closed (`gen_to`) and re-inserted, so
 * readers pinned to an older generation keep seeing the old row. Runs inside the caller's transaction when there is
 * one, so a sync can commit its history in the same transaction.
 *
 * When nothing changed, no generation is created and the current one is returned.
 */
export function commitGeneration(
  sqlite: Sqlite,
  connectorId: string,
  desired: Iterable<DesiredResource>,
  now: Date,
  options: CommitOptions = {},
): GenerationChanges {
  const run = () => commit(sqlite, connectorId, desired, now.toISOString(), options);
  return sqlite.inTransaction ? run() : sqlite.transaction(run).immediate();
}

function commit(
  sqlite: Sqlite,
  connectorId: string,
  desired: Iterable<DesiredResource>,
  now: string,
  options: CommitOptions,
): GenerationChanges {
  const currentGen = prepared(sqlite, "SELECT current_gen FROM connectors WHERE id = ?").pluck().get(connectorId) as
    | number
    | undefined;
  if (currentGen === undefined) throw new Error(`unknown connector ${connectorId}`);
  const gen = currentGen + 1;

  // One indexed lookup per resource (scim_resources_current_id) instead of a map of every current row. The map was a
  // little faster but held its memory when a sync is at its largest (BENCHMARKS.md). A first commit looks nothing up.
  const lookup = prepared(
    sqlite,
    "SELECT row_id AS rowId, version FROM scim_resources WHERE connector_id = ? AND resource_type = ? AND scim_id = ? AND gen_to IS NULL",
  );
  const anyCurrent =
    prepared(sqlite, "SELECT EXISTS (SELECT 1 FROM scim_resources WHERE connector_id = ? AND gen_to IS NULL)")
      .pluck()
      .get(connectorId) === 1;
  const currentRow = (item: DesiredResource) =>
    anyCurrent ? (lookup.get(connectorId, item.type, item.scimId) as CurrentRow | undefined) : undefined;
  // Users have no members column, so the group expression gives them their body as stored.
  const previous = prepared(
    sqlite,
    `SELECT created, ${storedBody("Group")} AS body FROM scim_resources WHERE row_id = ?`,
  );
  const close = prepared(sqlite, "UPDATE scim_resources SET gen_to = ? WHERE row_id = ?");
  const insert = prepared(
    sqlite,
    `INSERT INTO scim_resources (connector_id, resource_type, scim_id, seq, gen_from, gen_to, user_name, user_name_fold,
       external_id, display_name_fold, active, version, created, last_modified, body, member_count, members)
     VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  const created: ChangedResource[] = [];
  const updated: ChangedResource[] = [];
  const removed: ChangedResource[] = [];
  const seen = { User: new Set<string>(), Group: new Set<string>() };

  for (const item of desired) {
    if (seen[item.type].has(item.scimId)) throw new Error(`duplicate ${item.type} ${item.scimId} in one generation`);
    seen[item.type].add(item.scimId);
    const { members, rest } = membersApart(item.resource);
    const content = JSON.stringify(rest);
    const membersJson = members && JSON.stringify(members);
    const version = versionOf(content, membersJson);
    const existing = currentRow(item);
    if (existing && existing.version === version) continue;
    const before = existing ? (previous.get(existing.rowId) as { created: string; body: string }) : null;
    const createdAt = before?.created ?? now;
    const stored = withMeta(content, item.type, createdAt, now, version);
    const body = membersJson === null ? stored : `${stored.slice(0, -1)},"members":${membersJson}}`;
    if (existing) close.run(gen, existing.rowId);
    insert.run(
      connectorId,
      item.type,
      item.scimId,
      item.seq,
      gen,
      item.userName ?? null,
      item.userName == null ? null : foldCase(item.userName),
      item.externalId ?? null,
      item.displayName == null ? null : foldCase(item.displayName),
      item.active == null ? null : item.active ? 1 : 0,
      version,
      createdAt,
      now,
      stored,
      members?.length ?? null,
      membersJson,
    );
    if (before) updated.push({ type: item.type, scimId: item.scimId, before: before.body, after: body });
    else
      created.push({ type: item.type, scimId: item.scimId, before: null, after: options.createdBodies ? body : null });
  }

  // Collected first: better-sqlite3 runs no other statement on the connection while one iterates. The index holds
  // every column read, so the rows themselves are never read; left to itself, SQLite picks an index that makes it
  // read each row, which is markedly slower on a large directory (BENCHMARKS.md, "Figures that were in comments").
  // A first commit (no current rows before it) skips the walk: every current row is one it has just inserted.
  const gone: CurrentId[] = [];
  const rows = prepared(
    sqlite,
    "SELECT row_id AS rowId, resource_type AS type, scim_id AS scimId FROM scim_resources INDEXED BY scim_resources_current_id WHERE connector_id = ? AND gen_to IS NULL",
  );
  if (anyCurrent)
    for (const row of rows.iterate(connectorId) as IterableIterator<CurrentId>)
      if (!seen[row.type].has(row.scimId)) gone.push(row);
  for (const row of gone) {
    close.run(gen, row.rowId);
    removed.push({ type: row.type, scimId: row.scimId, before: null, after: null });
  }

  if (created.length + updated.length + removed.length === 0) {
    return { gen: currentGen, created, updated, removed };
  }
  prepared(sqlite, "UPDATE connectors SET current_gen = ?, updated_at = ? WHERE id = ?").run(gen, now, connectorId);
  return { gen, created, updated, removed };
}

/**
 * A group's members, stored apart from the rest of its body (served-body.ts); users and groups without a members
 * array are stored whole.
 */
function membersApart(resource: Readonly<Record<string, unknown>>): {
  members: readonly unknown[] | null;
  rest: Readonly<Record<string, unknown>>;
} {
  // Checked before the copy: a user (most resources) is stored as it is, without a copy of its every attribute.
  if (!Array.isArray(resource.members)) return { members: null, rest: resource };
  const { members, ...rest } = resource;
  return { members: members as readonly unknown[], rest };
}

/**
 * Weak ETag value: the same content always gives the same version, so an unchanged resource keeps its ETag. It covers
 * a group's members (a membership change is a change of the group), fed apart: the two joined are a copy of
 * megabytes per large group, garbage straight into the old generation (BENCHMARKS.md, "The apply's garbage and the
 * run's peak"). A user is hashed in one shot: a Hash object per user holds native memory until it is collected.
 */
function versionOf(content: string, membersJson: string | null): string {
  const digest =
    membersJson === null
      ? hash("sha256", content, "base64url")
      : createHash("sha256").update(content).update(membersJson).digest("base64url");
  return `W/"${digest.slice(0, 22)}"`;
}

/** Appends `meta` as the last member (served-body.ts relies on that). */
function withMeta(content: string, type: ResourceType, created: string, lastModified: string, version: string): string {
  // Written out rather than stringified from an object: the type and the ISO instants need no escaping.
  const meta = `{"resourceType":"${type}","created":"${created}","lastModified":"${lastModified}","version":${JSON.stringify(version)}}`;
  return content === "{}" ? `{"meta":${meta}}` : `${content.slice(0, -1)},"meta":${meta}}`;
}
