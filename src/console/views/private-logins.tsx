import { Notice } from "./components.js";
import { plural } from "./format.js";

/**
 * "3 people get a private e-mail address as their Okta login": the one sentence every page uses for the users whose
 * userName fell back to a private address (identity.user_name_from), so the admin sees it before Okta imports them.
 */
export function privateLoginsText(count: number): string {
  return `${plural(count, "person gets", "people get")} a private e-mail address as their Okta login`;
}

/** The warning on the dashboard card and the connector page; nothing when nobody signs in privately. */
export function PrivateLoginsWarning(props: { count: number | undefined; connectorId: string }) {
  if (!props.count) return null;
  return (
    <Notice tone="warn" role="status">
      <p>
        {privateLoginsText(props.count)} (marked in the <a href={`/hr?connector=${props.connectorId}`}>HR list</a>).
        Give them a work address in Nmbrs; to stop new ones, set the{" "}
        <a href={`/connectors/${props.connectorId}/edit`}>Okta login</a> to the work e-mail only
        (identity.user_name_from).
      </p>
    </Notice>
  );
}
