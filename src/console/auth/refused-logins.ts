import type { AuditEntry } from "../audit/audit-log.js";

export interface RefusedLoginsOptions {
  /** Writes one row to the audit trail. */
  readonly audit: (entry: AuditEntry, at: Date) => void;
  /** Refusals of one address and name are summed over this interval. */
  readonly intervalMs?: number;
  /** Open sums at most; beyond, refusals are summed under "many addresses", so memory stays bounded. */
  readonly maxOpen?: number;
}

interface OpenSum {
  readonly address: string | null;
  readonly actor: string | null;
  readonly firstAt: Date;
  lastAt: Date;
  /** Refusals after the first, which had a row of its own. */
  more: number;
}

/** The key of the one sum that takes every refusal once `maxOpen` sums are open. */
const MANY = "many";

/**
 * Audits refused sign-ins without letting a flood of them grow the append-only audit trail: the first refusal of an
 * address and name in an interval gets a row at once (the admin sees the attack), the rest are summed into one row
 * when the interval ends (or at shutdown). So one address and name costs at most two rows per interval however
 * fast it asks. Once a whole address is refused, its refusals are summed under the address whatever the names, or a
 * new name per request would open a new sum per request.
 */
export class RefusedLogins {
  private readonly open = new Map<string, OpenSum>();
  private readonly intervalMs: number;
  private readonly maxOpen: number;
  /** The earliest end of an open interval: flushing before then is a no-op, so it is checked on every request. */
  private nextEnd = Number.POSITIVE_INFINITY;

  constructor(private readonly options: RefusedLoginsOptions) {
    this.intervalMs = options.intervalMs ?? 15 * 60_000;
    this.maxOpen = options.maxOpen ?? 10_000;
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
        ? { address: null, actor: null, firstAt: now, lastAt: now, more: 0 }
        : { address, actor: account === null ? null : actor, firstAt: now, lastAt: now, more: 0 };
    this.open.set(key, opened);
    this.nextEnd = Math.min(this.nextEnd, now.getTime() + this.intervalMs);
    const who = key === MANY ? "from many addresses" : account === null ? "from this address, whatever the name" : "for this name from this address";
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
    for (const [key, sum] of this.open) {
      const end = sum.firstAt.getTime() + this.intervalMs;
      if (!all && end > now.getTime()) {
        this.nextEnd = Math.min(this.nextEnd, end);
        continue;
      }
      this.open.delete(key);
      if (sum.more === 0) continue;
      this.options.audit(
        {
          action: "login_throttled",
          actor: sum.actor,
          address: sum.address,
          detail: `${sum.more} more refused sign-ins between ${sum.firstAt.toISOString()} and ${sum.lastAt.toISOString()}`,
        },
        now,
      );
    }
  }
}
