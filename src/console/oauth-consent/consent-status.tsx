import { Badge, Time } from "../views/components.js";

/** Where a connector's OAuth consent stands, as every "Connect to …" card reads it from the stored tokens. */
export type ConsentStanding =
  | {
      readonly state: "connected";
      readonly connectedAt: string;
      readonly connectedBy: string;
      /** Set (true, or the connector's attention) while the source refuses a refresh. */
      readonly reconsent: boolean | string | null;
    }
  | { readonly state: "not-connected" }
  | { readonly state: "stale"; readonly reason: string };

export interface ConsentStatusWords {
  readonly connected: string;
  readonly connectedBy: (who: string) => string;
  readonly notConnected: string;
  readonly needsReconsent: string;
}

/** The consent's badge: connected (by whom, when), needs re-consent (with the English reason when stale), or not yet. */
export function ConsentStatus(props: { connection: ConsentStanding; t: ConsentStatusWords }) {
  const { connection, t } = props;
  if (connection.state === "connected") {
    if (connection.reconsent) return <Badge tone="bad">{t.needsReconsent}</Badge>;
    return (
      <>
        <Badge tone="ok">{t.connected}</Badge> <span class="muted">{t.connectedBy(connection.connectedBy)}</span>
        <Time at={connection.connectedAt} />
      </>
    );
  }
  if (connection.state === "stale")
    return (
      <>
        <Badge tone="bad">{t.needsReconsent}</Badge>{" "}
        <span class="muted" lang="en">
          {connection.reason}
        </span>
      </>
    );
  return <Badge tone="warn">{t.notConnected}</Badge>;
}
