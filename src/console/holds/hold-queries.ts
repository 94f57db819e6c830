import type { Sqlite } from "../../db/open.js";
import { prepared } from "../../db/statements.js";
import type { StoredHold } from "../../sync/holds/person-holds.js";
import { readRun } from "../../sync/run-records.js";

/** What the Holds page shows of a held person besides the hold itself (from the console's HR list). */
export interface HeldPerson {
  readonly name: string;
  readonly employeeNumber: string | null;
  readonly companyName: string | null;
}

/** The held people's names, employee numbers and company names by SCIM id (hr_list primary key). */
export function heldPeople(sqlite: Sqlite, scimIds: readonly string[]): Map<string, HeldPerson> {
  const rows = prepared(
    sqlite,
    `SELECT scim_id AS scimId, display_name AS name, employee_number AS employeeNumber, company_name AS companyName
     FROM hr_list WHERE scim_id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(scimIds)) as (HeldPerson & { scimId: string })[];
  return new Map(rows.map(({ scimId, ...person }) => [scimId, person]));
}

/** Why the brake tripped, per run that first held someone still waiting (the run's stats keep it). */
export interface BrakeTrip {
  readonly runId: number;
  /** null when the run was purged since. */
  readonly at: string | null;
  /** null for a run recorded before runs kept the reason. */
  readonly reason: string | null;
}

export function brakeTrips(sqlite: Sqlite, holds: readonly StoredHold[]): BrakeTrip[] {
  const runIds = [
    ...new Set(
      holds.filter((hold) => hold.kind === "brake" && hold.status !== "approved").map((hold) => hold.firstRunId),
    ),
  ].sort((a, b) => a - b);
  return runIds.map((runId) => {
    const run = readRun(sqlite, runId);
    return { runId, at: run?.finishedAt ?? null, reason: run?.stats?.brake ?? null };
  });
}
