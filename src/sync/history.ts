import { and, asc, count, desc, eq, gt, lt } from "drizzle-orm";
import { drizzleOf, type Sqlite } from "../db/open.js";
import { hrList, personChanges } from "../db/schema.js";
import { prepared } from "../db/statements.js";
import type { ChangedResource } from "../directory/resource.js";
import type { StateTransition } from "./plan-types.js";

/** One row of `person_changes`. */
export interface ChangeRow {
  readonly scimId: string;
  readonly field: string;
  readonly oldValue: string | null;
  readonly newValue: string | null;
  readonly reason: string | null;
}

// `active` is left to the "state" row, which says why; `meta`, `id` and `schemas` are the directory's bookkeeping.
const NOT_HISTORY: ReadonlySet<string> = new Set(["meta", "id", "schemas", "active"]);

/**
 * The history an applied run leaves: one "state" row per lifecycle transition, with its reason, and one row per
 * changed attribute of every updated user. A new user's attributes are not listed one by one: its resource is in
 * the directory, and "state: pending → active" already says when and why it appeared.
 */
export function* historyRows(
  transitions: Iterable<StateTransition>,
  updatedUsers: Iterable<ChangedResource>,
): Generator<ChangeRow> {
  for (const transition of transitions) {
    yield {
      scimId: transition.scimId,
      field: "state",
      oldValue: transition.from,
      newValue: transition.to,
      reason: transition.reason,
    };
  }
  for (const user of updatedUsers) {
    if (user.type !== "User" || user.before === null || user.after === null) continue;
    const before = attributeValues(JSON.parse(user.before));
    const after = attributeValues(JSON.parse(user.after));
    for (const field of new Set([...before.keys(), ...after.keys()])) {
      const oldValue = before.get(field) ?? null;
      const newValue = after.get(field) ?? null;
      if (oldValue !== newValue) yield { scimId: user.scimId, field, oldValue, newValue, reason: null };
    }
  }
}

/**
 * Attribute path → value as text. Paths follow SCIM's attribute notation ("name.givenName",
 * "urn:…:enterprise:2.0:User:department"); multi-valued attributes (emails, members) are compared whole. Top-level
 * attributes in `skip` are left out (the run preview keeps `active`, sync/preview/field-changes.ts).
 */
export function attributeValues(
  resource: Record<string, unknown>,
  skip: ReadonlySet<string> = NOT_HISTORY,
): Map<string, string> {
  return flatten(resource, skip, "", "");
}

function flatten(
  resource: Record<string, unknown>,
  skip: ReadonlySet<string>,
  prefix: string,
  separator: string,
): Map<string, string> {
  const values = new Map<string, string>();
  for (const [key, value] of Object.entries(resource)) {
    if (prefix === "" && skip.has(key)) continue;
    const path = `${prefix}${separator}${key}`;
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      // Inside an extension the first step is written with ":" (urn:…:User:department), deeper steps with ".".
      const inner = prefix === "" && key.startsWith("urn:") ? ":" : ".";
      for (const [innerPath, text] of flatten(value as Record<string, unknown>, skip, path, inner))
        values.set(innerPath, text);
    } else {
      values.set(path, typeof value === "string" ? value : JSON.stringify(value));
    }
  }
  return values;
}

export function writeHistory(
  sqlite: Sqlite,
  connectorId: string,
  runId: number,
  rows: Iterable<ChangeRow>,
  at: string,
): number {
  // Part of the run's bulk apply (thousands of rows in one transaction): one prepared statement, no builder per row.
  const insert = prepared(
    sqlite,
    `INSERT INTO person_changes (run_id, connector_id, scim_id, at, field, old_value, new_value, reason)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let count = 0;
  for (const row of rows) {
    insert.run(runId, connectorId, row.scimId, at, row.field, row.oldValue, row.newValue, row.reason);
    count++;
  }
  return count;
}

/** Deletes history older than `before` (ISO instant); uses the person_changes_by_time index. */
export function purgeHistory(sqlite: Sqlite, connectorId: string, before: string): number {
  return drizzleOf(sqlite)
    .delete(personChanges)
    .where(and(eq(personChanges.connectorId, connectorId), lt(personChanges.at, before)))
    .run().changes;
}

/** One person's history row, as the console and the data-subject export show it. */
export interface PersonChange {
  readonly id: number;
  readonly runId: number;
  readonly at: string;
  readonly field: string;
  readonly oldValue: string | null;
  readonly newValue: string | null;
  readonly reason: string | null;
}

/** Newest first (person_changes_by_person). */
export function personHistory(sqlite: Sqlite, connectorId: string, scimId: string, limit: number): PersonChange[] {
  const { id, runId, at, field, oldValue, newValue, reason } = personChanges;
  return drizzleOf(sqlite)
    .select({ id, runId, at, field, oldValue, newValue, reason })
    .from(personChanges)
    .where(and(eq(personChanges.connectorId, connectorId), eq(personChanges.scimId, scimId)))
    .orderBy(desc(personChanges.id))
    .limit(limit)
    .all();
}

/** One run's history row, with the person's name while they are in the HR list. */
export interface RunChange {
  readonly id: number;
  readonly scimId: string;
  readonly name: string | null;
  readonly field: string;
  readonly oldValue: string | null;
  readonly newValue: string | null;
  readonly reason: string | null;
}

/** A run's history rows after `afterId`, in order (person_changes_by_run, hr_list primary key). */
export function runChanges(sqlite: Sqlite, runId: number, afterId: number, limit: number): RunChange[] {
  const { id, scimId, field, oldValue, newValue, reason } = personChanges;
  return drizzleOf(sqlite)
    .select({ id, scimId, name: hrList.displayName, field, oldValue, newValue, reason })
    .from(personChanges)
    .leftJoin(hrList, eq(hrList.scimId, personChanges.scimId))
    .where(and(eq(personChanges.runId, runId), gt(personChanges.id, afterId)))
    .orderBy(asc(personChanges.id))
    .limit(limit)
    .all();
}

export function countRunChanges(sqlite: Sqlite, runId: number): number {
  return (
    drizzleOf(sqlite).select({ rows: count() }).from(personChanges).where(eq(personChanges.runId, runId)).get()?.rows ??
    0
  );
}

/** One history row of a run, named by the person's source key (their SCIM id once the person is gone). */
export interface RunChangeByPerson {
  readonly person: string;
  readonly field: string;
  readonly oldValue: string | null;
  readonly newValue: string | null;
  readonly reason: string | null;
}

/** Every history row a run wrote, in order (the preview's verdict compares them with what it predicted). */
export function changesOfRun(sqlite: Sqlite, runId: number): RunChangeByPerson[] {
  // person_changes_by_run; people by their unique scim_id.
  return prepared(
    sqlite,
    `SELECT coalesce(p.source_key, c.scim_id) AS person, c.field, c.old_value AS oldValue, c.new_value AS newValue, c.reason
     FROM person_changes c LEFT JOIN people p ON p.scim_id = c.scim_id WHERE c.run_id = ? ORDER BY c.id`,
  ).all(runId) as RunChangeByPerson[];
}
