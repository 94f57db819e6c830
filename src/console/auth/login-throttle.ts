import type { Sqlite } from "../../db/open.js";
import { prepared } from "../../db/statements.js";
import { throttleAddress } from "./throttle-address.js";

export interface ThrottleLimits {
  /** Failures counted over this window. */
  readonly windowMs: number;
  /** Failed attempts from one address in the window, whatever the names, before the address is refused. */
  readonly perAddress: number;
  /** Failed attempts for one account name from one address (since its last success there) before that pair is refused. */
  readonly perAccountAtAddress: number;
  /** Failures of one account name from all addresses in the window (since its last success) that mean it is under attack. */
  readonly accountUnderAttack: number;
  /** While the account is under attack: failures an address that is not known for it may make before it is refused. */
  readonly perUnknownAddressUnderAttack: number;
  /** An address with a successful sign-in to the account this recently is known for it. */
  readonly knownAddressMs: number;
}

export const DEFAULT_THROTTLE: ThrottleLimits = {
  windowMs: 15 * 60_000,
  perAddress: 20,
  perAccountAtAddress: 5,
  accountUnderAttack: 10,
  perUnknownAddressUnderAttack: 1,
  knownAddressMs: 30 * 24 * 3_600_000,
};

/** Why an attempt is refused: the address as a whole, or this account name from this address. */
export interface Refusal {
  readonly until: Date;
  readonly scope: "address" | "account";
}

// Failures are purged at most this often (on a recorded failure), so a flood from many addresses cannot grow the table.
const PURGE_EVERY_MS = 60_000;

/**
 * Login throttling from the `login_attempts` table (so `npm run unlock-admin` can clear it, gateway running or not).
 * Every limit is per address: a stranger's failures refuse only the stranger's own address, never the admin's, so
 * nobody can lock the admin out from elsewhere. An account attacked from many addresses is slowed, not locked: each
 * address not known for it (no recent successful sign-in from there) gets one failure per window instead of five.
 * Names that do not exist are counted like real ones, so a refusal tells an attacker nothing about which accounts
 * exist. While refused, the password is not even checked: guessing on stops making progress.
 */
export class LoginThrottle {
  private lastPurge = 0;

  constructor(
    private readonly sqlite: Sqlite,
    private readonly limits: ThrottleLimits = DEFAULT_THROTTLE,
  ) {}

  /** Why the next attempt is refused, or null when it is allowed now. */
  refusal(clientAddress: string, usernameFold: string, now: Date): Refusal | null {
    const address = throttleAddress(clientAddress);
    const since = new Date(now.getTime() - this.limits.windowMs).toISOString();
    // login_attempts_by_address
    const addressFailures = prepared(
      this.sqlite,
      "SELECT at FROM login_attempts WHERE address = ? AND succeeded = 0 AND at > ? ORDER BY at DESC LIMIT ?",
    )
      .pluck()
      .all(address, since, this.limits.perAddress) as string[];
    const addressUntil = lockEnd(addressFailures, this.limits.perAddress, this.limits.windowMs);
    if (addressUntil > now.getTime()) return { until: new Date(addressUntil), scope: "address" };

    // login_attempts_by_address: this name's failures here in the window and after its last success here (ids grow).
    const pairFailures = prepared(
      this.sqlite,
      `SELECT at FROM login_attempts WHERE address = @address AND username_fold = @name AND succeeded = 0 AND at > @since
         AND id > coalesce((SELECT max(id) FROM login_attempts WHERE address = @address AND username_fold = @name AND succeeded = 1), 0)
       ORDER BY at DESC LIMIT @limit`,
    )
      .pluck()
      .all({ address, name: usernameFold, since, limit: this.limits.perAccountAtAddress }) as string[];
    const allowed =
      this.underAttack(usernameFold, since) && !this.isKnown(address, usernameFold, now)
        ? this.limits.perUnknownAddressUnderAttack
        : this.limits.perAccountAtAddress;
    const pairUntil = lockEnd(pairFailures.slice(0, allowed), allowed, this.limits.windowMs);
    return pairUntil > now.getTime() ? { until: new Date(pairUntil), scope: "account" } : null;
  }

  record(clientAddress: string, usernameFold: string, succeeded: boolean, now: Date): void {
    prepared(this.sqlite, "INSERT INTO login_attempts (at, address, username_fold, succeeded) VALUES (?, ?, ?, ?)").run(
      now.toISOString(),
      throttleAddress(clientAddress),
      usernameFold,
      succeeded ? 1 : 0,
    );
    if (!succeeded && now.getTime() - this.lastPurge >= PURGE_EVERY_MS) this.purge(now);
  }

  /**
   * Forgets the failures of an account name from every address and, when given, every failure of an address
   * (`npm run unlock-admin`): what refused them is gone, so the next attempt is allowed.
   */
  forget(usernameFold: string, clientAddress?: string): { account: number; address: number } {
    return this.sqlite.transaction(() => ({
      account: prepared(this.sqlite, "DELETE FROM login_attempts WHERE succeeded = 0 AND username_fold = ?").run(
        usernameFold,
      ).changes,
      address:
        clientAddress === undefined
          ? 0
          : prepared(this.sqlite, "DELETE FROM login_attempts WHERE succeeded = 0 AND address = ?").run(
              throttleAddress(clientAddress),
            ).changes,
    }))();
  }

  /** Forgets failures older than the window, and successes older than the time an address stays known. */
  purge(now: Date): number {
    this.lastPurge = now.getTime();
    return prepared(this.sqlite, "DELETE FROM login_attempts WHERE at <= ? AND (succeeded = 0 OR at <= ?)").run(
      new Date(now.getTime() - this.limits.windowMs).toISOString(),
      new Date(now.getTime() - this.limits.knownAddressMs).toISOString(),
    ).changes;
  }

  /** login_attempts_by_account: the name's failures from everywhere in the window and after its last success. */
  private underAttack(usernameFold: string, since: string): boolean {
    const failures = prepared(
      this.sqlite,
      `SELECT count(*) FROM (SELECT 1 FROM login_attempts WHERE username_fold = @name AND succeeded = 0 AND at > @since
         AND id > coalesce((SELECT max(id) FROM login_attempts WHERE username_fold = @name AND succeeded = 1), 0)
       LIMIT @limit)`,
    )
      .pluck()
      .get({ name: usernameFold, since, limit: this.limits.accountUnderAttack }) as number;
    return failures >= this.limits.accountUnderAttack;
  }

  /** login_attempts_by_address */
  private isKnown(address: string, usernameFold: string, now: Date): boolean {
    return (
      prepared(
        this.sqlite,
        "SELECT EXISTS (SELECT 1 FROM login_attempts WHERE address = ? AND username_fold = ? AND succeeded = 1 AND at > ?)",
      )
        .pluck()
        .get(address, usernameFold, new Date(now.getTime() - this.limits.knownAddressMs).toISOString()) === 1
    );
  }
}

/** Refused until the oldest of the last `limit` failures leaves the window; 0 when there are fewer failures. */
function lockEnd(failuresNewestFirst: readonly string[], limit: number, windowMs: number): number {
  return failuresNewestFirst.length >= limit ? Date.parse(failuresNewestFirst.at(-1)!) + windowMs : 0;
}
