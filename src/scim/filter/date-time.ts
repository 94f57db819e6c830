const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * An xsd:dateTime (RFC 7643 §2.3.5) as the directory stores times: `toISOString()` in UTC, so that string order is
 * time order. Fractions beyond milliseconds are cut (the directory stores milliseconds). Undefined when invalid.
 */
export function normalizeDateTime(text: string): string | undefined {
  const match = DATE_TIME.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, fraction = "", zone = "Z"] = match;
  const millis = Number(fraction.padEnd(3, "0").slice(0, 3));
  const offsetMinutes =
    zone.toUpperCase() === "Z"
      ? 0
      : (zone.startsWith("-") ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  const local = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour),
    Number(minute),
    Number(second),
    millis,
  );
  const date = new Date(local - offsetMinutes * 60_000);
  // Date.UTC silently rolls 2024-02-31 over into March; a calendar date that does not exist is invalid.
  const roundTrip = new Date(local);
  if (
    Number.isNaN(date.getTime()) ||
    roundTrip.getUTCDate() !== Number(day) ||
    roundTrip.getUTCMonth() !== Number(month) - 1
  ) {
    return undefined;
  }
  return date.toISOString();
}
