/** The words of an OAuth source's consent buttons, from its own area of the catalogue. */
export interface ConsentButtonWords {
  readonly connect: string;
  readonly connectAgain: string;
  readonly disconnect: string;
  readonly disconnectConfirm: string;
}

/** Which source's routes the buttons post to: `/connectors/:id/<routes>/connect` and `…/disconnect`. */
export type ConsentRoutes = "nmbrs" | "loket";

/**
 * The one click that asks for (or renews) a consent: htmx posts it (no form: it also sits inside the connector form)
 * and follows HX-Redirect to the system's consent page; a refusal lands in the element `problemTarget`.
 */
export function ConnectButton(props: {
  connectorId: string;
  routes: ConsentRoutes;
  again: boolean;
  problemTarget: string;
  t: ConsentButtonWords;
}) {
  return (
    <button
      type="button"
      class="button button-primary"
      hx-post={`/connectors/${props.connectorId}/${props.routes}/connect`}
      hx-params="none"
      hx-target={`#${props.problemTarget}`}
      hx-disabled-elt="this"
    >
      {props.again ? props.t.connectAgain : props.t.connect}
    </button>
  );
}

/** A "Connect to …" card's buttons (Disconnect only when `canDisconnect`) and the area their problems land in. */
export function ConsentButtons(props: {
  connectorId: string;
  routes: ConsentRoutes;
  again: boolean;
  canDisconnect: boolean;
  t: ConsentButtonWords;
}) {
  const problemTarget = `${props.routes}-connect-problem`;
  return (
    <>
      <div class="form-actions">
        <ConnectButton
          connectorId={props.connectorId}
          routes={props.routes}
          again={props.again}
          problemTarget={problemTarget}
          t={props.t}
        />
        {props.canDisconnect ? (
          <button
            type="button"
            class="button button-quiet"
            hx-post={`/connectors/${props.connectorId}/${props.routes}/disconnect`}
            hx-params="none"
            hx-target={`#${problemTarget}`}
            hx-confirm={props.t.disconnectConfirm}
          >
            {props.t.disconnect}
          </button>
        ) : null}
      </div>
      {/* Problems land here; the CSRF token travels in the X-CSRF-Token header console.js adds to htmx requests. */}
      <div id={problemTarget} aria-live="polite"></div>
    </>
  );
}
