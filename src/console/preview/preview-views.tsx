import { GroupBudgetWarning } from "../views/group-budget-warning.js";
import type { RunComparison } from "../../sync/preview/compare-with-run.js";
import type { PreviewRecord } from "../../sync/preview/preview-store.js";
import { fieldText, personLabel } from "../../sync/preview/preview-text.js";
import type { PreviewExcerpt } from "../../sync/preview/preview-excerpt.js";
import type { PreviewSummary } from "../../sync/preview/preview-types.js";
import { Badge, DataTable, Empty, Facts, Notice, Time } from "../views/components.js";
import { useMessages } from "../i18n/use-language.js";
import { formatCount } from "../views/format.js";
import { CsrfField } from "../views/layout.js";
import { stateName } from "../views/person-state.js";
import { RowsShownNote } from "../views/rows-shown.js";

/** The Preview button: reads the whole source, so a plain form post (the page follows when the report is stored). */
export function PreviewButton(props: { connectorId: string; csrfToken: string }) {
  const t = useMessages().t.previewPages;
  return (
    <form method="post" action={`/connectors/${props.connectorId}/previews`} class="inline-form">
      <CsrfField token={props.csrfToken} />
      <button type="submit" class="button" title={t.buttonTitle}>
        {t.button}
      </button>
    </form>
  );
}

export function SummaryFacts(props: { summary: PreviewSummary }) {
  const s = props.summary;
  const { t: messages } = useMessages();
  const t = messages.previewPages.facts;
  return (
    <Facts
      items={[
        [t.people, t.peopleText(s)],
        [t.lifecycleOnly, t.lifecycleOnlyText(s.lifecycleOnly)],
        [t.groups, t.groupsText(s)],
        [t.usersServed, t.usersServedText(s)],
        [t.source, t.sourceText(s)],
        [t.resources, t.resourcesText(s)],
        [t.held, t.heldText(s.held)],
        // Previews stored before the count existed have none.
        ...(s.privateLogins !== undefined
          ? ([[t.oktaLogin, messages.connectorPages.privateLogins.text(s.privateLogins)]] as const)
          : []),
      ]}
    />
  );
}

export function ComparisonNotice(props: { comparison: RunComparison | null }) {
  const { comparison } = props;
  const t = useMessages().t.previewPages.comparison;
  if (!comparison) return <Notice tone="info">{t.noRunYet}</Notice>;
  const run = <a href={`/runs/${comparison.runId}`}>{t.run(comparison.runId)}</a>;
  // The basis and the differences are the comparison's own words (src/sync/preview/compare-with-run.ts), in English.
  const basis = comparison.basis ? (
    <>
      {" "}
      {t.comparedWith} <span lang="en">{comparison.basis}</span>.
    </>
  ) : null;
  if (comparison.verdict === "matches") {
    return (
      <Notice tone="ok" role="status" title={t.appliedAsPreviewed}>
        <p>
          {t.appliedBy} {run}: {t.matches}
          {basis}
        </p>
      </Notice>
    );
  }
  return (
    <Notice
      tone={comparison.verdict === "differs" ? "bad" : "info"}
      title={comparison.verdict === "differs" ? t.differsTitle : t.notComparableTitle}
    >
      <p>
        {t.appliedBy} {run}: {t.verdicts[comparison.verdict]}.{basis}
      </p>
      <ul lang="en">
        {comparison.differences.map((difference) => (
          <li>{difference}</li>
        ))}
      </ul>
    </Notice>
  );
}

/** Members of a group, the first ones only when there are many. */
function memberText(shown: readonly string[], total: number, andMore: (names: string, more: number) => string) {
  return total > shown.length ? andMore(shown.join(", "), total - shown.length) : shown.join(", ");
}

/**
 * The sections of a preview as the page shows them: at most `shown` entries each (PreviewExcerpt), with the totals.
 * `names`: the display names Okta sees now of the people the run would hold (they keep them).
 */
export function PreviewChanges(
  props: Pick<PreviewExcerpt, "report" | "totals" | "shown"> & { names: ReadonlyMap<string, string> },
) {
  const { report, totals, shown, names } = props;
  const { t: messages, language } = useMessages();
  const t = messages.previewPages;
  return (
    <>
      {report.held.length > 0 ? (
        <section class="card card-warn" id="preview-held">
          <h2>{t.heldTitle(formatCount(totals.held, language))}</h2>
          <p>
            {t.heldText}
            {report.brakeReason ? (
              <>
                : <span lang="en">{report.brakeReason}</span>
              </>
            ) : null}
            .
          </p>
          <RowsShownNote shown={shown} total={totals.held} what={t.peopleHeld}>
            {t.downloadsHoldAll}
          </RowsShownNote>
          <DataTable
            label={t.heldLabel}
            columns={[t.heldColumns.hold, t.heldColumns.person, t.heldColumns.company, t.heldColumns.why]}
          >
            {report.held.map((hold) => (
              <tr>
                <td>
                  <Badge tone="warn">{messages.holdPages.kinds[hold.kind].badge}</Badge>
                </td>
                <td>
                  <a href={`/hr/${report.connectorId}/${hold.scimId}`}>{names.get(hold.scimId) ?? hold.label}</a>
                  {names.has(hold.scimId) ? <div class="muted">{hold.label}</div> : null}
                </td>
                <td>{hold.companyNumber}</td>
                <td class="cell-wrap" lang="en">
                  {hold.detail}
                </td>
              </tr>
            ))}
          </DataTable>
        </section>
      ) : null}
      <section class="card" id="preview-people">
        <h2>{t.peopleTitle(formatCount(totals.people, language))}</h2>
        <RowsShownNote shown={shown} total={totals.people} what={t.people}>
          {t.downloadsHoldAll}
        </RowsShownNote>
        {report.people.length === 0 ? (
          <Empty>{t.nobodyChanges}</Empty>
        ) : (
          <DataTable
            label={t.peopleLabel}
            columns={[
              t.peopleColumns.change,
              t.peopleColumns.person,
              t.peopleColumns.state,
              t.peopleColumns.attributes,
              t.peopleColumns.reason,
            ]}
          >
            {report.people.map((person) => (
              <tr>
                <td>
                  <Badge
                    tone={
                      person.change === "deactivates" || person.change === "disappears"
                        ? "bad"
                        : person.change === "appears" || person.change === "reactivates"
                          ? "ok"
                          : "info"
                    }
                  >
                    {t.changes[person.change]}
                  </Badge>
                </td>
                <td>
                  {person.scimId ? (
                    <a href={`/hr/${report.connectorId}/${person.scimId}`}>{personLabel(person)}</a>
                  ) : (
                    personLabel(person)
                  )}
                </td>
                <td>
                  {person.state
                    ? `${person.state.from ? stateName(messages.shared.personStates, person.state.from) : t.newState} → ${stateName(messages.shared.personStates, person.state.to)}`
                    : ""}
                </td>
                <td class="cell-wrap">
                  {person.fields.map((field) => (
                    <div>{fieldText(field)}</div>
                  ))}
                </td>
                <td class="cell-wrap" lang="en">
                  {person.reason ?? ""}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
      <section class="card" id="preview-groups">
        <h2>{t.groupsTitle(formatCount(totals.groups, language))}</h2>
        <GroupBudgetWarning report={report.groupBudget} connectorId={report.connectorId} />
        <RowsShownNote shown={shown} total={totals.groups} what={t.groupsWhat}>
          {t.downloadsHoldAll}
        </RowsShownNote>
        {report.groups.length === 0 ? (
          <Empty>{t.noGroupChanges}</Empty>
        ) : (
          <DataTable
            label={t.groupsLabel}
            columns={[t.groupColumns.change, t.groupColumns.group, t.groupColumns.added, t.groupColumns.removed]}
          >
            {report.groups.map((group) => (
              <tr>
                <td lang="en">{group.change}</td>
                <td>
                  {group.displayName}
                  {group.fields.map((field) => (
                    <div class="muted">{fieldText(field)}</div>
                  ))}
                </td>
                <td class="cell-wrap">{memberText(group.membersAdded, group.membersAddedTotal, t.andMore)}</td>
                <td class="cell-wrap">{memberText(group.membersRemoved, group.membersRemovedTotal, t.andMore)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </>
  );
}

export function PreviewList(props: { connectorId: string; previews: readonly PreviewRecord[] }) {
  const t = useMessages().t.previewPages;
  if (props.previews.length === 0) return <Empty>{t.none}</Empty>;
  const c = t.listColumns;
  return (
    <DataTable label={t.previews} columns={[c.preview, c.made, c.by, c.people, c.resources]}>
      {props.previews.map((preview) => (
        <tr>
          <td>
            <a href={`/connectors/${props.connectorId}/previews/${preview.id}`}>#{preview.id}</a>
          </td>
          <td>
            <Time at={preview.createdAt} />
          </td>
          <td>{preview.createdBy}</td>
          <td>{t.listPeople(preview.summary)}</td>
          <td>{t.facts.resourcesText(preview.summary)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
