import type { Clock } from "../clock.js";
import type { Logger } from "../logging/logger.js";
import type { Notifier } from "../notify/notifier.js";
import { consentDaysLeft, consentExpiresAt, consentReminderDue } from "./nmbrs-consent-age.js";
import type { ConnectorRegistry } from "./registry.js";

/**
 * Which reminder was sent for which consent, kept beside the tokens in the connector's sealed secrets: a new consent
 * (another `connectedAt`) starts over, and the server and `npm run sync` see the same record.
 */
const SENT = "nmbrsConsentReminder";

interface SentReminder {
  readonly connectedAt: string;
  readonly daysBefore: number;
}

export interface ConsentReminderDeps {
  readonly registry: ConnectorRegistry;
  readonly notifier: Notifier | null;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Link to the connector page in the console, when the public URL is known. */
  readonly connectorUrl?: (connectorId: string) => string;
}

/**
 * Tells the admin (e-mail, webhook) that a REST connector's Nmbrs consent ends soon in the worst case
 * (nmbrs-consent-age.ts): once at 7 days, once at 2. Called after each run of the connector, so a connector that
 * syncs hourly is reminded within the hour of a threshold.
 */
export function createConsentReminders(deps: ConsentReminderDeps): (connectorId: string) => Promise<void> {
  const { registry } = deps;
  return async (connectorId) => {
    const connector = registry.resolve(connectorId);
    // A SOAP connector prepared for the move does not sync with its consent; the dashboard shows its age.
    if (connector?.settings.kind !== "nmbrs-rest" || !connector.nmbrsRest) return;
    // Imported here, not at start-up: the token module brings the Nmbrs OAuth and XML clients into the serving
    // process, which only a REST connector's reminder needs (BENCHMARKS.md, "The gateway's idle memory").
    const { readTokens, tokensMismatch } = await import("./nmbrs-tokens.js");
    const tokens = readTokens(registry, connectorId);
    if (!tokens || tokensMismatch(tokens, connector.nmbrsRest)) return;
    const daysLeft = consentDaysLeft(tokens.connectedAt, deps.clock());
    const dueAfter = (secrets: Record<string, unknown>): number | null => {
      const sent = secrets[SENT] as SentReminder | undefined;
      return consentReminderDue(daysLeft, sent?.connectedAt === tokens.connectedAt ? sent.daysBefore : null);
    };
    if (dueAfter(registry.secretsOf(connectorId)) === null) return;
    // Decided again inside the write: of two processes checking at once, one sends.
    let due = null as number | null;
    registry.changeSecrets(connectorId, (secrets) => {
      due = dueAfter(secrets);
      return due === null
        ? secrets
        : { ...secrets, [SENT]: { connectedAt: tokens.connectedAt, daysBefore: due } satisfies SentReminder };
    });
    if (due === null) return;
    const endsOn = consentExpiresAt(tokens.connectedAt).toISOString().slice(0, 10);
    const message = `the Nmbrs consent given by ${tokens.connectedBy} on ${tokens.connectedAt.slice(0, 10)} may end in ${daysLeft} ${daysLeft === 1 ? "day" : "days"} (${endsOn}, 30 days after the consent: the worst case)`;
    deps.logger.warn(
      { connector: connectorId, daysLeft, endsOn },
      "nmbrs consent ends soon (worst case): reminding the admin",
    );
    await deps.notifier?.notify(connector.settings.notify, {
      kind: "consent_expiring",
      connector: { id: connectorId, name: connector.settings.name },
      runId: null,
      message,
      at: deps.clock().toISOString(),
      url: deps.connectorUrl?.(connectorId) ?? null,
    });
  };
}
