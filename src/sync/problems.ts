import { and, asc, count, eq, or } from "drizzle-orm";
import { drizzleOf, type Sqlite } from "../db/open.js";
import { problems as problemsTable } from "../db/schema.js";
import { prepared } from "../db/statements.js";
import type { Problem, ProblemKind } from "./plan-types.js";

/** Replaces the connector's problem list with what the latest complete read found (a fixed problem disappears). */
export function replaceProblems(sqlite: Sqlite, connectorId: string, runId: number, problems: Iterable<Problem>): void {
  prepared(sqlite, "DELETE FROM problems WHERE connector_id = ?").run(connectorId);
  // Part of the run's bulk apply (a problem per person is possible): one prepared statement, no builder per row.
  const insert = prepared(
    sqlite,
    "INSERT INTO problems (connector_id, run_id, kind, source_key, scim_id, detail) VALUES (?, ?, ?, ?, ?, ?)",
  );
  for (const problem of problems)
    insert.run(connectorId, runId, problem.kind, problem.sourceKey, problem.scimId, problem.detail);
}

export function readProblems(sqlite: Sqlite, connectorId: string): Problem[] {
  const { kind, sourceKey, scimId, detail } = problemsTable;
  return drizzleOf(sqlite)
    .select({ kind, sourceKey, scimId, detail })
    .from(problemsTable)
    .where(eq(problemsTable.connectorId, connectorId))
    .orderBy(asc(kind), asc(problemsTable.id))
    .all() as Problem[];
}

/** How many problems of each kind the connector's latest complete read found (the dashboard). */
export function problemCounts(sqlite: Sqlite, connectorId: string): Record<string, number> {
  const rows = drizzleOf(sqlite)
    .select({ kind: problemsTable.kind, count: count() })
    .from(problemsTable)
    .where(eq(problemsTable.connectorId, connectorId))
    .groupBy(problemsTable.kind)
    .all();
  return Object.fromEntries(rows.map((row) => [row.kind, row.count]));
}

/** The problems about one person, found by SCIM id or by source key (a person without an id yet). */
export function problemsOfPerson(
  sqlite: Sqlite,
  connectorId: string,
  person: { readonly scimId: string; readonly sourceKey: string },
): { kind: string; detail: string }[] {
  return drizzleOf(sqlite)
    .select({ kind: problemsTable.kind, detail: problemsTable.detail })
    .from(problemsTable)
    .where(
      and(
        eq(problemsTable.connectorId, connectorId),
        or(eq(problemsTable.scimId, person.scimId), eq(problemsTable.sourceKey, person.sourceKey)),
      ),
    )
    .orderBy(asc(problemsTable.id))
    .all();
}

/** The details of one kind of problem about a person (by SCIM id), oldest first. */
export function problemDetails(sqlite: Sqlite, connectorId: string, scimId: string, kind: ProblemKind): string[] {
  return drizzleOf(sqlite)
    .select({ detail: problemsTable.detail })
    .from(problemsTable)
    .where(
      and(eq(problemsTable.connectorId, connectorId), eq(problemsTable.scimId, scimId), eq(problemsTable.kind, kind)),
    )
    .orderBy(asc(problemsTable.id))
    .all()
    .map((row) => row.detail);
}
