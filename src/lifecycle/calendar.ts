import type { IsoDate } from "../sources/types.js";

/**
 * Calendar arithmetic on `YYYY-MM-DD` strings. HR systems record days, not instants, so every lifecycle rule works
 * on dates; the only place an instant becomes a date is {@link todayIn}, in the connector's time zone.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar date at `instant` in `timeZone`. 2026-03-28T23:30Z is already the 29th in Amsterdam; using the
 * zone's own date (never "UTC date + offset") keeps the days around a DST change right.
 */
export function todayIn(timeZone: string, instant: Date): IsoDate {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

const DAY_MS = 86_400_000;

/**
 * Dates already moved, by offset: a plan moves the same few dates (a company's start and end dates) by the same few
 * offsets (the connector's days before, after and of retention) for every person, and parsing and formatting a Date
 * each time was most of its calendar work (BENCHMARKS.md, "What a first sync keeps alive"). The offsets come from
 * the configuration, so they are few; each offset's dates are forgotten past a bound, for a gateway that runs for
 * years.
 */
const moved = new Map<number, Map<IsoDate, IsoDate>>();
const MOVED_DATES_KEPT = 20_000;

/** `date` moved by `days` (negative: earlier). Computed on UTC midnights, so no time zone can shift it. */
export function addDays(date: IsoDate, days: number): IsoDate {
  let byDate = moved.get(days);
  if (byDate === undefined) {
    byDate = new Map();
    moved.set(days, byDate);
  }
  let result = byDate.get(date);
  if (result === undefined) {
    result = new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
    if (byDate.size >= MOVED_DATES_KEPT) byDate.clear();
    byDate.set(date, result);
  }
  return result;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True for a real calendar date written as `YYYY-MM-DD` (not 2026-02-30). Runs for every period of every run. */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]!) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month !== 2 || day < 29 || leap;
}
