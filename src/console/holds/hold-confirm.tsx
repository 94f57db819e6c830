import type { Context } from "hono";
import type { ConsoleEnv } from "../deps.js";
import { Notice, TableWrap } from "../views/components.js";
import { plural } from "../views/format.js";
import { CsrfField, renderPage } from "../views/layout.js";
import { ROWS_SHOWN, RowsShownNote } from "../views/rows-shown.js";
import type { HoldDecisionRequest } from "./hold-form.js";
import { HOLD_KIND_ORDER, HOLD_LABELS } from "./hold-labels.js";
import { companiesOfRows, type HoldRow } from "./hold-order.js";
import { HoldPersonCells } from "./hold-section.js";

/**
 * "Approve 12 holds?": the people a decision covers, counted and listed, before anything is decided. The form
 * carries the count, and the decision is refused (this page comes back) when the holds changed in between, so the
 * admin decides exactly what they saw.
 */
export function confirmHoldsPage(
  c: Context<ConsoleEnv>,
  connector: { readonly id: string; readonly name: string },
  request: HoldDecisionRequest,
  rows: readonly HoldRow[],
) {
  const approve = request.status === "approved";
  const count = plural(rows.length, "hold", "holds");
  const holdsUrl = `/connectors/${connector.id}/holds`;
  const kinds = HOLD_KIND_ORDER.filter((kind) => rows.some((row) => row.hold.kind === kind));
  const companies = companiesOfRows(rows);
  const selection = request.selection;
  return renderPage(c, {
    title: approve ? `Approve ${count}?` : `Reject ${count}?`,
    section: "connectors",
    breadcrumb: [
      { href: `/connectors/${connector.id}`, label: connector.id },
      { href: holdsUrl, label: "Holds" },
    ],
    children: (
      <section class="card">
        {request.confirmed !== undefined ? (
          <Notice tone="warn" role="alert" title="The holds changed">
            You confirmed {plural(request.confirmed, "hold", "holds")}; {rows.length} match now (a run or another admin
            changed them). Nothing was decided: check the list again.
          </Notice>
        ) : null}
        {approve ? (
          kinds.map((kind) => <p>{HOLD_LABELS[kind].approveMeans}</p>)
        ) : (
          <p>
            Rejecting keeps these people as Okta sees them now; later runs do not ask again until their HR data changes.
          </p>
        )}
        <RowsShownNote shown={ROWS_SHOWN} total={rows.length} what="people">
          the decision covers all {rows.length} of them.
        </RowsShownNote>
        <TableWrap label={approve ? "People to approve" : "People to reject"}>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">Employee no.</th>
                <th scope="col">Person</th>
                <th scope="col">Company</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, ROWS_SHOWN).map((row) => (
                <tr>
                  <HoldPersonCells connectorId={connector.id} row={row} companies={companies} />
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
        <form method="post" action={holdsUrl} class="form-actions">
          <CsrfField token={c.get("csrfToken")} />
          <input type="hidden" name="decision" value={approve ? "approve" : "reject"} />
          {"ids" in selection ? (
            selection.ids.map((id) => <input type="hidden" name="id" value={String(id)} />)
          ) : (
            <>
              <input type="hidden" name="scope" value="all" />
              <input type="hidden" name="kind" value={selection.kind ?? ""} />
              <input type="hidden" name="company" value={selection.companyNumber ?? ""} />
            </>
          )}
          <input type="hidden" name="confirm" value={String(rows.length)} />
          <button type="submit" class={approve ? "button button-primary" : "button button-danger"}>
            {approve ? `Yes, approve ${count}` : `Yes, reject ${count}`}
          </button>
          <a class="button button-quiet" href={holdsUrl}>
            Cancel
          </a>
        </form>
      </section>
    ),
  });
}
