import { describe, expect, it } from "vitest";
import {
  formatCount,
  formatDuration,
  formatLogTime,
  formatRelative,
  formatTime,
  zonedLocalTime,
} from "../../../../src/console/views/format.js";

describe("log times", () => {
  it.each([
    ["2026-12-07T01:07:13.000Z", "2026-12-07 02:07:13 CET", "winter time"],
    ["2026-07-07T01:07:13.000Z", "2026-07-07 03:07:13 CEST", "summer time"],
    ["2026-10-25T00:30:00.000Z", "2026-10-25 02:30:00 CEST", "the first 02:30 of the autumn change"],
    ["2026-10-25T01:30:00.000Z", "2026-10-25 02:30:00 CET", "the second 02:30 of the autumn change"],
    ["2026-12-31T23:00:00.000Z", "2027-01-01 00:00:00 CET", "midnight of a new year"],
  ])("shows %s as %s (%s): year first, Amsterdam time, zone named", (iso, shown) => {
    expect(formatLogTime(iso)).toBe(shown);
  });
});

describe("times typed in the log filter", () => {
  it.each([
    ["2026-01-15T09:30", "2026-01-15T08:30:00.000Z", "winter time (UTC+1)"],
    ["2026-07-15T09:30", "2026-07-15T07:30:00.000Z", "summer time (UTC+2)"],
    ["2026-03-29T03:30", "2026-03-29T01:30:00.000Z", "just after the spring change"],
  ])("reads %s in Amsterdam as %s (%s)", (typed, instant) => {
    expect(zonedLocalTime(typed)?.toISOString()).toBe(instant);
  });

  it("ignores anything that is not a datetime-local value", () => {
    expect(zonedLocalTime("yesterday")).toBeNull();
    expect(zonedLocalTime(undefined)).toBeNull();
  });
});

describe("durations", () => {
  it.each([
    [840, "840 ms"],
    [12_400, "12 s"],
    [72_000, "1 min 12 s"],
    [120_000, "2 min"],
  ])("%d ms reads %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe("times and numbers per console language", () => {
  const now = new Date("2026-11-28T22:14:00.000Z");

  it.each([
    ["en", "28 Nov 2026, 23:14", "12,345", "3 minutes ago", "in 2 hours"],
    ["nl", "28 nov 2026, 23:14", "12.345", "3 minuten geleden", "over 2 uur"],
  ] as const)("writes %s the way its readers expect", (language, time, count, ago, ahead) => {
    expect(formatTime(now, language)).toBe(time);
    expect(formatCount(12_345, language)).toBe(count);
    expect(formatRelative(new Date(now.getTime() - 3 * 60_000), now, language)).toBe(ago);
    expect(formatRelative(new Date(now.getTime() + 2 * 3_600_000), now, language)).toBe(ahead);
  });
});
