import type { IsoDate } from "../types.js";
import type { CostCenterRow, PeriodicCodeRow, PersonalInfoRow } from "./nmbrs-records.js";

/** Choosing the current record from Nmbrs histories. Pure functions of (rows, today). */

/** The personal-info record with the newest CreationDate; on a tie the later one, as Nmbrs appends history. */
export function currentPersonalInfo<T extends PersonalInfoRow>(rows: readonly T[]): T | null {
  let current: T | null = null;
  for (const row of rows) {
    if (!current || (row.creationDate ?? "") >= (current.creationDate ?? "")) current = row;
  }
  return current;
}

/** What a period-based assignment (function, department, REST manager) is dated by. */
export type PeriodicDated = Pick<PeriodicCodeRow, "startYear" | "startPeriod" | "creationDate">;

/**
 * The function or department in force today: the newest (StartYear, StartPeriod) not after today's period, then the
 * newest CreationDate. Periods are read as months (the common monthly payroll). When every assignment lies in the
 * future (a future starter), the earliest one is what they will start with, so that one is used.
 */
export function currentAssignment<T extends PeriodicDated>(rows: readonly T[], today: IsoDate): T | null {
  const now = Number(today.slice(0, 4)) * 100 + Number(today.slice(5, 7));
  const at = (row: T): number => row.startYear * 100 + row.startPeriod;
  const started = rows.filter((row) => at(row) <= now);
  if (started.length === 0) return rows.reduce<T | null>((earliest, row) => (!earliest || at(row) < at(earliest) ? row : earliest), null);
  return started.reduce((best, row) => {
    if (at(row) !== at(best)) return at(row) > at(best) ? row : best;
    return (row.creationDate ?? "") >= (best.creationDate ?? "") ? row : best;
  });
}

/** The default cost center, else the one with the highest percentage (as HelloID does). */
export function mainCostCenter(rows: readonly CostCenterRow[]): CostCenterRow | null {
  const marked = rows.find((row) => row.isDefault);
  if (marked) return marked;
  return rows.reduce<CostCenterRow | null>((best, row) => (!best || row.percentage > best.percentage ? row : best), null);
}
