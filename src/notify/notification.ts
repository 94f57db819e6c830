/** Something an admin should know about a connector without looking at the console. */
export interface NotificationEvent {
  /**
   * held: a whole run waits for approval (an API switch); people_held: a run applied, but held people for approval
   * (brake, bad data); failed: a run failed; attention: the admin must act (credentials, consent); consent_expiring:
   * the Nmbrs consent ends soon (worst case), syncs still work until then.
   */
  readonly kind: "held" | "people_held" | "failed" | "attention" | "consent_expiring";
  readonly connector: { readonly id: string; readonly name: string };
  readonly runId: number | null;
  /** The run's own one-line message (hold reason, failure reason). */
  readonly message: string;
  /** ISO instant. */
  readonly at: string;
  /** Where to look in the console, when the public URL is known. */
  readonly url: string | null;
}

const HEADLINES: Record<NotificationEvent["kind"], string> = {
  held: "sync held for approval",
  people_held: "people held for approval",
  failed: "sync failed",
  attention: "needs attention",
  consent_expiring: "Nmbrs consent expires soon",
};

export function subjectOf(event: NotificationEvent): string {
  return `[HR Gateway] ${event.connector.name}: ${HEADLINES[event.kind]}`;
}

const NEXT_STEPS: Record<NotificationEvent["kind"], string> = {
  held: "Nothing was changed in what Okta sees. Review the affected people, then approve or reject the run.",
  people_held:
    "Everyone else's changes were applied; the people held stay as Okta sees them until you approve or reject.",
  failed: "Nothing was changed in what Okta sees; the previous data stays served.",
  attention: "Syncs of this connector cannot succeed until this is fixed.",
  consent_expiring:
    'Syncs keep working until then; an Nmbrs user renews the consent with "Connect to Nmbrs again" on the dashboard or the connector page.',
};

/** The human text: the webhook's `text` (what Teams and Slack show) and the e-mail body. */
export function textOf(event: NotificationEvent): string {
  const run = event.runId === null ? "" : ` (run ${event.runId})`;
  const next = NEXT_STEPS[event.kind];
  return `HR Gateway: ${event.connector.name}${run}: ${HEADLINES[event.kind]}. ${event.message}. ${next}${event.url ? ` ${event.url}` : ""}`;
}

/** The webhook body (docs/notifications.md). `text` first, so chat tools that show only that show the gist. */
export function webhookPayload(event: NotificationEvent): Record<string, unknown> {
  return {
    text: textOf(event),
    event: event.kind,
    connector: event.connector,
    runId: event.runId,
    message: event.message,
    at: event.at,
    url: event.url,
  };
}
