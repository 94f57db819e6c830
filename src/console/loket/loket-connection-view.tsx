import { loketTokensMismatch, readLoketTokens } from "../../connectors/loket-tokens.js";
import type { ConnectorRecord, ConnectorRegistry } from "../../connectors/registry.js";
import { useMessages } from "../i18n/use-language.js";
import { callbackPath } from "../oauth-consent/consent-kind.js";
import { ConsentButtons } from "../oauth-consent/consent-buttons.js";
import { ConsentStatus } from "../oauth-consent/consent-status.js";
import { Facts, Notice } from "../views/components.js";
import { LOKET_CONSENT, LOKET_DISCONNECTED } from "./loket-consent-routes.js";

export type LoketConnection =
  | {
      readonly state: "connected";
      readonly connectedAt: string;
      readonly connectedBy: string;
      readonly reconsent: boolean;
    }
  | { readonly state: "not-connected" }
  | { readonly state: "stale"; readonly reason: string };

/** The Loket connection of a loket connector, or null for a connector of another kind. */
export function loketConnectionOf(registry: ConnectorRegistry, record: ConnectorRecord): LoketConnection | null {
  if (record.settings.kind !== "loket") return null;
  const tokens = readLoketTokens(registry, record.settings.id);
  if (!tokens) return { state: "not-connected" };
  const settings = registry.resolve(record.settings.id)?.loket;
  const mismatch = settings ? loketTokensMismatch(tokens, settings) : null;
  if (mismatch) return { state: "stale", reason: mismatch };
  return {
    state: "connected",
    connectedAt: tokens.connectedAt,
    connectedBy: tokens.connectedBy,
    reconsent: record.attention?.toLowerCase().includes("re-consent") ?? false,
  };
}

/** The connector page's note after "Disconnect": the gateway forgot its tokens; the app is withdrawn in Loket. */
export function LoketDisconnectedNotice(props: { outcome: string | undefined }) {
  const t = useMessages().t.loketConsent;
  if (props.outcome !== LOKET_DISCONNECTED) return null;
  return (
    <Notice tone="warn" role="status" title={t.disconnectedTitle}>
      <p>{t.disconnectedText}</p>
    </Notice>
  );
}

/**
 * The "Connect to Loket" card: whether the gateway holds a consent, the redirect URI to register, and the buttons
 * (htmx posts without a form, as "Connect to Nmbrs"; a refusal lands in the problem area below them).
 */
export function LoketConnect(props: { connectorId: string; connection: LoketConnection; publicUrl: string }) {
  const { connection, connectorId } = props;
  const t = useMessages().t.loketConsent;
  const connected = connection.state === "connected";
  const status = <ConsentStatus connection={connection} t={t} />;
  return (
    <section class="card" id="loket-connection">
      <h2>{t.title}</h2>
      <Facts
        items={[
          [t.consent, status],
          [t.redirectUri, <code>{`${props.publicUrl}${callbackPath(LOKET_CONSENT)}`}</code>],
        ]}
      />
      <p class="hint">{t.registerHint}</p>
      <ConsentButtons
        connectorId={connectorId}
        routes="loket"
        again={connected || connection.state === "stale"}
        canDisconnect={connected}
        t={t}
      />
    </section>
  );
}
