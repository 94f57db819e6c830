import type { Sqlite } from "../../db/open.js";
import { prepared } from "../../db/statements.js";

export interface ThrottleLimits {
  /** Failures counted over this window. */
  readonly windowMs: number;
  /** Failed attempts for one account name in the window (since its last success) before it is locked. */
  readonly perAccount: number;
  /** Failed attempts from one address in the window, whatever the names, before it is locked. */
  readonly perAddress: number;
}

export const DEFAULT_THROTTLE: ThrottleLimits = { windowMs: 15 * 60_000, perAccount: 5, perAddress: 20 };

/**
 * Login throttling per address and per account name, from the `login_attempts` table. Names that do not exist are
 * counted like real ones, so a lockout tells an attacker nothing about which accounts exist. While locked, the
 * password is not even checked: guessing on stops making progress until the window has passed.
 */
export class LoginThrottle {
  constructor(
    private readonly sqlite: Sqlite,
    private readonly limits: ThrottleLimits = DEFAULT_THROTTLE,
  ) {}

  /** When the next attempt is allowed, or null when it is allowed now. */
  lockedUntil(address: string, usernameFold: string, now: Date): Date | null {
    const since = new Date(now.getTime() - this.limits.windowMs).toISOString();
    // login_attempts_by_account: failures of the name since max(window start, its last success).
    const accountFailures = prepared(
      this.sqlite,
      `SELECT at FROM login_attempts WHERE username_fold = @name AND succeeded = 0 AND at > @since
         AND at > coalesce((SELECT max(at) FROM login_attempts WHERE username_fold = @name AND succeeded = 1), '')
       ORDER BY at DESC LIMIT @limit`,
    ).pluck().all({ name: usernameFold, since, limit: this.limits.perAccount }) as string[];
    // login_attempts_by_address
    const addressFailures = prepared(
      this.sqlite,
      "SELECT at FROM login_attempts WHERE address = ? AND succeeded = 0 AND at > ? ORDER BY at DESC LIMIT ?",
    ).pluck().all(address, since, this.limits.perAddress) as string[];
    const until = Math.max(
      lockEnd(accountFailures, this.limits.perAccount, this.limits.windowMs),
      lockEnd(addressFailures, this.limits.perAddress, this.limits.windowMs),
    );
    return until > now.getTime() ? new Date(until) : null;
  }

  record(address: string, usernameFold: string, succeeded: boolean, now: Date): void {
    prepared(this.sqlite, "INSERT INTO login_attempts (at, address, username_fold, succeeded) VALUES (?, ?, ?, ?)").run(
      now.toISOString(),
      address,
      usernameFold,
      succeeded ? 1 : 0,
    );
  }

  /** Forgets attempts older than the window. */
  purge(now: Date): number {
    return prepared(this.sqlite, "DELETE FROM login_attempts WHERE at <= ?").run(new Date(now.getTime() - this.limits.windowMs).toISOString()).changes;
  }
}

/** Locked until the oldest of the last `limit` failures leaves the window; 0 when there are fewer failures. */
function lockEnd(failuresNewestFirst: readonly string[], limit: number, windowMs: number): number {
  return failuresNewestFirst.length >= limit ? Date.parse(failuresNewestFirst.at(-1)!) + windowMs : 0;
}
