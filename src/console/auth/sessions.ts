import { createHash } from "node:crypto";
import type { Sqlite } from "../../db/open.js";
import { prepared } from "../../db/statements.js";
import type { Admin } from "./admin.js";
import { randomToken } from "./random-token.js";

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

// A request refreshes last_seen_at at most once a minute: fewer writes, and idle expiry is still minute-accurate.
const TOUCH_AFTER_MS = 60_000;

/** Server-side sessions in the `sessions` table: idle expiry, absolute expiry, one CSRF token each. */
export class SessionStore {
  constructor(
    private readonly sqlite: Sqlite,
    private readonly lifetimes: SessionLifetimes,
  ) {}

  /** Starts a session; returns the id for the cookie (never stored as such). */
  create(admin: Admin, address: string, now: Date): string {
    const id = randomToken();
    prepared(
      this.sqlite,
      `INSERT INTO sessions (id_hash, admin_id, csrf_token, created_at, last_seen_at, expires_at, address)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      hashSessionId(id),
      admin.id,
      randomToken(),
      now.toISOString(),
      now.toISOString(),
      new Date(now.getTime() + this.lifetimes.absoluteMs).toISOString(),
      address,
    );
    return id;
  }

  /**
   * The live session for a cookie value, or null when unknown, idle too long or past its absolute expiry (an
   * expired row is deleted on sight). `touch` = this request counts as activity (a live-tail poll does not).
   */
  find(id: string, now: Date, touch: boolean): Session | null {
    const idHash = hashSessionId(id);
    const row = prepared(
      this.sqlite,
      `SELECT s.csrf_token AS csrfToken, s.last_seen_at AS lastSeenAt, s.expires_at AS expiresAt, a.id AS adminId, a.username
       FROM sessions s JOIN admins a ON a.id = s.admin_id WHERE s.id_hash = ?`,
    ).get(idHash) as
      | { csrfToken: string; lastSeenAt: string; expiresAt: string; adminId: number; username: string }
      | undefined;
    if (!row) return null;
    const idleSince = now.getTime() - Date.parse(row.lastSeenAt);
    if (idleSince > this.lifetimes.idleMs || now.toISOString() >= row.expiresAt) {
      this.end(idHash);
      return null;
    }
    let lastSeenAt = row.lastSeenAt;
    if (touch && idleSince >= TOUCH_AFTER_MS) {
      lastSeenAt = now.toISOString();
      prepared(this.sqlite, "UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?").run(lastSeenAt, idHash);
    }
    return { idHash, admin: { id: row.adminId, username: row.username }, csrfToken: row.csrfToken, lastSeenAt };
  }

  end(idHash: string): void {
    prepared(this.sqlite, "DELETE FROM sessions WHERE id_hash = ?").run(idHash);
  }

  /** Deletes every session past its absolute expiry or idle too long (uses sessions_by_expiry for the first). */
  purgeExpired(now: Date): number {
    return prepared(this.sqlite, "DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at < ?").run(
      now.toISOString(),
      new Date(now.getTime() - this.lifetimes.idleMs).toISOString(),
    ).changes;
  }
}
