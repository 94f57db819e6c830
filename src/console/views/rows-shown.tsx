import type { Child } from "hono/jsx";
import { useMessages } from "../i18n/use-language.js";

/**
 * Rows a console page shows of a list that grows with the number of people (a held run's affected people, a kind of
 * hold): at 50,000 people the whole list is a page of tens of megabytes that takes seconds to render on the serving
 * thread and that no browser shows usefully. Such a page shows the first ones, says so, and says where the rest are.
 */
export const ROWS_SHOWN = 200;

/**
 * "Showing the first 200 of 52,000 people; …" when a list was cut, nothing otherwise. `what` (plural) and `children`
 * (where the rest are) come from the catalogue, in the page's language.
 */
export function RowsShownNote(props: { shown: number; total: number; what: string; children: Child }) {
  const { t } = useMessages();
  if (props.total <= props.shown) return null;
  return (
    <p class="hint rows-shown">
      {t.shared.rowsShown(props.shown, props.total, props.what)} {props.children}
    </p>
  );
}
