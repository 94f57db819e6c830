import type { ConnectorRecord, ConnectorRegistry } from "../../connectors/registry.js";
import { CONSENT_REMINDER_DAYS, consentDaysLeft, consentExpiresAt } from "../../connectors/nmbrs-consent-age.js";
import { readTokens, tokensMismatch } from "../../connectors/nmbrs-tokens.js";
import { NMBRS_SCOPES } from "../../sources/nmbrs/rest/oauth-client.js";
import { Badge, Facts, Notice, Time } from "../views/components.js";
import { useMessages } from "../i18n/use-language.js";
import { ConsentButtons } from "../oauth-consent/consent-buttons.js";
import { ConsentStatus } from "../oauth-consent/consent-status.js";

/** Where Nmbrs sends the admin back after consent: register exactly this URL as the app's redirect URI. */
export const CALLBACK_PATH = "/oauth/nmbrs/callback";

export type RestConnection =
  | {
      readonly state: "connected";
      readonly connectedAt: string;
      readonly connectedBy: string;
      readonly reconsent: string | null;
      /** When the consent ends if Nmbrs counts 30 days from it (nmbrs-consent-age.ts), and the whole days until then. */
      readonly expiresAt: string;
      readonly daysLeft: number;
    }
  | { readonly state: "not-connected" }
  | { readonly state: "stale"; readonly reason: string };

/** The REST connection of a connector with REST settings, or null for a connector without any. */
export function restConnectionOf(
  registry: ConnectorRegistry,
  record: ConnectorRecord,
  now: Date,
): RestConnection | null {
  if (!record.nmbrsRest) return null;
  const tokens = readTokens(registry, record.settings.id);
  if (!tokens) return { state: "not-connected" };
  const mismatch = tokensMismatch(tokens, record.nmbrsRest);
  if (mismatch) return { state: "stale", reason: mismatch };
  const reconsent = record.attention?.toLowerCase().includes("re-consent") ? record.attention : null;
  return {
    state: "connected",
    connectedAt: tokens.connectedAt,
    connectedBy: tokens.connectedBy,
    reconsent,
    expiresAt: consentExpiresAt(tokens.connectedAt).toISOString(),
    daysLeft: consentDaysLeft(tokens.connectedAt, now),
  };
}

/** How "Disconnect" ended, carried to the connector page in `?disconnected=` (POST-redirect-GET). */
export const DISCONNECT_OUTCOMES = ["revoked", "unconfirmed"] as const;
export type DisconnectOutcome = (typeof DISCONNECT_OUTCOMES)[number];

/** The connector page's note after "Disconnect"; the reason Nmbrs refused the revocation is in the log. */
export function DisconnectedNotice(props: { outcome: string | undefined }) {
  const outcome = DISCONNECT_OUTCOMES.find((known) => known === props.outcome);
  const t = useMessages().t.nmbrsRest;
  if (!outcome) return null;
  return outcome === "revoked" ? (
    <Notice tone="ok" role="status" title={t.disconnectedTitle}>
      <p>{t.disconnectedText}</p>
    </Notice>
  ) : (
    <Notice tone="warn" role="alert" title={t.disconnectedHereTitle}>
      <p>{t.disconnectedHereText}</p>
    </Notice>
  );
}

/** The admin should connect again: refused, stale, or the worst-case end is at most the first reminder away. */
export function consentNeedsRenewal(connection: RestConnection): boolean {
  if (connection.state === "stale") return true;
  return (
    connection.state === "connected" &&
    (connection.reconsent !== null || connection.daysLeft <= CONSENT_REMINDER_DAYS[0])
  );
}

/** "expires in 12 days (worst case)", the line the connector page and the dashboard show. */
export function ConsentAge(props: { connection: Extract<RestConnection, { state: "connected" }> }) {
  const { daysLeft, expiresAt } = props.connection;
  const t = useMessages().t.nmbrsRest;
  if (daysLeft <= 0) {
    return (
      <>
        <Badge tone="bad">{t.endPassed}</Badge> <span class="muted">{t.thirtyDaysAfter}</span>
        <Time at={expiresAt} />
      </>
    );
  }
  const text = t.expiresIn(daysLeft);
  return daysLeft <= CONSENT_REMINDER_DAYS[0] ? <Badge tone="warn">{text}</Badge> : <span>{text}</span>;
}

/**
 * The "Connect to Nmbrs" part of a connector: whether the gateway holds a consent, how old it is, and the button that
 * asks an Nmbrs user for one.
 */
export function NmbrsRestConnect(props: {
  connectorId: string;
  connection: RestConnection;
  callbackUrl: string;
  canDisconnect: boolean;
}) {
  const { connection } = props;
  const connected = connection.state === "connected";
  const t = useMessages().t.nmbrsRest;
  return (
    <div class="nmbrs-rest-connect">
      <Facts
        items={[
          [t.restApi, <ConsentStatus connection={connection} t={t} />],
          ...(connection.state === "connected" && !connection.reconsent
            ? [[t.consentFact, <ConsentAge connection={connection} />] as const]
            : []),
          [t.redirectUri, <code>{props.callbackUrl}</code>],
        ]}
      />
      <p class="hint">{t.registerHint}</p>
      <p class="hint">
        {t.scopes} <code>{NMBRS_SCOPES.join(" ")}</code>.
      </p>
      <ConsentButtons
        connectorId={props.connectorId}
        routes="nmbrs"
        again={connected}
        canDisconnect={connected && props.canDisconnect}
        t={t}
      />
    </div>
  );
}
