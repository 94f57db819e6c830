import type { HrPeriod, IsoDate } from "../sources/types.js";
import { addDays, isIsoDate } from "./calendar.js";

/** One uninterrupted stretch of work: employments and contracts that overlap or follow each other day to day. */
export interface WorkPeriod {
  readonly start: IsoDate;
  /** Last working day, inclusive; null = open-ended. */
  readonly end: IsoDate | null;
  /** What the stretch is made of, for the reasons shown to admins. */
  readonly kind: "employment" | "contract";
}

/**
 * Merges employments and contracts into uninterrupted work periods, oldest first. Both kinds count, because Nmbrs
 * customers record a person's time with either. Periods merge when they overlap or are back to back (a contract
 * ending on the 31st and the next starting on the 1st is one stretch); an open-ended period swallows every later one.
 * A period without a start, or ending before it starts, cannot make anyone active and is ignored.
 */
export function mergeWorkPeriods(periods: readonly HrPeriod[]): WorkPeriod[] {
  const usable = periods
    .filter(
      (period): period is HrPeriod & { start: IsoDate } =>
        period.start !== null &&
        isIsoDate(period.start) &&
        (period.end === null || (isIsoDate(period.end) && period.end >= period.start)),
    )
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const merged: { start: IsoDate; end: IsoDate | null; kind: WorkPeriod["kind"] }[] = [];
  for (const period of usable) {
    const last = merged.at(-1);
    if (last && (last.end === null || period.start <= addDays(last.end, 1))) {
      if (last.end !== null && (period.end === null || period.end > last.end)) last.end = period.end;
      if (period.kind === "employment") last.kind = "employment";
      continue;
    }
    merged.push({ start: period.start, end: period.end, kind: period.kind });
  }
  return merged;
}

/** "employment 2024-02-01–open", as admins read it in reasons and history. */
export function describeWorkPeriod(period: WorkPeriod): string {
  return `${period.kind} ${period.start}–${period.end ?? "open"}`;
}
