import type { AuditEntry } from "../audit/audit-entry.js";

export interface SignInAuditOptions {
  /** Writes one row to the audit trail. */
  readonly audit: (entry: AuditEntry, at: Date) => void;
  /** Refusals of one address and name are summed over this interval; failures are budgeted per interval. */
  readonly intervalMs?: number;
  /** Failed sign-ins recorded one by one in an interval, from all addresses together; the rest are summed. */
  readonly failuresPerInterval?: number;
  /** Open sums at most; beyond, refusals are summed under "many addresses", so memory stays bounded. */
  readonly maxOpen?: number;
}

interface OpenSum {
  readonly action: "login_throttled" | "login_failed";
  readonly address: string | null;
  readonly actor: string | null;
  readonly firstAt: Date;
  lastAt: Date;
  /** Attempts with a row of their own in this interval. */
  recorded: number;
  /** Attempts after those, summed in one row when the interval ends. */
  more: number;
}

const NOUNS = { login_throttled: "refused sign-ins", login_failed: "failed sign-ins" } as const;

/** The key of the one sum that takes every refusal once `maxOpen` sums are open. */
const MANY = "many";

/**
 * Audits refused and failed sign-ins without letting a flood of them grow the append-only audit trail.
 * Refused: the first refusal of an address and name in an interval gets a row at once (the admin sees the attack),
 * the rest are summed into one row when the interval ends (or at shutdown), so one address and name costs at most
 * two rows per interval however fast it asks. Once a whole address is refused, its refusals are summed under the
 * address whatever the names, or a new name per request would open a new sum per request.
 * Failed (the password was checked): each gets its own row, which says who tried what from where, up to a budget
 * per interval for all addresses together; an attack from more addresses than the throttle can tell apart is summed.
 */
export class SignInAudit {
  private readonly open = new Map<string, OpenSum>();
  private readonly intervalMs: number;
  private readonly maxOpen: number;
  private readonly failuresPerInterval: number;
  /** Failed sign-ins of the current interval, apart from `open` so that `maxOpen` never takes their budget. */
  private failures: OpenSum | null = null;
  /** The earliest end of an open interval: flushing before then is a no-op, so it is checked on every request. */
  private nextEnd = Number.POSITIVE_INFINITY;

  constructor(private readonly options: SignInAuditOptions) {
    this.intervalMs = options.intervalMs ?? 15 * 60_000;
    this.maxOpen = options.maxOpen ?? 10_000;
    this.failuresPerInterval = options.failuresPerInterval ?? 100;
  }

  /**
   * A failed sign-in: true while the interval's budget lasts (the caller records it on its own row and logs it),
   * false once it is spent (it is summed here instead).
   */
  failed(now: Date): boolean {
    this.flush(now);
    if (!this.failures) {
      this.failures = {
        action: "login_failed",
        address: null,
        actor: null,
        firstAt: now,
        lastAt: now,
        recorded: 0,
        more: 0,
      };
      this.nextEnd = Math.min(this.nextEnd, now.getTime() + this.intervalMs);
    }
    if (this.failures.recorded < this.failuresPerInterval) {
      this.failures.recorded += 1;
      return true;
    }
    this.failures.more += 1;
    this.failures.lastAt = now;
    return false;
  }

  /**
   * A refused attempt. `account` (the folded name) is null when the whole address is refused (the names then vary);
   * `actor` is the name as typed, recorded with the first refusal of the account.
   */
  refused(address: string, account: string | null, actor: string | null, now: Date): void {
    this.flush(now);
    let key = account === null ? `address\n${address}` : `account\n${address}\n${account}`;
    if (!this.open.has(key) && this.open.size >= this.maxOpen) key = MANY;
    const sum = this.open.get(key);
    if (sum) {
      sum.more += 1;
      sum.lastAt = now;
      return;
    }
    const opened: OpenSum =
      key === MANY
        ? { action: "login_throttled", address: null, actor: null, firstAt: now, lastAt: now, recorded: 1, more: 0 }
        : {
            action: "login_throttled",
            address,
            actor: account === null ? null : actor,
            firstAt: now,
            lastAt: now,
            recorded: 1,
            more: 0,
          };
    this.open.set(key, opened);
    this.nextEnd = Math.min(this.nextEnd, now.getTime() + this.intervalMs);
    const who =
      key === MANY
        ? "from many addresses"
        : account === null
          ? "from this address, whatever the name"
          : "for this name from this address";
    this.options.audit(
      {
        action: "login_throttled",
        actor: opened.actor,
        address: opened.address,
        detail: `refused: too many failed sign-ins ${who}; further refusals in the next ${this.intervalMs / 60_000} minutes are summed in one row`,
      },
      now,
    );
  }

  /** Writes the sums of the intervals that have ended (all of them with `all`, at shutdown). */
  flush(now: Date, all = false): void {
    if (!all && now.getTime() < this.nextEnd) return;
    this.nextEnd = Number.POSITIVE_INFINITY;
    const ended = (sum: OpenSum) => {
      const end = sum.firstAt.getTime() + this.intervalMs;
      if (all || end <= now.getTime()) return true;
      this.nextEnd = Math.min(this.nextEnd, end);
      return false;
    };
    for (const [key, sum] of this.open) {
      if (!ended(sum)) continue;
      this.open.delete(key);
      this.writeSum(sum, now);
    }
    if (this.failures && ended(this.failures)) {
      this.writeSum(this.failures, now);
      this.failures = null;
    }
  }

  private writeSum(sum: OpenSum, now: Date): void {
    if (sum.more === 0) return;
    this.options.audit(
      {
        action: sum.action,
        actor: sum.actor,
        address: sum.address,
        detail: `${sum.more} more ${NOUNS[sum.action]} between ${sum.firstAt.toISOString()} and ${sum.lastAt.toISOString()}`,
      },
      now,
    );
  }
}
