import { and, asc, eq } from "drizzle-orm";
import { drizzleOf, type Sqlite } from "../../db/open.js";
import { personExclusions } from "../../db/schema.js";

/** A person an admin excluded from a connector's sync: served exactly as Okta sees them now until included. */
export interface Exclusion {
  readonly connectorId: string;
  readonly scimId: string;
  /** The person as named when excluded ("Jan de Vries (1042, company 3)"). */
  readonly label: string;
  readonly reason: string;
  readonly excludedBy: string;
  /** ISO instant. */
  readonly since: string;
}

// The one owner of `person_exclusions` (migrations/0017_person_exclusions.sql); few rows, so drizzle's builder.

/** Every exclusion, of one connector or of all, ordered by connector and label. */
export function listExclusions(sqlite: Sqlite, connectorId?: string): Exclusion[] {
  return drizzleOf(sqlite)
    .select()
    .from(personExclusions)
    .where(connectorId === undefined ? undefined : eq(personExclusions.connectorId, connectorId))
    .orderBy(asc(personExclusions.connectorId), asc(personExclusions.label))
    .all();
}

/** The SCIM ids a run keeps frozen (the planner's `excluded`). */
export function excludedScimIds(sqlite: Sqlite, connectorId: string): Set<string> {
  const rows = drizzleOf(sqlite)
    .select({ scimId: personExclusions.scimId })
    .from(personExclusions)
    .where(eq(personExclusions.connectorId, connectorId))
    .all();
  return new Set(rows.map((row) => row.scimId));
}

export function exclusionOf(sqlite: Sqlite, connectorId: string, scimId: string): Exclusion | undefined {
  return drizzleOf(sqlite)
    .select()
    .from(personExclusions)
    .where(and(eq(personExclusions.connectorId, connectorId), eq(personExclusions.scimId, scimId)))
    .get();
}

/** Excludes a person; false when they already were (the first reason and date stay). */
export function addExclusion(sqlite: Sqlite, exclusion: Exclusion): boolean {
  const result = drizzleOf(sqlite).insert(personExclusions).values(exclusion).onConflictDoNothing().run();
  return result.changes === 1;
}

/** Ends an exclusion; the removed one, or undefined when the person was not excluded. */
export function removeExclusion(sqlite: Sqlite, connectorId: string, scimId: string): Exclusion | undefined {
  const existing = exclusionOf(sqlite, connectorId, scimId);
  if (!existing) return undefined;
  drizzleOf(sqlite)
    .delete(personExclusions)
    .where(and(eq(personExclusions.connectorId, connectorId), eq(personExclusions.scimId, scimId)))
    .run();
  return existing;
}
