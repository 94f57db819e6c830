import { randomBytes } from "node:crypto";
import type { Clock } from "../../clock.js";

/** Long enough to follow the redirect on a slow connection; a secret nobody picked up is useless after that. */
const KEPT_MS = 5 * 60_000;

/**
 * New SCIM secrets between the POST that made them and the page that shows them (POST-redirect-GET): a reload must
 * repeat the GET, never the rotation, and the secret must not travel in the address (history, proxy logs). Each is
 * handed out once, only to the session that made it; one never picked up is forgotten after a few minutes.
 */
export class IssuedSecrets<T> {
  private readonly pending = new Map<string, { readonly session: string; readonly value: T; readonly until: number }>();

  constructor(private readonly clock: Clock) {}

  /** Keeps `value` for `session`; returns the ticket for the redirect address. */
  put(session: string, value: T): string {
    this.forgetExpired();
    const ticket = randomBytes(18).toString("base64url");
    this.pending.set(ticket, { session, value, until: this.clock().getTime() + KEPT_MS });
    return ticket;
  }

  /** The value, the first time its own session asks; null after that, for another session, or once expired. */
  take(session: string, ticket: string): T | null {
    this.forgetExpired();
    const entry = this.pending.get(ticket);
    if (!entry || entry.session !== session) return null;
    this.pending.delete(ticket);
    return entry.value;
  }

  private forgetExpired(): void {
    const now = this.clock().getTime();
    for (const [ticket, entry] of this.pending) if (entry.until <= now) this.pending.delete(ticket);
  }
}
