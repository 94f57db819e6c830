import type { ConnectorRecord, ConnectorRegistry } from "../../connectors/registry.js";
import { readTokens, tokensMismatch } from "../../connectors/nmbrs-tokens.js";
import { NMBRS_SCOPES } from "../../sources/nmbrs/oauth-client.js";
import { Badge, Facts, Time } from "../views/components.js";

/** Where Nmbrs sends the admin back after consent: register exactly this URL as the app's redirect URI. */
export const CALLBACK_PATH = "/oauth/nmbrs/callback";

export type RestConnection =
  | { readonly state: "connected"; readonly connectedAt: string; readonly connectedBy: string; readonly reconsent: string | null }
  | { readonly state: "not-connected" }
  | { readonly state: "stale"; readonly reason: string };

/** The REST connection of a connector with REST settings, or null for a connector without any. */
export function restConnectionOf(registry: ConnectorRegistry, record: ConnectorRecord): RestConnection | null {
  if (!record.nmbrsRest) return null;
  const tokens = readTokens(registry, record.settings.id);
  if (!tokens) return { state: "not-connected" };
  const mismatch = tokensMismatch(tokens, record.nmbrsRest);
  if (mismatch) return { state: "stale", reason: mismatch };
  const reconsent = record.attention?.toLowerCase().includes("re-consent") ? record.attention : null;
  return { state: "connected", connectedAt: tokens.connectedAt, connectedBy: tokens.connectedBy, reconsent };
}

/**
 * The "Connect to Nmbrs" part of a connector: whether the gateway holds a consent, and the button that asks an Nmbrs
 * user for one. htmx posts the button (no form: it also sits inside the connector form) and follows HX-Redirect to
 * Nmbrs' consent page.
 */
export function NmbrsRestConnect(props: { connectorId: string; connection: RestConnection; callbackUrl: string; canDisconnect: boolean }) {
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
          ["Redirect URI", <code>{props.callbackUrl}</code>],
        ]}
      />
      <p class="hint">Register the redirect URI with your app at developer.nmbrs.com. Connecting sends you to Nmbrs, where an Nmbrs user allows read access once.</p>
      <p class="hint">
        The app needs the scopes <code>{NMBRS_SCOPES.join(" ")}</code>.
      </p>
      <div class="form-actions">
        <button type="button" class="button button-primary" hx-post={`/connectors/${props.connectorId}/nmbrs/connect`} hx-params="none" hx-target="#nmbrs-connect-problem" hx-disabled-elt="this">
          {connected ? "Connect to Nmbrs again" : "Connect to Nmbrs"}
        </button>
        {connected && props.canDisconnect ? (
          <button type="button" class="button button-quiet" hx-post={`/connectors/${props.connectorId}/nmbrs/disconnect`} hx-params="none" hx-target="#nmbrs-connect-problem" hx-confirm="Disconnect? Syncs fail until someone connects again; what Okta sees stays as it is.">
            Disconnect
          </button>
        ) : null}
      </div>
      {/* Problems land here; the CSRF token travels in the X-CSRF-Token header console.js adds to htmx requests. */}
      <div id="nmbrs-connect-problem" aria-live="polite"></div>
    </div>
  );
}
