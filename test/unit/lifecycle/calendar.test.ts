import { describe, expect, it } from "vitest";
import { addDays, isIsoDate, todayIn } from "../../../src/lifecycle/calendar.js";

describe("todayIn: the calendar date in the connector's time zone", () => {
  it.each([
    [
      "23:30 UTC is already the next day in Amsterdam (winter, UTC+1)",
      "2026-01-14T23:30:00Z",
      "Europe/Amsterdam",
      "2026-01-15",
    ],
    ["22:59 UTC is still the same day in Amsterdam (winter)", "2026-01-14T22:59:00Z", "Europe/Amsterdam", "2026-01-14"],
    ["the same instant is the earlier day in UTC", "2026-01-14T23:30:00Z", "UTC", "2026-01-14"],
    ["summer time: 22:30 UTC is 00:30 in Amsterdam (UTC+2)", "2026-07-01T22:30:00Z", "Europe/Amsterdam", "2026-07-02"],
    ["summer time: 21:59 UTC is 23:59 in Amsterdam", "2026-07-01T21:59:00Z", "Europe/Amsterdam", "2026-07-01"],
    [
      "DST starts (29 March 2026): 23:30 UTC the evening before is the 29th",
      "2026-03-28T23:30:00Z",
      "Europe/Amsterdam",
      "2026-03-29",
    ],
    [
      "DST starts: 22:30 UTC on the 29th is 00:30 CEST on the 30th",
      "2026-03-29T22:30:00Z",
      "Europe/Amsterdam",
      "2026-03-30",
    ],
    [
      "DST ends (25 October 2026): 22:30 UTC on the 24th is 00:30 CEST on the 25th",
      "2026-10-24T22:30:00Z",
      "Europe/Amsterdam",
      "2026-10-25",
    ],
    [
      "DST ends: 22:30 UTC on the 25th is 23:30 CET, still the 25th",
      "2026-10-25T22:30:00Z",
      "Europe/Amsterdam",
      "2026-10-25",
    ],
    ["west of UTC the date is earlier", "2026-03-01T03:00:00Z", "America/New_York", "2026-02-28"],
  ])("%s", (_rule, instant, zone, expected) => {
    expect(todayIn(zone, new Date(instant))).toBe(expected);
  });
});

describe("addDays", () => {
  it.each([
    ["2026-01-31", 1, "2026-02-01"],
    ["2026-03-01", -14, "2026-02-15"],
    ["2028-02-28", 1, "2028-02-29"],
    ["2026-12-31", 1, "2027-01-01"],
    ["2026-11-07", 90, "2027-02-05"],
    ["2026-03-28", 2, "2026-03-30"],
    ["2026-05-05", 0, "2026-05-05"],
  ])("%s + %i days = %s (time zones and DST cannot shift it)", (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it("moves dates right after more of them than it remembers, and when asked again", () => {
    // Day by day from 1970 past 2040: more dates than addDays keeps per offset, so its memory is cleared on the way.
    let dayByDay = "1970-01-01";
    const days = 26_000;
    for (let day = 1; day <= days; day++) {
      dayByDay = addDays(dayByDay, 1);
      expect(addDays("1970-01-01", day)).toBe(dayByDay);
    }
    expect(dayByDay).toBe("2041-03-09");
    expect(addDays(dayByDay, -days)).toBe("1970-01-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
  });
});

describe("isIsoDate", () => {
  it.each([
    ["2026-02-28", true],
    ["2028-02-29", true],
    ["2026-02-29", false],
    ["2026-13-01", false],
    ["26-01-01", false],
    ["2026-01-01T00:00:00", false],
    ["2100-02-29", false],
    ["2000-02-29", true],
    ["2026-04-31", false],
    ["2026-00-10", false],
  ])("%s → %s", (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});
