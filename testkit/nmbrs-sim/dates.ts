/**
 * Calendar arithmetic on `YYYY-MM-DD` strings. Pure integer maths (Howard Hinnant's days-from-civil) rather than
 * Date objects: the generator does this about a million times for 100,000 employees, and Date parsing dominated.
 * No time zones are involved, so a simulated day never depends on the host's zone.
 */

export function addDays(date: string, days: number): string {
  return dateFromDayNumber(dayNumber(date) + days);
}

/** A creation timestamp on `date` at the given second of that day, `YYYY-MM-DDTHH:mm:ss`. */
export function timestampOn(date: string, secondOfDay: number): string {
  const day = dayNumber(date) + Math.floor(secondOfDay / 86_400);
  const second = secondOfDay % 86_400;
  return `${dateFromDayNumber(day)}T${pad(Math.floor(second / 3600))}:${pad(Math.floor(second / 60) % 60)}:${pad(second % 60)}`;
}

/** One second after `timestamp` (`YYYY-MM-DD` or `YYYY-MM-DDTHH:mm:ss`), so a new history record is the newest. */
export function nextSecond(timestamp: string): string {
  const seconds =
    timestamp.length === 10
      ? 0
      : Number(timestamp.slice(11, 13)) * 3600 + Number(timestamp.slice(14, 16)) * 60 + Number(timestamp.slice(17, 19));
  return timestampOn(timestamp.slice(0, 10), seconds + 1);
}

/**
 * The payroll period `date` falls in: its month, or its ISO week (weeks from the Monday of the week holding
 * 4 January), or that week's four-week block (week 53 joins block 13). Written apart from the client's own
 * payroll-period.ts, so a misreading in one does not pass the other's tests.
 */
export function payrollPeriodOn(date: string, type: "month" | "four-weeks" | "week"): { year: number; period: number } {
  const year = Number(date.slice(0, 4));
  if (type === "month") return { year, period: Number(date.slice(5, 7)) };
  const day = dayNumber(date);
  const weekYear = [year + 1, year, year - 1].find((candidate) => day >= firstIsoMonday(candidate))!;
  const week = Math.floor((day - firstIsoMonday(weekYear)) / 7) + 1;
  return { year: weekYear, period: type === "week" ? week : Math.min(13, Math.floor((week - 1) / 4) + 1) };
}

/** The Monday on or before 4 January (1970-01-01, day 0, was a Thursday). */
function firstIsoMonday(year: number): number {
  const fourth = dayNumber(`${year}-01-04`);
  return fourth - ((((fourth + 3) % 7) + 7) % 7);
}

/** Days since 1970-01-01. */
function dayNumber(date: string): number {
  let year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  year -= month <= 2 ? 1 : 0;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function dateFromDayNumber(days: number): string {
  const shifted = days + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${year}-${pad(month)}-${pad(day)}`;
}

function pad(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}
