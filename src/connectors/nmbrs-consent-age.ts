/**
 * How long an Nmbrs consent lasts, worst case. Nmbrs only says the refresh token is "good for 30 days"; its identity
 * service is IdentityServer, whose default is an **absolute** lifetime counted from the authorization-code grant,
 * which rotating the refresh token does not extend. Until Nmbrs confirms otherwise (U1 in docs/nmbrs-rest-api.md) the
 * gateway assumes that: a consent ends 30 days after it was given, however often the gateway synced meanwhile.
 */
export const CONSENT_LIFETIME_DAYS = 30;

/** Days before the worst-case end at which the admin is told, once each (most days first). */
export const CONSENT_REMINDER_DAYS = [7, 2] as const;

const DAY_MS = 86_400_000;

/** When the consent given at `connectedAt` (ISO) ends if the refresh token's lifetime is absolute. */
export function consentExpiresAt(connectedAt: string): Date {
  return new Date(Date.parse(connectedAt) + CONSENT_LIFETIME_DAYS * DAY_MS);
}

/**
 * Whole days until the worst-case end, rounded up (what "expires in N days" says): 30 right after the consent, 1 on
 * its last day, 0 or less once the end has passed.
 */
export function consentDaysLeft(connectedAt: string, now: Date): number {
  return Math.ceil((consentExpiresAt(connectedAt).getTime() - now.getTime()) / DAY_MS);
}

/**
 * The reminder due now, if any: the smallest threshold already reached that is below the last one sent for this
 * consent. A gateway that did not check for days sends one reminder (the nearest), not every one it missed; after
 * the end none is sent: the refused renewal flags "needs re-consent" then, and notifies by itself.
 */
export function consentReminderDue(daysLeft: number, lastSent: number | null): number | null {
  if (daysLeft <= 0) return null;
  const reached = CONSENT_REMINDER_DAYS.filter((days) => daysLeft <= days && (lastSent === null || days < lastSent));
  return reached.length === 0 ? null : Math.min(...reached);
}
