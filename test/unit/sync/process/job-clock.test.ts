import { describe, expect, it } from "vitest";
import { systemClock } from "../../../../src/clock.js";
import { jobClock } from "../../../../src/sync/process/job-clock.js";

describe("a sync process's clock", () => {
  it("is the system clock unless a test fixed the job's instant", () => {
    expect(jobClock(undefined)).toBe(systemClock);
  });

  it("reads the fixed instant, as a new Date each time", () => {
    const clock = jobClock("2026-01-10T08:00:00.000Z");
    const first = clock();
    first.setUTCFullYear(1999);
    expect(clock().toISOString()).toBe("2026-01-10T08:00:00.000Z");
  });

  it.each([
    ["a date without a time", "2026-01-10", 'fixedNow: Invalid timestamp: Received "2026-01-10"'],
    ["a number", 1_767_945_600_000, "fixedNow: Invalid type: Expected string but received 1767945600000"],
    ["text", "tomorrow", 'fixedNow: Invalid timestamp: Received "tomorrow"'],
  ])("refuses %s, naming the key", (_what, fixedNow, message) => {
    expect(() => jobClock(fixedNow)).toThrow(message);
  });
});
