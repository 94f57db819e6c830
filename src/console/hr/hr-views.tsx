import { Badge, DataTable, Empty, type Tone } from "../views/components.js";
import { formatCount } from "../views/format.js";
import { encodeCursor, HR_STATES, type HrListPage, type HrState } from "../../sync/hr-list-store.js";

export const STATE_LABELS: Record<HrState, string> = {
  active: "Active",
  pending: "Pre-hire / pending",
  inactive: "Inactive",
  problem: "Problem",
  removed: "Removed",
};

const STATE_TONES: Record<string, Tone> = {
  active: "ok",
  pending: "info",
  inactive: "muted",
  problem: "bad",
  removed: "muted",
};

export function StateBadge(props: { state: string }) {
  return (
    <Badge tone={STATE_TONES[props.state] ?? "muted"}>{STATE_LABELS[props.state as HrState] ?? props.state}</Badge>
  );
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
  const total = counts ? Object.values(counts).reduce((sum, count) => sum + count, 0) : null;
  const link = (state: HrState | undefined, label: string, count: number | null) => (
    <li>
      <a href={hrUrl({ ...filter, state })} aria-current={filter.state === state ? "true" : undefined}>
        {label}
        {count !== null ? <span class="count">{formatCount(count)}</span> : null}
      </a>
    </li>
  );
  return (
    <nav class="segmented" aria-label="Filter by state">
      <ul>
        {link(undefined, "All", total)}
        {HR_STATES.map((state) => link(state, STATE_LABELS[state], counts ? (counts[state] ?? 0) : null))}
      </ul>
    </nav>
  );
}

/** The results region: count, table, pager. Swapped alone by htmx while typing a search. */
export function HrResults(props: { filter: HrFilter; page: HrListPage }) {
  const { filter, page } = props;
  const first = page.rows[0];
  const last = page.rows.at(-1);
  return (
    <div id="hr-results" class="hr-results">
      <p class="result-count" role="status">
        {page.capped ? `More than ${formatCount(page.total)}` : formatCount(page.total)}{" "}
        {page.total === 1 ? "person" : "people"}
        {filter.text ? ` matching "${filter.text}"` : ""}
      </p>
      {page.rows.length === 0 ? (
        <Empty>Nobody here. {filter.text ? "Try part of a name, an e-mail address or an employee number." : ""}</Empty>
      ) : (
        <DataTable
          label="People"
          columns={["Name", "User name (Okta) / e-mail", "Employee no.", "Company", "State", "In Okta"]}
          class="table-hr"
        >
          {page.rows.map((row) => (
            <tr>
              <td>
                <a href={`/hr/${filter.connectorId}/${row.scimId}`}>{row.displayName}</a>
              </td>
              <td class="cell-wrap">
                {row.userName ?? row.email ?? <span class="muted">no e-mail</span>}
                {row.privateLogin ? (
                  <>
                    {" "}
                    <Badge tone="warn">private e-mail</Badge>
                  </>
                ) : null}
              </td>
              <td>{row.employeeNumber}</td>
              <td>{row.companyName ?? ""}</td>
              <td>
                <StateBadge state={row.state} />
              </td>
              <td>
                {row.active === null ? <span class="muted">not served</span> : row.active ? "active" : "inactive"}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <nav class="pager" aria-label="Pages">
        {page.hasPrevious ? (
          <>
            <a class="button" href={hrUrl(filter)}>
              First
            </a>
            {/* A page after the last row (the rows it followed were removed since) has no row to go back from. */}
            {first ? (
              <a class="button" href={hrUrl(filter, { before: encodeCursor(first) })} rel="prev">
                Previous
              </a>
            ) : null}
          </>
        ) : null}
        {page.hasNext && last ? (
          <a class="button" href={hrUrl(filter, { after: encodeCursor(last) })} rel="next">
            Next
          </a>
        ) : null}
      </nav>
    </div>
  );
}
