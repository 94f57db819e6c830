import { Cron } from "croner";
import { cronScheduleProblem } from "../config/cron-schedule.js";
import type { ConnectorSettings } from "../config/types.js";
import type { Logger } from "../logging/logger.js";
import { systemClock } from "../clock.js";

export type ScheduledTrigger = "schedule" | "daily";

export interface SchedulerOptions {
  /** Starts a run (SyncService.runNow). A rejection is logged; the schedule goes on. */
  readonly run: (connectorId: string, trigger: ScheduledTrigger) => Promise<unknown>;
  readonly logger: Logger;
}

export interface NextRuns {
  /** Next run of the connector's own schedule. */
  readonly schedule: Date | null;
  /** Next daily re-evaluation (just after local midnight by default). */
  readonly daily: Date | null;
  /** Why the connector is not scheduled at all (both dates are then null); null when it is. */
  readonly problem: string | null;
}

/**
 * Runs each connector on its cron schedule, in its own time zone, plus once a day at `reevaluateAt` local time:
 * dates move even when HR does not (a pre-hire's first visible day, a leaver's last active day), and a connector
 * scheduled weekly would otherwise apply them days late. Overlaps are harmless: a run requested while one is in
 * progress joins it.
 *
 * Each connector is scheduled on its own: one whose settings croner cannot run (a value stored by an older version)
 * is left unscheduled with the reason, for the dashboard, and never keeps the others from running.
 */
export class Scheduler {
  private readonly jobs = new Map<string, { schedule: Cron; daily: Cron }>();
  private readonly problems = new Map<string, string>();

  constructor(private readonly options: SchedulerOptions) {}

  /** Replaces every job with those of `connectors` (at start-up, and after a connector is saved in the console). */
  schedule(connectors: readonly ConnectorSettings[]): void {
    this.stop();
    for (const connector of connectors) {
      const problem = this.scheduleOne(connector);
      if (problem === null) continue;
      this.problems.set(connector.id, problem);
      this.options.logger.error(
        { connector: connector.id, problem },
        "connector not scheduled: its schedule cannot run",
      );
    }
  }

  nextRuns(connectorId: string): NextRuns | undefined {
    const problem = this.problems.get(connectorId);
    if (problem !== undefined) return { schedule: null, daily: null, problem };
    const jobs = this.jobs.get(connectorId);
    return jobs && { schedule: jobs.schedule.nextRun(), daily: jobs.daily.nextRun(), problem: null };
  }

  /** Stops every job (graceful shutdown); runs already started are the SyncService's to finish. */
  stop(): void {
    for (const jobs of this.jobs.values()) {
      jobs.schedule.stop();
      jobs.daily.stop();
    }
    this.jobs.clear();
    this.problems.clear();
  }

  /** Starts the connector's two jobs, or returns why it cannot have them (and starts neither). */
  private scheduleOne(connector: ConnectorSettings): string | null {
    const daily = dailyPattern(connector.reevaluateAt);
    const invalid =
      prefixed("schedule ", cronScheduleProblem(connector.schedule)) ??
      prefixed(`daily re-evaluation at "${connector.reevaluateAt}": `, cronScheduleProblem(daily));
    if (invalid) return invalid;
    const started: Cron[] = [];
    try {
      const job = (pattern: string, trigger: ScheduledTrigger) => {
        const cron = new Cron(
          pattern,
          { timezone: connector.timezone, protect: true, name: `${connector.id}:${trigger}` },
          async () => {
            try {
              await this.options.run(connector.id, trigger);
            } catch (error) {
              this.options.logger.warn(
                { connector: connector.id, trigger, err: (error as Error).message },
                "scheduled sync did not start",
              );
            }
          },
        );
        started.push(cron);
        return cron;
      };
      const jobs = { schedule: job(connector.schedule, "schedule"), daily: job(daily, "daily") };
      // A pattern with a year field can lie in the past: croner accepts it and never fires again.
      if (jobs.schedule.nextRun() === null) {
        started.forEach((cron) => cron.stop());
        return `schedule "${connector.schedule}" has no run in the future`;
      }
      this.jobs.set(connector.id, jobs);
      return null;
    } catch {
      started.forEach((cron) => cron.stop());
      // The patterns passed croner's parser above, so the zone is what it refused (Intl checks it on the way in).
      return `time zone "${connector.timezone}" cannot be used`;
    }
  }
}

function prefixed(prefix: string, problem: string | null): string | null {
  return problem === null ? null : `${prefix}${problem}`;
}

/** "00:05" → the cron pattern "5 0 * * *". */
export function dailyPattern(time: string): string {
  const [hours, minutes] = time.split(":").map(Number);
  return `${minutes} ${hours} * * *`;
}

/**
 * The next `count` runs of a cron expression in a time zone, for the connector form ("next runs: …"), or why the
 * expression cannot be used.
 */
export function previewSchedule(
  expression: string,
  timeZone: string,
  count: number,
  from: Date = systemClock(),
): { readonly runs: Date[] } | { readonly problem: string } {
  const problem = cronScheduleProblem(expression);
  if (problem) return { problem };
  try {
    const cron = new Cron(expression, { timezone: timeZone, paused: true });
    const runs = cron.nextRuns(count, from);
    cron.stop();
    return runs.length > 0 ? { runs } : { problem: `"${expression}" has no run in the future` };
  } catch {
    // The pattern is fine (checked above), so the zone is what croner refused.
    return { problem: `"${timeZone}" is not a time zone the schedule can run in` };
  }
}
