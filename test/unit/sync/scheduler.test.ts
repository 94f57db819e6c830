import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../../src/logging/logger.js";
import { dailyPattern, previewSchedule, Scheduler } from "../../../src/sync/scheduler.js";
import { connectorSettings } from "../../support/hr-data.js";

const schedulers: Scheduler[] = [];
afterEach(() => schedulers.splice(0).forEach((scheduler) => scheduler.stop()));

function scheduler(run: (connectorId: string, trigger: string) => Promise<unknown> = async () => undefined) {
  const created = new Scheduler({ run, logger: silentLogger() });
  schedulers.push(created);
  return created;
}

describe("previewSchedule: the next runs of a cron expression, for the connector form", () => {
  it.each([
    [
      "hourly at :15 in Amsterdam",
      "15 * * * *",
      "Europe/Amsterdam",
      "2026-01-10T08:20:00Z",
      ["2026-01-10T09:15:00.000Z", "2026-01-10T10:15:00.000Z"],
    ],
    [
      "daily at 06:00 Amsterdam in winter (UTC+1)",
      "0 6 * * *",
      "Europe/Amsterdam",
      "2026-01-10T08:00:00Z",
      ["2026-01-11T05:00:00.000Z", "2026-01-12T05:00:00.000Z"],
    ],
    [
      "daily at 06:00 Amsterdam across the DST change",
      "0 6 * * *",
      "Europe/Amsterdam",
      "2026-03-28T12:00:00Z",
      ["2026-03-29T04:00:00.000Z", "2026-03-30T04:00:00.000Z"],
    ],
    [
      "weekdays at 07:30 UTC",
      "30 7 * * 1-5",
      "UTC",
      "2026-01-09T08:00:00Z",
      ["2026-01-12T07:30:00.000Z", "2026-01-13T07:30:00.000Z"],
    ],
  ])("%s", (_case, expression, zone, from, expected) => {
    const preview = previewSchedule(expression, zone, 2, new Date(from));
    expect("runs" in preview && preview.runs.map((run) => run.toISOString())).toEqual(expected);
  });

  it("explains an expression it cannot use", () => {
    const preview = previewSchedule("61 * * * *", "Europe/Amsterdam", 3);
    expect("problem" in preview && preview.problem).toBe('"61 * * * *" cannot run: the minute must be 0–59');
  });
});

describe("Scheduler", () => {
  it.each([
    ["00:05", "5 0 * * *"],
    ["23:45", "45 23 * * *"],
  ])("re-evaluates daily at %s local time (%s)", (time, pattern) => {
    expect(dailyPattern(time)).toBe(pattern);
  });

  it("exposes each connector's next scheduled run and next daily re-evaluation, in its time zone", () => {
    const jobs = scheduler();
    jobs.schedule([
      connectorSettings({ schedule: "15 * * * *", timezone: "Europe/Amsterdam", reevaluate_at: "00:05" }),
    ]);
    const next = jobs.nextRuns("acme");
    expect(next?.schedule?.getUTCMinutes()).toBe(15);
    const daily = next!.daily!;
    expect(new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Amsterdam", timeStyle: "short" }).format(daily)).toBe(
      "00:05",
    );
    expect(jobs.nextRuns("other")).toBeUndefined();
  });

  it("starts runs with the trigger that caused them, and stops on request", async () => {
    const started: string[] = [];
    let ran!: () => void;
    const first = new Promise<void>((resolve) => (ran = resolve));
    const jobs = scheduler(async (connectorId, trigger) => {
      started.push(`${connectorId}:${trigger}`);
      ran();
    });
    jobs.schedule([connectorSettings({ schedule: "* * * * * *" })]); // every second (croner's seconds field)
    await first;
    jobs.stop();
    expect(started[0]).toBe("acme:schedule");
    expect(jobs.nextRuns("acme")).toBeUndefined();
  });

  // A value an older version stored, or one written around the console: settings are not re-validated on the way in.
  it.each([
    ["a schedule croner rejects", { schedule: "61 * * * *" }, /"61 \* \* \* \*" cannot run: the minute must be 0–59/],
    [
      "a daily re-evaluation time past midnight",
      { reevaluateAt: "24:30" },
      /daily re-evaluation at "24:30": "30 24 \* \* \*" cannot run: the hour must be 0–23/,
    ],
    ["a schedule that never runs", { schedule: "0 0 30 2 *" }, /never runs/],
    ["a time zone that does not exist", { timezone: "Mars/Olympus" }, /^time zone "Mars\/Olympus" cannot be used$/],
  ])("a connector with %s is not scheduled and says why; the others are", (_case, broken, reason) => {
    const jobs = scheduler();
    const bad = { ...connectorSettings({ id: "bad" }), ...broken };
    expect(() =>
      jobs.schedule([connectorSettings({ id: "first" }), bad, connectorSettings({ id: "last" })]),
    ).not.toThrow();
    expect(jobs.nextRuns("first")?.schedule).toBeInstanceOf(Date);
    expect(jobs.nextRuns("last")?.schedule).toBeInstanceOf(Date);
    expect(jobs.nextRuns("bad")).toMatchObject({ schedule: null, daily: null, problem: expect.stringMatching(reason) });
    expect(jobs.nextRuns("first")?.problem).toBeNull();
  });

  it("keeps scheduling when a run cannot start", async () => {
    let attempts = 0;
    let twice!: () => void;
    const done = new Promise<void>((resolve) => (twice = resolve));
    const jobs = scheduler(async () => {
      if (++attempts === 2) twice();
      throw new Error("a sync of acme is already running in process 123");
    });
    jobs.schedule([connectorSettings({ schedule: "* * * * * *" })]);
    await done;
    expect(attempts).toBeGreaterThanOrEqual(2);
  });
});
