/** How the console writes times, durations and counts. Times are shown in the appliance's zone (Dutch payroll). */
export const DISPLAY_TIME_ZONE = "Europe/Amsterdam";

const dateTime = new Intl.DateTimeFormat("en-GB", {
  timeZone: DISPLAY_TIME_ZONE,
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

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

/** "28 Nov 2026, 23:14" */
export function formatTime(iso: string | Date): string {
  return dateTime.format(typeof iso === "string" ? new Date(iso) : iso);
}

/**
 * "2026-12-07 03:07:13 CET": log lines, where seconds matter. Year first in ISO order, because "07/12" reads as
 * July to half the world; the zone name, because the same wall-clock hour happens twice when summer time ends.
 */
export function formatLogTime(iso: string): string {
  const part = Object.fromEntries(logTimeParts.formatToParts(new Date(iso)).map((item) => [item.type, item.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}:${part.second} ${part.timeZoneName}`;
}

/** "3 min ago", "in 2 h", "just now". */
export function formatRelative(iso: string | Date, now: Date): string {
  const then = typeof iso === "string" ? Date.parse(iso) : iso.getTime();
  const seconds = Math.round((then - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return "just now";
  const [value, unit] =
    abs < 3600 ? [Math.round(abs / 60), "min"] : abs < 86_400 * 2 ? [Math.round(abs / 3600), "h"] : [Math.round(abs / 86_400), "days"];
  return seconds < 0 ? `${value} ${unit} ago` : `in ${value} ${unit}`;
}

/** "1 min 12 s", "840 ms". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return seconds % 60 === 0 ? `${minutes} min` : `${minutes} min ${seconds % 60} s`;
}

export function formatCount(value: number | undefined | null): string {
  return (value ?? 0).toLocaleString("en-US");
}

/** "1 person", "3 people"-style plurals. */
export function plural(count: number, one: string, many: string): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/**
 * "2026-11-28T14:30" typed in a datetime-local field, read as a wall-clock time in `timeZone`, as an instant; null
 * when it is not such a value.
 */
export function zonedLocalTime(value: string | undefined, timeZone: string = DISPLAY_TIME_ZONE): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value ?? "");
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
    new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })
      .formatToParts(new Date(instant))
      .map((part) => [part.type, Number(part.value)]),
  ) as Record<string, number>;
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!) - Math.floor(instant / 1000) * 1000;
}
