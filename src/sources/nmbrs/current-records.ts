import type { CostCenterRow, PeriodicCodeRow, PersonalInfoRow } from "./records.js";
import { comparePeriods, type PayrollPeriod } from "./payroll-period.js";

/** Choosing the current record from Nmbrs histories. Pure functions of (rows, today's payroll period). */

/** The personal-info record with the newest CreationDate; on a tie the later one, as Nmbrs appends history. */
export function currentPersonalInfo<T extends PersonalInfoRow>(rows: readonly T[]): T | null {
  let current: T | null = null;
  for (const row of rows) {
    if (!current || (row.creationDate ?? "") >= (current.creationDate ?? "")) current = row;
  }
  return current;
}

/** What a period-based assignment (function, department, REST manager or cost center) is dated by. */
export type PeriodicDated = Pick<PeriodicCodeRow, "startYear" | "startPeriod" | "creationDate">;

/**
 * The function or department in force in period `now` (today's period in the company's period type, see
 * payroll-period.ts): the newest (StartYear, StartPeriod) not after `now`, then the newest CreationDate. When every
 * assignment lies in the future (a future starter), the earliest one is what they will start with, so that one is used.
 */
export function currentAssignment<T extends PeriodicDated>(rows: readonly T[], now: PayrollPeriod): T | null {
  return inForce(rows, now, "earliest").at(-1) ?? null;
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
  return mainCostCenter(inForce(rows, now, "none"));
}

/**
 * The rows that share the winning (period, CreationDate), in their order: the ones in force in `now`. When none
 * has started, `future` says whether the earliest planned ones count.
 */
function inForce<T extends PeriodicDated>(rows: readonly T[], now: PayrollPeriod, future: "earliest" | "none"): T[] {
  const at = (row: T): PayrollPeriod => ({ year: row.startYear, period: row.startPeriod });
  const started = rows.filter((row) => comparePeriods(at(row), now) <= 0);
  const candidates = started.length > 0 || future === "none" ? started : rows;
  // Started rows: the latest period wins; only future rows: the earliest one.
  const sign = started.length > 0 ? 1 : -1;
  let best: T | null = null;
  for (const row of candidates) {
    const order =
      best === null
        ? 1
        : sign * comparePeriods(at(row), at(best)) || ((row.creationDate ?? "") >= (best.creationDate ?? "") ? 1 : -1);
    if (order > 0) best = row;
  }
  if (best === null) return [];
  const winner = best;
  return candidates.filter(
    (row) => comparePeriods(at(row), at(winner)) === 0 && (row.creationDate ?? "") === (winner.creationDate ?? ""),
  );
}

/** The default cost center, else the one with the highest percentage (as HelloID does). */
export function mainCostCenter<T extends CostCenterRow>(rows: readonly T[]): T | null {
  const marked = rows.find((row) => row.isDefault);
  if (marked) return marked;
  return rows.reduce<T | null>((best, row) => (!best || row.percentage > best.percentage ? row : best), null);
}
