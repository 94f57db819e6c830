import { Cron } from "croner";
import type { ConnectorConfig } from "./types.js";

/**
 * Youforce grants an app 400 authentication calls a month (the Youforce spec §1); every run takes one token, so a
 * schedule that fires more than this many times a day (31 × 12 = 372) spends the quota before the month ends.
 */
export const YOUFORCE_RUNS_PER_DAY = 12;

/**
 * The most times `schedule` fires on one day of a week, counted by croner (the library that runs it) in `timezone`
 * from a fixed Monday, so weekday patterns count on the days they fire. Counting stops past `limit`.
 */
export function busiestDayRuns(schedule: string, timezone: string, limit = YOUFORCE_RUNS_PER_DAY): number {
  const cron = new Cron(schedule, { paused: true, timezone });
  try {
    let busiest = 0;
    let day = Date.parse("2026-01-05T00:00:00Z");
    for (let weekday = 0; weekday < 7; weekday++, day += 86_400_000) {
      let runs = 0;
      let from = new Date(day - 1);
      for (let next = cron.nextRun(from); next && next.getTime() < day + 86_400_000; next = cron.nextRun(from)) {
        if (++runs > limit) break;
        from = next;
      }
      busiest = Math.max(busiest, runs);
      if (busiest > limit) break;
    }
    return busiest;
  } finally {
    cron.stop();
  }
}

/** The warning for a youforce connector's schedule, or null when it stays within the token quota. */
export function youforceScheduleWarning(schedule: string, timezone: string): string | null {
  try {
    if (busiestDayRuns(schedule, timezone) <= YOUFORCE_RUNS_PER_DAY) return null;
  } catch {
    // An invalid schedule is reported by the schedule's own validation.
    return null;
  }
  return `runs more than ${YOUFORCE_RUNS_PER_DAY} times a day: Youforce allows 400 tokens a month, so the runs fail before the month ends; run every 2 hours or less often`;
}

/** What start-up warns about a youforce connector: a schedule past the token quota, a URL in clear text. */
export function youforceStartupWarnings(connector: ConnectorConfig): string[] {
  const { settings, youforce } = connector;
  if (settings.kind !== "youforce" || !youforce) return [];
  const warnings: string[] = [];
  const schedule = youforceScheduleWarning(settings.schedule, settings.timezone);
  if (schedule) warnings.push(`youforce connector ${settings.id}: schedule "${settings.schedule}" ${schedule}`);
  for (const [key, url] of [
    ["api_url", youforce.apiUrl],
    ["token_url", youforce.tokenUrl],
  ] as const)
    if (url.startsWith("http:"))
      warnings.push(
        `youforce.${key} uses http: the Youforce ${key === "api_url" ? "token" : "client secret"} is sent unencrypted`,
      );
  return warnings;
}
