import { and, desc, eq, gt, lte, max, or, type SQL, sql } from "drizzle-orm";
import { drizzleOf, type Drizzle, type Sqlite } from "../db/open.js";
import { loginAttempts } from "../db/schema.js";
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
  private readonly orm: Drizzle;

  constructor(
    sqlite: Sqlite,
    private readonly limits: ThrottleLimits = DEFAULT_THROTTLE,
  ) {
    this.orm = drizzleOf(sqlite);
  }

  /** Why the next attempt is refused, or null when it is allowed now. */
  refusal(clientAddress: string, usernameFold: string, now: Date): Refusal | null {
    const address = throttleAddress(clientAddress);
    const since = new Date(now.getTime() - this.limits.windowMs).toISOString();
    // login_attempts_by_address
    const addressFailures = this.failureTimes(
      and(eq(loginAttempts.address, address), failedSince(since)),
      this.limits.perAddress,
    );
    const addressUntil = lockEnd(addressFailures, this.limits.perAddress, this.limits.windowMs);
    if (addressUntil > now.getTime()) return { until: new Date(addressUntil), scope: "address" };

    // login_attempts_by_address: this name's failures here in the window and after its last success here (ids grow).
    const pair = and(eq(loginAttempts.address, address), eq(loginAttempts.usernameFold, usernameFold));
    const pairFailures = this.failureTimes(
      and(pair, failedSince(since), this.afterLastSuccess(pair)),
      this.limits.perAccountAtAddress,
    );
    const allowed =
      this.underAttack(usernameFold, since) && !this.isKnown(address, usernameFold, now)
        ? this.limits.perUnknownAddressUnderAttack
        : this.limits.perAccountAtAddress;
    const pairUntil = lockEnd(pairFailures.slice(0, allowed), allowed, this.limits.windowMs);
    return pairUntil > now.getTime() ? { until: new Date(pairUntil), scope: "account" } : null;
  }

  record(clientAddress: string, usernameFold: string, succeeded: boolean, now: Date): void {
    this.orm
      .insert(loginAttempts)
      .values({ at: now.toISOString(), address: throttleAddress(clientAddress), usernameFold, succeeded })
      .run();
    if (!succeeded && now.getTime() - this.lastPurge >= PURGE_EVERY_MS) this.purge(now);
  }

  /**
   * Forgets the failures of an account name from every address and, when given, every failure of an address
   * (`npm run unlock-admin`): what refused them is gone, so the next attempt is allowed.
   */
  forget(usernameFold: string, clientAddress?: string): { account: number; address: number } {
    const forgetFailures = (tx: Pick<Drizzle, "delete">, where: SQL | undefined) =>
      tx
        .delete(loginAttempts)
        .where(and(eq(loginAttempts.succeeded, false), where))
        .run().changes;
    return this.orm.transaction((tx) => ({
      account: forgetFailures(tx, eq(loginAttempts.usernameFold, usernameFold)),
      address:
        clientAddress === undefined ? 0 : forgetFailures(tx, eq(loginAttempts.address, throttleAddress(clientAddress))),
    }));
  }

  /** Forgets failures older than the window, and successes older than the time an address stays known. */
  purge(now: Date): number {
    this.lastPurge = now.getTime();
    const windowStart = new Date(now.getTime() - this.limits.windowMs).toISOString();
    const knownStart = new Date(now.getTime() - this.limits.knownAddressMs).toISOString();
    return this.orm
      .delete(loginAttempts)
      .where(
        and(
          lte(loginAttempts.at, windowStart),
          or(eq(loginAttempts.succeeded, false), lte(loginAttempts.at, knownStart)),
        ),
      )
      .run().changes;
  }

  /** login_attempts_by_account: the name's failures from everywhere in the window and after its last success. */
  private underAttack(usernameFold: string, since: string): boolean {
    const account = eq(loginAttempts.usernameFold, usernameFold);
    const failures = this.failureTimes(
      and(account, failedSince(since), this.afterLastSuccess(account)),
      this.limits.accountUnderAttack,
    );
    return failures.length >= this.limits.accountUnderAttack;
  }

  /** login_attempts_by_address */
  private isKnown(address: string, usernameFold: string, now: Date): boolean {
    const knownSince = new Date(now.getTime() - this.limits.knownAddressMs).toISOString();
    const success = this.orm
      .select({ id: loginAttempts.id })
      .from(loginAttempts)
      .where(
        and(
          eq(loginAttempts.address, address),
          eq(loginAttempts.usernameFold, usernameFold),
          eq(loginAttempts.succeeded, true),
          gt(loginAttempts.at, knownSince),
        ),
      )
      .limit(1)
      .get();
    return success !== undefined;
  }

  /** The times of the newest `limit` attempts that match, newest first. */
  private failureTimes(where: SQL | undefined, limit: number): string[] {
    return this.orm
      .select({ at: loginAttempts.at })
      .from(loginAttempts)
      .where(where)
      .orderBy(desc(loginAttempts.at))
      .limit(limit)
      .all()
      .map((row) => row.at);
  }

  /** Attempts after the last successful one that matches `where` (ids grow with time). */
  private afterLastSuccess(where: SQL | undefined): SQL {
    const lastSuccess = this.orm
      .select({ id: max(loginAttempts.id) })
      .from(loginAttempts)
      .where(and(where, eq(loginAttempts.succeeded, true)));
    return gt(loginAttempts.id, sql`coalesce((${lastSuccess}), 0)`);
  }
}

function failedSince(since: string): SQL | undefined {
  return and(eq(loginAttempts.succeeded, false), gt(loginAttempts.at, since));
}

/** Refused until the oldest of the last `limit` failures leaves the window; 0 when there are fewer failures. */
function lockEnd(failuresNewestFirst: readonly string[], limit: number, windowMs: number): number {
  return failuresNewestFirst.length >= limit ? Date.parse(failuresNewestFirst.at(-1)!) + windowMs : 0;
}
