import { createHash, timingSafeEqual } from "node:crypto";
import type { Clock } from "../../clock.js";
import { randomToken } from "../../admins/session-store.js";
import type { Language } from "../i18n/language.js";

/**
 * "Connect to Nmbrs" / "Connect to Loket" flows in progress: the OAuth `state` handed to the HR system, bound to the
 * admin session that started it and to a cookie in that admin's browser, with the PKCE verifier that only this
 * gateway knows (where the system uses PKCE). Single use, ten minutes, in memory (a restart in the middle of a
 * consent means clicking the button again).
 */
export interface PendingConsent {
  /** The consent kind's path ("nmbrs", "loket"): only its own callback redeems it. */
  readonly kind: string;
  readonly connectorId: string;
  /** The console session that started it (sessions.id_hash): logging out cancels the consent. */
  readonly sessionIdHash: string;
  readonly adminName: string;
  /** Null for a system without PKCE (Loket). */
  readonly verifier: string | null;
  readonly redirectUri: string;
  /** The app and OAuth server the consent was started for: the code is only redeemed with the same ones. */
  readonly clientId: string;
  readonly serverUrl: string;
  /**
   * The console's language for the admin when they left for the HR system: the hand-over page speaks it, because the way
   * back is a cross-site navigation that carries neither the session nor the language cookie (both SameSite=Strict).
   */
  readonly language: Language;
}

interface Entry extends PendingConsent {
  readonly bindingHash: Buffer;
  readonly expiresAt: number;
}

export const CONSENT_TTL_MS = 10 * 60_000;
/** A flood of unfinished consents must not grow memory without bound; the oldest give way. */
const MAX_PENDING = 200;

export class PendingConsents {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly clock: Clock) {}

  /** Registers a consent; returns the `state` for the HR system and the binding value for the browser cookie. */
  start(consent: PendingConsent): { state: string; binding: string } {
    this.dropExpired();
    while (this.entries.size >= MAX_PENDING) this.entries.delete(this.entries.keys().next().value!);
    const state = randomToken();
    const binding = randomToken();
    this.entries.set(state, {
      ...consent,
      bindingHash: hash(binding),
      expiresAt: this.clock().getTime() + CONSENT_TTL_MS,
    });
    return { state, binding };
  }

  /**
   * The consent for a callback, used up whatever happens next: its state must be known and fresh, and the browser
   * must present the binding cookie set when it started (so a link forged elsewhere cannot complete it).
   */
  take(state: string, binding: string | undefined): PendingConsent | "unknown" | "expired" | "other-browser" {
    const entry = this.entries.get(state);
    if (!entry) return "unknown";
    this.entries.delete(state);
    if (entry.expiresAt <= this.clock().getTime()) return "expired";
    const presented = hash(binding ?? "");
    if (!binding || !timingSafeEqual(presented, entry.bindingHash)) return "other-browser";
    const { bindingHash: _binding, expiresAt: _expires, ...consent } = entry;
    return consent;
  }

  private dropExpired(): void {
    const now = this.clock().getTime();
    for (const [state, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(state);
  }
}

function hash(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}
