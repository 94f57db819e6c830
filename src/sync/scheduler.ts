import { Cron } from "croner";
import type { ConnectorSettings } from "../config/types.js";
import type { Logger } from "../logging/logger.js";

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
}

/**
 * Runs each connector on its cron schedule, in its own time zone, plus once a day at `reevaluateAt` local time:
 * dates move even when HR does not (a pre-hire's first visible day, a leaver's last active day), and a connector
 * scheduled weekly would otherwise apply them days late. Overlaps are harmless: a run requested while one is in
 * progress joins it.
 */
export class Scheduler {
  private readonly jobs = new Map<string, { schedule: Cron; daily: Cron }>();

  constructor(private readonly options: SchedulerOptions) {}

  /** Replaces every job with those of `connectors` (at start-up, and after a connector is saved in the console). */
  schedule(connectors: readonly ConnectorSettings[]): void {
    this.stop();
    for (const connector of connectors) {
      const job = (pattern: string, trigger: ScheduledTrigger) =>
        new Cron(pattern, { timezone: connector.timezone, protect: true, name: `${connector.id}:${trigger}` }, async () => {
          try {
            await this.options.run(connector.id, trigger);
          } catch (error) {
            this.options.logger.warn({ connector: connector.id, trigger, err: (error as Error).message }, "scheduled sync did not start");
          }
        });
      this.jobs.set(connector.id, { schedule: job(connector.schedule, "schedule"), daily: job(dailyPattern(connector.reevaluateAt), "daily") });
    }
  }

  nextRuns(connectorId: string): NextRuns | undefined {
    const jobs = this.jobs.get(connectorId);
    return jobs && { schedule: jobs.schedule.nextRun(), daily: jobs.daily.nextRun() };
  }

  /** Stops every job (graceful shutdown); runs already started are the SyncService's to finish. */
  stop(): void {
    for (const jobs of this.jobs.values()) {
      jobs.schedule.stop();
      jobs.daily.stop();
    }
    this.jobs.clear();
  }
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
  from: Date = new Date(),
): { readonly runs: Date[] } | { readonly problem: string } {
  try {
    const cron = new Cron(expression, { timezone: timeZone, paused: true });
    const runs = cron.nextRuns(count, from);
    cron.stop();
    return { runs };
  } catch (error) {
    return { problem: `"${expression}" is not a usable schedule: ${(error as Error).message}` };
  }
}
