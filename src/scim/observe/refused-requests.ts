import type { Clock } from "../../clock.js";
import type { Logger } from "../../logging/logger.js";

export interface RefusalSummaryLimits {
  /** Length of one summary interval. */
  readonly intervalMs: number;
  /** Addresses told apart per interval; requests from further addresses are counted together. */
  readonly maxAddresses: number;
}

export const DEFAULT_REFUSAL_LIMITS: RefusalSummaryLimits = { intervalMs: 60_000, maxAddresses: 100 };

interface Tally {
  requests: number;
  readonly byStatus: Record<string, number>;
}

/**
 * Requests refused before authentication (401, 429, and 4xx of requests that never reached it), counted per client
 * address and interval. The SCIM URL is on the internet: logging each one in full let one client write megabytes a
 * second to stdout and the log store. Now an address's first refusal in an interval is logged in full (the admin
 * whose Okta has a wrong password sees why at once), the rest are one summary line per address when the interval
 * ends, and addresses beyond `maxAddresses` share one line, so an interval writes at most 2 × maxAddresses + 1 lines
 * however many requests or addresses there were. Prometheus counts every request (hrgw_scim_requests_total).
 */
export class RefusedRequests {
  private byAddress = new Map<string, Tally>();
  private others: Tally = { requests: 0, byStatus: {} };
  private startedAt: Date | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly logger: Logger,
    private readonly clock: Clock,
    private readonly limits: RefusalSummaryLimits = DEFAULT_REFUSAL_LIMITS,
  ) {}

  /** Counts a refused request; true when it is the address's first of the interval (log it in full), else false. */
  record(address: string, status: number): boolean {
    const now = this.clock();
    if (this.startedAt && now.getTime() - this.startedAt.getTime() >= this.limits.intervalMs) this.flush();
    if (!this.startedAt) this.begin(now);
    const known = this.byAddress.get(address);
    const tally =
      known ?? (this.byAddress.size < this.limits.maxAddresses ? { requests: 0, byStatus: {} } : this.others);
    if (!known && tally !== this.others) this.byAddress.set(address, tally);
    tally.requests += 1;
    tally.byStatus[status] = (tally.byStatus[status] ?? 0) + 1;
    return tally !== this.others && tally.requests === 1;
  }

  /** Logs the interval's summary lines now and starts a new interval (timer, shutdown, tests). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const startedAt = this.startedAt;
    if (!startedAt) return;
    const seconds = Math.round((this.clock().getTime() - startedAt.getTime()) / 1000);
    const since = startedAt.toISOString();
    // A single refusal was already logged in full; a summary of one would only repeat it.
    for (const [clientAddress, tally] of this.byAddress) {
      if (tally.requests > 1)
        this.logger.warn(
          { clientAddress, refused: tally.requests, byStatus: tally.byStatus, since, seconds },
          "SCIM requests refused",
        );
    }
    if (this.others.requests > 0) {
      const { requests, byStatus } = this.others;
      this.logger.warn(
        {
          clientAddress: `(beyond ${this.limits.maxAddresses} addresses)`,
          refused: requests,
          byStatus,
          since,
          seconds,
        },
        "SCIM requests refused",
      );
    }
    this.byAddress = new Map();
    this.others = { requests: 0, byStatus: {} };
    this.startedAt = null;
  }

  private begin(now: Date): void {
    this.startedAt = now;
    this.timer = setTimeout(() => this.flush(), this.limits.intervalMs);
    this.timer.unref();
  }
}
