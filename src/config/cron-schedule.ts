import { Cron } from "croner";

/**
 * Whether croner, the library the scheduler runs schedules with, can run a cron expression, and if not, why, in
 * words an admin can act on. Config and console both validate with this, so a schedule that is accepted can never
 * stop the scheduler later (issue #19: one bad pattern used to stop every connector's schedule).
 */
export function cronScheduleProblem(expression: string): string | null {
  let cron: Cron;
  try {
    cron = new Cron(expression, { paused: true });
  } catch (error) {
    return `"${expression}" ${explain((error as Error).message)}`;
  }
  try {
    // From a fixed moment, not the clock: a pattern without a matching date (30 February) never runs, whatever today is.
    if (cron.nextRun(NEVER_BEFORE) === null) return `"${expression}" never runs: no date matches it`;
  } finally {
    cron.stop();
  }
  return null;
}

const NEVER_BEFORE = new Date("2000-01-01T00:00:00Z");

/** croner's field names → ours and their ranges (croner's own message shifts some values by one). */
const FIELDS: Readonly<Record<string, string>> = {
  second: "the second must be 0–59",
  minute: "the minute must be 0–59",
  hour: "the hour must be 0–23",
  day: "the day of the month must be 1–31",
  month: "the month must be 1–12 (or JAN–DEC)",
  dayOfWeek: "the weekday must be 0–7 (Sunday is 0 or 7, or SUN–SAT)",
};

const SHAPE = 'five fields, minute hour day month weekday, e.g. "15 * * * *" (every hour at :15)';

function explain(croner: string): string {
  const field = /Invalid value for (\w+)/.exec(croner)?.[1];
  if (field && FIELDS[field]) return `cannot run: ${FIELDS[field]}`;
  return `is not a cron schedule: use ${SHAPE}`;
}
