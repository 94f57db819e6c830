import { describe, expect, it } from "vitest";
import { consentDaysLeft, consentExpiresAt, consentReminderDue } from "../../../src/connectors/nmbrs-consent-age.js";

const CONSENT = "2026-03-01T09:00:00.000Z";

describe("the worst-case age of an Nmbrs consent", () => {
  it("ends 30 days after the consent, whatever happened since", () => {
    expect(consentExpiresAt(CONSENT).toISOString()).toBe("2026-03-31T09:00:00.000Z");
  });

  it.each([
    ["right after the consent", "2026-03-01T09:00:00.000Z", 30],
    ["a minute later", "2026-03-01T09:01:00.000Z", 30],
    ["23 days later to the minute", "2026-03-24T09:00:00.000Z", 7],
    ["a minute past 23 days", "2026-03-24T09:01:00.000Z", 7],
    ["on the last day", "2026-03-30T10:00:00.000Z", 1],
    ["at the end", "2026-03-31T09:00:00.000Z", 0],
    ["after the end", "2026-04-02T09:00:00.000Z", -2],
  ])("counts whole days left, rounded up: %s", (_case, now, days) => {
    expect(consentDaysLeft(CONSENT, new Date(now))).toBe(days);
  });
});

describe("reminders before a consent ends", () => {
  it.each([
    ["long before the first threshold", 8, null, null],
    ["at 7 days, nothing sent yet", 7, null, 7],
    ["still 7 days after the 7-day reminder", 7, 7, null],
    ["3 days after the 7-day reminder", 3, 7, null],
    ["at 2 days after the 7-day reminder", 2, 7, 2],
    ["1 day left after both", 1, 2, null],
    ["at 2 days when the 7-day reminder was missed: only the nearest", 2, null, 2],
    ["after the end: the refused renewal reports it", 0, 7, null],
  ])("%s", (_case, daysLeft, lastSent, due) => {
    expect(consentReminderDue(daysLeft, lastSent)).toBe(due);
  });
});
