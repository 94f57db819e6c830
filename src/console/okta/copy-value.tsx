import { useMessages } from "../i18n/use-language.js";

/**
 * A value the admin pastes into Okta, with a Copy button. The button is wired by static/console.js (data-copy):
 * the console's Content-Security-Policy allows no inline script.
 */
export function CopyValue(props: { id: string; value: string; label: string; inline?: boolean }) {
  const t = useMessages().t.oktaPage;
  return (
    <span class={props.inline ? "copyable copyable-inline" : "copyable"}>
      <code id={props.id}>{props.value}</code>
      <button
        type="button"
        class="button button-small"
        data-copy={`#${props.id}`}
        aria-label={t.copyLabel(props.label)}
      >
        {t.copy}
      </button>
    </span>
  );
}
