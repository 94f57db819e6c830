import type { ConnectorRecord, ConnectorRegistry } from "../../connectors/registry.js";
import { CONSENT_REMINDER_DAYS, consentDaysLeft, consentExpiresAt } from "../../connectors/nmbrs-consent-age.js";
import { readTokens, tokensMismatch } from "../../connectors/nmbrs-tokens.js";
import { NMBRS_SCOPES } from "../../sources/nmbrs/rest/oauth-client.js";
import { Badge, Facts, Notice, Time } from "../views/components.js";
import { plural } from "../views/format.js";

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
  if (!outcome) return null;
  return outcome === "revoked" ? (
    <Notice tone="ok" role="status" title="Disconnected from Nmbrs">
      <p>Nmbrs revoked the gateway's access. Syncs fail until someone connects again; what Okta sees stays as it is.</p>
    </Notice>
  ) : (
    <Notice tone="warn" role="alert" title="Disconnected here only">
      <p>
        The gateway forgot its access, but Nmbrs did not confirm the revocation (the reason is in the log): remove the
        app's access in Nmbrs to be sure.
      </p>
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
  if (daysLeft <= 0) {
    return (
      <>
        <Badge tone="bad">worst-case end passed</Badge> <span class="muted">30 days after the consent, on </span>
        <Time at={expiresAt} />
      </>
    );
  }
  const text = `consent expires in ${plural(daysLeft, "day", "days")} (worst case)`;
  return daysLeft <= CONSENT_REMINDER_DAYS[0] ? <Badge tone="warn">{text}</Badge> : <span>{text}</span>;
}

/**
 * The one click that renews a consent: htmx posts it (no form: it also sits inside the connector form) and follows
 * HX-Redirect to Nmbrs' consent page; a refusal lands in `problemTarget`.
 */
export function ConnectButton(props: { connectorId: string; again: boolean; problemTarget: string }) {
  return (
    <button
      type="button"
      class="button button-primary"
      hx-post={`/connectors/${props.connectorId}/nmbrs/connect`}
      hx-params="none"
      hx-target={`#${props.problemTarget}`}
      hx-disabled-elt="this"
    >
      {props.again ? "Connect to Nmbrs again" : "Connect to Nmbrs"}
    </button>
  );
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
  return (
    <div class="nmbrs-rest-connect">
      <Facts
        items={[
          [
            "Nmbrs REST API",
            connection.state === "connected" ? (
              connection.reconsent ? (
                <Badge tone="bad">needs re-consent</Badge>
              ) : (
                <>
                  <Badge tone="ok">connected</Badge> <span class="muted">by {connection.connectedBy}, </span>
                  <Time at={connection.connectedAt} />
                </>
              )
            ) : connection.state === "stale" ? (
              <>
                <Badge tone="bad">needs re-consent</Badge> <span class="muted">{connection.reason}</span>
              </>
            ) : (
              <Badge tone="warn">not connected</Badge>
            ),
          ],
          ...(connection.state === "connected" && !connection.reconsent
            ? [["Consent", <ConsentAge connection={connection} />] as const]
            : []),
          ["Redirect URI", <code>{props.callbackUrl}</code>],
        ]}
      />
      <p class="hint">
        Register the redirect URI with your app in the Nmbrs partner portal (partner-portal.nmbrsapp.com/integrations).
        Connecting sends you to Nmbrs, where an Nmbrs user allows read access. Nmbrs may end that consent 30 days after
        it was given however often the gateway syncs, so the gateway reminds you 7 and 2 days before: connect again
        then.
      </p>
      <p class="hint">
        The app needs the scopes <code>{NMBRS_SCOPES.join(" ")}</code>.
      </p>
      <div class="form-actions">
        <ConnectButton connectorId={props.connectorId} again={connected} problemTarget="nmbrs-connect-problem" />
        {connected && props.canDisconnect ? (
          <button
            type="button"
            class="button button-quiet"
            hx-post={`/connectors/${props.connectorId}/nmbrs/disconnect`}
            hx-params="none"
            hx-target="#nmbrs-connect-problem"
            hx-confirm="Disconnect? Syncs fail until someone connects again; what Okta sees stays as it is."
          >
            Disconnect
          </button>
        ) : null}
      </div>
      {/* Problems land here; the CSRF token travels in the X-CSRF-Token header console.js adds to htmx requests. */}
      <div id="nmbrs-connect-problem" aria-live="polite"></div>
    </div>
  );
}
