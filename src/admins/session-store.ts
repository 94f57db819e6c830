import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, lt, lte, or } from "drizzle-orm";
import { drizzleOf, type Drizzle, type Sqlite } from "../db/open.js";
import { admins, sessions } from "../db/schema.js";
import type { Admin } from "./admin-store.js";

export interface SessionLifetimes {
  readonly idleMs: number;
  readonly absoluteMs: number;
}

export interface Session {
  readonly idHash: string;
  readonly admin: Admin;
  readonly csrfToken: string;
  readonly lastSeenAt: string;
}

/** Only this hash of a session id is stored: someone who reads the database cannot take over a session. */
export function hashSessionId(id: string): string {
  return createHash("sha256").update(id).digest("base64url");
}

/**
 * Whether a session was not logged out and is within its absolute lifetime, without counting as activity (the
 * browser returning from Nmbrs' consent page, outside the console's session middleware).
 */
export function sessionIsLive(sqlite: Sqlite, idHash: string, now: Date): boolean {
  return liveSessionAdminId(sqlite, idHash, now) !== null;
}

/** The admin of such a session (not logged out, within its absolute lifetime), or null. Uses the primary key. */
export function liveSessionAdminId(sqlite: Sqlite, idHash: string, now: Date): number | null {
  const row = drizzleOf(sqlite)
    .select({ adminId: sessions.adminId })
    .from(sessions)
    .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, now.toISOString())))
    .get();
  return row?.adminId ?? null;
}

// A request refreshes last_seen_at at most once a minute: fewer writes, and idle expiry is still minute-accurate.
const TOUCH_AFTER_MS = 60_000;

/** Server-side sessions in the `sessions` table: idle expiry, absolute expiry, one CSRF token each. */
export class SessionStore {
  private readonly orm: Drizzle;

  constructor(
    sqlite: Sqlite,
    private readonly lifetimes: SessionLifetimes,
  ) {
    this.orm = drizzleOf(sqlite);
  }

  /** Starts a session; returns the id for the cookie (never stored as such). */
  create(admin: Admin, address: string, now: Date): string {
    const id = randomToken();
    this.orm
      .insert(sessions)
      .values({
        idHash: hashSessionId(id),
        adminId: admin.id,
        csrfToken: randomToken(),
        createdAt: now.toISOString(),
        lastSeenAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + this.lifetimes.absoluteMs).toISOString(),
        address,
      })
      .run();
    return id;
  }

  /**
   * The live session for a cookie value, or null when unknown, idle too long or past its absolute expiry (an
   * expired row is deleted on sight). `touch` = this request counts as activity (a live-tail poll does not).
   */
  find(id: string, now: Date, touch: boolean): Session | null {
    const idHash = hashSessionId(id);
    const row = this.orm
      .select({
        csrfToken: sessions.csrfToken,
        lastSeenAt: sessions.lastSeenAt,
        expiresAt: sessions.expiresAt,
        adminId: admins.id,
        username: admins.username,
      })
      .from(sessions)
      .innerJoin(admins, eq(admins.id, sessions.adminId))
      .where(eq(sessions.idHash, idHash))
      .get();
    if (!row) return null;
    const idleSince = now.getTime() - Date.parse(row.lastSeenAt);
    if (idleSince > this.lifetimes.idleMs || now.toISOString() >= row.expiresAt) {
      this.end(idHash);
      return null;
    }
    let lastSeenAt = row.lastSeenAt;
    if (touch && idleSince >= TOUCH_AFTER_MS) {
      lastSeenAt = now.toISOString();
      this.orm.update(sessions).set({ lastSeenAt }).where(eq(sessions.idHash, idHash)).run();
    }
    return { idHash, admin: { id: row.adminId, username: row.username }, csrfToken: row.csrfToken, lastSeenAt };
  }

  end(idHash: string): void {
    this.orm.delete(sessions).where(eq(sessions.idHash, idHash)).run();
  }

  /** Deletes every session past its absolute expiry or idle too long (uses sessions_by_expiry for the first). */
  purgeExpired(now: Date): number {
    const idleSince = new Date(now.getTime() - this.lifetimes.idleMs).toISOString();
    return this.orm
      .delete(sessions)
      .where(or(lte(sessions.expiresAt, now.toISOString()), lt(sessions.lastSeenAt, idleSince)))
      .run().changes;
  }
}

/** 32 random bytes (256 bits), URL-safe: session ids, CSRF tokens and the state of an Nmbrs consent. */
export function randomToken(): string {
  return randomBytes(32).toString("base64url");
}
