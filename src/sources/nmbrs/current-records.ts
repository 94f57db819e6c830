import type { CostCenterRow, PeriodicCodeRow, PersonalInfoRow } from "./records.js";
import { comparePeriods, type PayrollPeriod } from "./payroll-period.js";

/** Choosing the current record from Nmbrs histories. Pure functions of (rows, today's payroll period). */

/** The personal-info record with the newest CreationDate; on a tie the later one, as Nmbrs appends history. */
export function currentPersonalInfo<T extends PersonalInfoRow>(rows: readonly T[]): T | null {
  let current: T | null = null;
  for (const row of rows) current = newerPersonalInfo(current, row);
  return current;
}

/**
 * Of the current personal-info record so far and the next one, the current one: folding a history with it gives
 * {@link currentPersonalInfo}, so a reader can keep one record per employee instead of the history.
 */
export function newerPersonalInfo<T extends PersonalInfoRow>(current: T | null, row: T): T {
  return !current || (row.creationDate ?? "") >= (current.creationDate ?? "") ? row : current;
}

/** What a period-based assignment (function, department, REST manager or cost center) is dated by. */
export type PeriodicDated = Pick<PeriodicCodeRow, "startYear" | "startPeriod" | "creationDate">;

/**
 * The function or department in force in period `now` (today's period in the company's period type, see
 * payroll-period.ts): the newest (StartYear, StartPeriod) not after `now`, then the newest CreationDate, on a tie the
 * later row. When every assignment lies in the future (a future starter), the earliest one is what they will start
 * with, so that one is used.
 */
export function currentAssignment<T extends PeriodicDated>(rows: readonly T[], now: PayrollPeriod): T | null {
  let current: T | null = null;
  for (const row of rows) current = assignmentInForce(current, row, now);
  return current;
}

/**
 * Of the assignment in force so far and the next row, the one {@link currentAssignment} picks: a started one over a
 * future one, of two started the later period, of two future ones the earlier, then the newer CreationDate, and on a
 * tie the later row. A reader folds a history with it to keep one row per employee instead of the history.
 */
export function assignmentInForce<T extends PeriodicDated>(current: T | null, row: T, now: PayrollPeriod): T {
  if (!current) return row;
  const started = startedBy(row, now);
  if (started !== startedBy(current, now)) return started ? row : current;
  // Started rows: the latest period wins; future rows: the earliest one.
  const order = (started ? 1 : -1) * comparePeriods(at(row), at(current));
  if (order !== 0) return order > 0 ? row : current;
  return (row.creationDate ?? "") >= (current.creationDate ?? "") ? row : current;
}

function startedBy(row: PeriodicDated, now: PayrollPeriod): boolean {
  return comparePeriods(at(row), now) <= 0;
}

function at(row: PeriodicDated): PayrollPeriod {
  return { year: row.startYear, period: row.startPeriod };
}

/**
 * REST's cost centers are a history (`period`, `createdAt`): every change adds the employee's whole split again.
 * The split in force is the rows of the newest period not after `now`, of those the newest `createdAt` (a
 * correction within one period); of that split the main one (see {@link mainCostCenter}). Before the first split
 * starts there is none, as SOAP answers for today's period, so a switch between the APIs changes nothing.
 */
export function currentCostCenter<T extends CostCenterRow & PeriodicDated>(
  rows: readonly T[],
  now: PayrollPeriod,
): T | null {
  return mainCostCenter(inForce(rows, now));
}

/** The rows that share the winning (period, CreationDate) of those started by `now`, in their order: the split in force. */
function inForce<T extends PeriodicDated>(rows: readonly T[], now: PayrollPeriod): T[] {
  const started = rows.filter((row) => startedBy(row, now));
  const winner = started.reduce<T | null>((best, row) => assignmentInForce(best, row, now), null);
  if (winner === null) return [];
  return started.filter(
    (row) => comparePeriods(at(row), at(winner)) === 0 && (row.creationDate ?? "") === (winner.creationDate ?? ""),
  );
}

/** The default cost center, else the one with the highest percentage (as HelloID does). */
export function mainCostCenter<T extends CostCenterRow>(rows: readonly T[]): T | null {
  const marked = rows.find((row) => row.isDefault);
  if (marked) return marked;
  return rows.reduce<T | null>((best, row) => (!best || row.percentage > best.percentage ? row : best), null);
}
