import { useMessages } from "../i18n/use-language.js";
import { Notice } from "./components.js";

/** The warning on the dashboard card and the connector page; nothing when nobody signs in privately. */
export function PrivateLoginsWarning(props: { count: number | undefined; connectorId: string }) {
  const t = useMessages().t.connectorPages.privateLogins;
  if (!props.count) return null;
  return (
    <Notice tone="warn" role="status">
      <p>
        {t.text(props.count)} ({t.markedIn} <a href={`/hr?connector=${props.connectorId}`}>{t.hrList}</a>). {t.advice}{" "}
        <a href={`/connectors/${props.connectorId}/edit`}>{t.oktaLogin}</a> {t.toWorkOnly} (
        <code>identity.user_name_from</code>).
      </p>
    </Notice>
  );
}
