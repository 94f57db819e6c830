import { GroupBudgetWarning } from "../views/group-budget-warning.js";
import type { RunComparison } from "../../sync/preview/compare-with-run.js";
import type { PreviewRecord } from "../../sync/preview/preview-store.js";
import { fieldText, personLabel } from "../../sync/preview/preview-text.js";
import type { PreviewExcerpt } from "../../sync/preview/preview-excerpt.js";
import type { PersonChange, PreviewSummary } from "../../sync/preview/preview-types.js";
import { Badge, DataTable, Empty, Facts, Notice, Time } from "../views/components.js";
import { formatCount } from "../views/format.js";
import { CsrfField } from "../views/layout.js";
import { privateLoginsText } from "../views/private-logins.js";
import { RowsShownNote } from "../views/rows-shown.js";

const CHANGE_LABELS: Record<PersonChange, string> = {
  appears: "Appears",
  changes: "Changes",
  deactivates: "Deactivates",
  reactivates: "Reactivates",
  disappears: "Disappears",
  lifecycle: "Lifecycle only",
};

/** The Preview button: reads the whole source, so a plain form post (the page follows when the report is stored). */
export function PreviewButton(props: { connectorId: string; csrfToken: string }) {
  return (
    <form method="post" action={`/connectors/${props.connectorId}/previews`} class="inline-form">
      <CsrfField token={props.csrfToken} />
      <button type="submit" class="button" title="What the next sync would change; applies nothing">
        Preview
      </button>
    </form>
  );
}

export function SummaryFacts(props: { summary: PreviewSummary }) {
  const s = props.summary;
  return (
    <Facts
      items={[
        [
          "People",
          `${s.appears} appear, ${s.changes} change, ${s.deactivates} deactivate, ${s.reactivates} reactivate, ${s.disappears} disappear`,
        ],
        ["Lifecycle only", `${s.lifecycleOnly} (state changes Okta does not see)`],
        ["Groups", `${s.groupsCreated} created, ${s.groupsChanged} changed, ${s.groupsRemoved} removed`],
        ["Users served", `${s.servedBefore} → ${s.served} (active ${s.activeBefore} → ${s.active})`],
        ["Source", `${s.listed} people listed, ${s.problems} data problems`],
        ["Resources", `${s.created} created, ${s.updated} updated, ${s.removed} removed`],
        ["Held for approval", `${s.held} (their changes wait for a decision)`],
        // Previews stored before the count existed have none.
        ...(s.privateLogins !== undefined ? ([["Okta login", privateLoginsText(s.privateLogins)]] as const) : []),
      ]}
    />
  );
}

export function ComparisonNotice(props: { comparison: RunComparison | null }) {
  const { comparison } = props;
  if (!comparison) return <Notice tone="info">No run has applied since this preview.</Notice>;
  const run = <a href={`/runs/${comparison.runId}`}>run #{comparison.runId}</a>;
  if (comparison.verdict === "matches") {
    return (
      <Notice tone="ok" role="status" title="Applied as previewed">
        <p>
          Applied by {run}: matches. Compared with {comparison.basis}.
        </p>
      </Notice>
    );
  }
  return (
    <Notice
      tone={comparison.verdict === "differs" ? "bad" : "info"}
      title={comparison.verdict === "differs" ? "The run differs from the preview" : "Not comparable"}
    >
      <p>
        Applied by {run}: {comparison.verdict}.{comparison.basis ? ` Compared with ${comparison.basis}.` : ""}
      </p>
      <ul>
        {comparison.differences.map((difference) => (
          <li>{difference}</li>
        ))}
      </ul>
    </Notice>
  );
}

/** Members of a group, the first ones only when there are many. */
function memberText(shown: readonly string[], total: number): string {
  return total > shown.length ? `${shown.join(", ")} and ${total - shown.length} more` : shown.join(", ");
}

/**
 * The sections of a preview as the page shows them: at most `shown` entries each (PreviewExcerpt), with the totals.
 * `names`: the display names Okta sees now of the people the run would hold (they keep them).
 */
export function PreviewChanges(
  props: Pick<PreviewExcerpt, "report" | "totals" | "shown"> & { names: ReadonlyMap<string, string> },
) {
  const { report, totals, shown, names } = props;
  return (
    <>
      {report.held.length > 0 ? (
        <section class="card card-warn" id="preview-held">
          <h2>Held for approval ({formatCount(totals.held)})</h2>
          <p>
            The run would leave these people as Okta sees them and ask for a decision (docs/holds.md)
            {report.brakeReason ? `: ${report.brakeReason}` : ""}.
          </p>
          <RowsShownNote shown={shown} total={totals.held} what="people held">
            the CSV and JSON downloads hold all of them.
          </RowsShownNote>
          <DataTable label="Held for approval" columns={["Hold", "Person", "Company", "Why"]}>
            {report.held.map((hold) => (
              <tr>
                <td>
                  <Badge tone="warn">{hold.kind}</Badge>
                </td>
                <td>
                  <a href={`/hr/${report.connectorId}/${hold.scimId}`}>{names.get(hold.scimId) ?? hold.label}</a>
                  {names.has(hold.scimId) ? <div class="muted">{hold.label}</div> : null}
                </td>
                <td>{hold.companyNumber}</td>
                <td class="cell-wrap">{hold.detail}</td>
              </tr>
            ))}
          </DataTable>
        </section>
      ) : null}
      <section class="card" id="preview-people">
        <h2>People ({formatCount(totals.people)})</h2>
        <RowsShownNote shown={shown} total={totals.people} what="people">
          the CSV and JSON downloads hold all of them.
        </RowsShownNote>
        {report.people.length === 0 ? (
          <Empty>Nobody's data would change.</Empty>
        ) : (
          <DataTable label="People" columns={["Change", "Person", "State", "Attributes (old → new)", "Reason"]}>
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
                    {CHANGE_LABELS[person.change]}
                  </Badge>
                </td>
                <td>
                  {person.scimId ? (
                    <a href={`/hr/${report.connectorId}/${person.scimId}`}>{personLabel(person)}</a>
                  ) : (
                    personLabel(person)
                  )}
                </td>
                <td>{person.state ? `${person.state.from ?? "new"} → ${person.state.to}` : ""}</td>
                <td class="cell-wrap">
                  {person.fields.map((field) => (
                    <div>{fieldText(field)}</div>
                  ))}
                </td>
                <td class="cell-wrap">{person.reason ?? ""}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
      <section class="card" id="preview-groups">
        <h2>Groups ({formatCount(totals.groups)})</h2>
        <GroupBudgetWarning report={report.groupBudget} connectorId={report.connectorId} />
        <RowsShownNote shown={shown} total={totals.groups} what="groups">
          the CSV and JSON downloads hold all of them.
        </RowsShownNote>
        {report.groups.length === 0 ? (
          <Empty>No group would change.</Empty>
        ) : (
          <DataTable label="Groups" columns={["Change", "Group", "Members added", "Members removed"]}>
            {report.groups.map((group) => (
              <tr>
                <td>{group.change}</td>
                <td>
                  {group.displayName}
                  {group.fields.map((field) => (
                    <div class="muted">{fieldText(field)}</div>
                  ))}
                </td>
                <td class="cell-wrap">{memberText(group.membersAdded, group.membersAddedTotal)}</td>
                <td class="cell-wrap">{memberText(group.membersRemoved, group.membersRemovedTotal)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </>
  );
}

export function PreviewList(props: { connectorId: string; previews: readonly PreviewRecord[] }) {
  if (props.previews.length === 0) return <Empty>No previews yet.</Empty>;
  return (
    <DataTable label="Previews" columns={["Preview", "Made", "By", "People", "Resources"]}>
      {props.previews.map((preview) => (
        <tr>
          <td>
            <a href={`/connectors/${props.connectorId}/previews/${preview.id}`}>#{preview.id}</a>
          </td>
          <td>
            <Time at={preview.createdAt} />
          </td>
          <td>{preview.createdBy}</td>
          <td>
            {preview.summary.appears} appear, {preview.summary.changes} change, {preview.summary.deactivates}{" "}
            deactivate, {preview.summary.disappears} disappear
          </td>
          <td>
            {preview.summary.created} created, {preview.summary.updated} updated, {preview.summary.removed} removed
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
