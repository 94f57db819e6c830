import { useMessages } from "../i18n/use-language.js";
import { Badge, DataTable, Empty, type Tone } from "../views/components.js";
import { formatCount } from "../views/format.js";
import { encodeCursor, HR_STATES, type HrListPage, type HrState } from "../../sync/hr-list-store.js";
import { stateName } from "../views/person-state.js";

const STATE_TONES: Record<string, Tone> = {
  active: "ok",
  pending: "info",
  inactive: "muted",
  problem: "bad",
  removed: "muted",
};

export function StateBadge(props: { state: string }) {
  const { t } = useMessages();
  return <Badge tone={STATE_TONES[props.state] ?? "muted"}>{stateName(t.hrPages.states, props.state)}</Badge>;
}

export interface HrFilter {
  readonly connectorId: string;
  readonly text: string;
  readonly state: HrState | undefined;
}

export function hrUrl(filter: HrFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ connector: filter.connectorId });
  if (filter.text) params.set("q", filter.text);
  if (filter.state) params.set("state", filter.state);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return `/hr?${params}`;
}

/** The state filter as links ("All 1,204 · Active 1,180 · …"); counts only without a search. */
export function StateFilter(props: { filter: HrFilter; counts: Readonly<Record<string, number>> | null }) {
  const { filter, counts } = props;
  const { t, language } = useMessages();
  const total = counts ? Object.values(counts).reduce((sum, count) => sum + count, 0) : null;
  const link = (state: HrState | undefined, label: string, count: number | null) => (
    <li>
      <a href={hrUrl({ ...filter, state })} aria-current={filter.state === state ? "true" : undefined}>
        {label}
        {count !== null ? <span class="count">{formatCount(count, language)}</span> : null}
      </a>
    </li>
  );
  return (
    <nav class="segmented" aria-label={t.hrPages.filterByState}>
      <ul>
        {link(undefined, t.hrPages.all, total)}
        {HR_STATES.map((state) => link(state, t.hrPages.states[state], counts ? (counts[state] ?? 0) : null))}
      </ul>
    </nav>
  );
}

/** The results region: count, table, pager. Swapped alone by htmx while typing a search. */
export function HrResults(props: { filter: HrFilter; page: HrListPage }) {
  const { filter, page } = props;
  const first = page.rows[0];
  const last = page.rows.at(-1);
  const t = useMessages().t.hrPages;
  return (
    <div id="hr-results" class="hr-results">
      <p class="result-count" role="status">
        {t.count(page.total, page.capped)}
        {filter.text ? t.matching(filter.text) : ""}
      </p>
      {page.rows.length === 0 ? (
        <Empty>
          {t.nobodyHere} {filter.text ? t.tryPart : ""}
        </Empty>
      ) : (
        <DataTable
          label={t.people}
          columns={[
            t.columns.name,
            t.columns.userName,
            t.columns.employeeNumber,
            t.columns.company,
            t.columns.state,
            t.columns.inOkta,
          ]}
          class="table-hr"
        >
          {page.rows.map((row) => (
            <tr>
              <td>
                <a href={`/hr/${filter.connectorId}/${row.scimId}`}>{row.displayName}</a>
              </td>
              <td class="cell-wrap">
                {row.userName ?? row.email ?? <span class="muted">{t.noEmail}</span>}
                {row.privateLogin ? (
                  <>
                    {" "}
                    <Badge tone="warn">{t.privateEmail}</Badge>
                  </>
                ) : null}
              </td>
              <td>{row.employeeNumber}</td>
              <td>{row.companyName ?? ""}</td>
              <td>
                <StateBadge state={row.state} />
              </td>
              <td>
                {row.active === null ? <span class="muted">{t.notServed}</span> : row.active ? t.active : t.inactive}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <nav class="pager" aria-label={t.pages}>
        {page.hasPrevious ? (
          <>
            <a class="button" href={hrUrl(filter)}>
              {t.first}
            </a>
            {/* A page after the last row (the rows it followed were removed since) has no row to go back from. */}
            {first ? (
              <a class="button" href={hrUrl(filter, { before: encodeCursor(first) })} rel="prev">
                {t.previous}
              </a>
            ) : null}
          </>
        ) : null}
        {page.hasNext && last ? (
          <a class="button" href={hrUrl(filter, { after: encodeCursor(last) })} rel="next">
            {t.next}
          </a>
        ) : null}
      </nav>
    </div>
  );
}
