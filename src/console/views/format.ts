import { LANGUAGES, LOCALES, type Language } from "../i18n/language.js";

/**
 * How the console writes times, durations and counts, per console language (Intl does the wording). Times are shown
 * in the appliance's zone (Dutch payroll).
 */
export const DISPLAY_TIME_ZONE = "Europe/Amsterdam";

/** Intl formatters are costly to build and safe to share, so each language's are built once. */
function perLanguage<T>(make: (locale: string) => T): Readonly<Record<Language, T>> {
  return Object.fromEntries(LANGUAGES.map((language) => [language, make(LOCALES[language])])) as Record<Language, T>;
}

const dateTime = perLanguage(
  (locale) =>
    new Intl.DateTimeFormat(locale, {
      timeZone: DISPLAY_TIME_ZONE,
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
    }),
);
const relative = perLanguage((locale) => new Intl.RelativeTimeFormat(locale, { numeric: "auto", style: "long" }));
const counts = perLanguage((locale) => new Intl.NumberFormat(locale));

const logTimeParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: DISPLAY_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
  timeZoneName: "short",
});

/** "28 Nov 2026, 23:14" in English, "28 nov 2026, 23:14" in Dutch. */
export function formatTime(iso: string | Date, language: Language): string {
  return dateTime[language].format(typeof iso === "string" ? new Date(iso) : iso);
}

/**
 * "2026-12-07 03:07:13 CET": log lines, where seconds matter. Year first in ISO order, because "07/12" reads as
 * July to half the world; the zone name, because the same wall-clock hour happens twice when summer time ends.
 */
export function formatLogTime(iso: string): string {
  const part = Object.fromEntries(logTimeParts.formatToParts(new Date(iso)).map((item) => [item.type, item.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}:${part.second} ${part.timeZoneName}`;
}

/** "3 minutes ago", "in 2 hours", "now" / "3 minuten geleden", "over 2 uur", "nu". */
export function formatRelative(iso: string | Date, now: Date, language: Language): string {
  const then = typeof iso === "string" ? Date.parse(iso) : iso.getTime();
  const seconds = Math.round((then - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  const [value, unit]: [number, Intl.RelativeTimeFormatUnit] =
    abs < 45
      ? [0, "second"]
      : abs < 3600
        ? [Math.round(abs / 60), "minute"]
        : abs < 86_400 * 2
          ? [Math.round(abs / 3600), "hour"]
          : [Math.round(abs / 86_400), "day"];
  return relative[language].format(seconds < 0 ? -value : value, unit);
}

/** "1 min 12 s", "840 ms". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return seconds % 60 === 0 ? `${minutes} min` : `${minutes} min ${seconds % 60} s`;
}

/** "12,345" / "12.345". */
export function formatCount(value: number | undefined | null, language: Language): string {
  return counts[language].format(value ?? 0);
}

/**
 * "2026-11-28T14:30" typed in a datetime-local field, read as a wall-clock time in `timeZone`, as an instant; null
 * when it is not such a value.
 */
export function zonedLocalTime(value: string | undefined, timeZone: string = DISPLAY_TIME_ZONE): Date | null {
  const match = (value ?? "").match(/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/);
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, Number.isNaN(s) ? 0 : s);
  // The zone's offset at that moment, found by formatting the UTC guess in the zone (twice, for DST edges).
  let instant = asUtc - offsetAt(asUtc, timeZone);
  instant = asUtc - offsetAt(instant, timeZone);
  return Number.isNaN(instant) ? null : new Date(instant);
}

function offsetAt(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(new Date(instant))
      .map((part) => [part.type, Number(part.value)]),
  ) as Record<string, number>;
  return (
    Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!) -
    Math.floor(instant / 1000) * 1000
  );
}
