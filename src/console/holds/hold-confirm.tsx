import type { Context } from "hono";
import type { ConsoleEnv } from "../deps.js";
import { Notice, TableWrap } from "../views/components.js";
import { requestMessages } from "../i18n/use-language.js";
import { CsrfField, renderPage } from "../views/layout.js";
import { ROWS_SHOWN, RowsShownNote } from "../views/rows-shown.js";
import type { HoldDecisionRequest } from "./hold-form.js";
import { HOLD_KIND_ORDER } from "./hold-labels.js";
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
  const messages = requestMessages(c);
  const t = messages.holdPages;
  const holdsUrl = `/connectors/${connector.id}/holds`;
  const kinds = HOLD_KIND_ORDER.filter((kind) => rows.some((row) => row.hold.kind === kind));
  const companies = companiesOfRows(rows);
  const selection = request.selection;
  return renderPage(c, {
    title: approve ? t.confirm.approveTitle(rows.length) : t.confirm.rejectTitle(rows.length),
    section: "connectors",
    breadcrumb: [
      { href: `/connectors/${connector.id}`, label: connector.id },
      { href: holdsUrl, label: t.holds },
    ],
    children: (
      <section class="card">
        {request.confirmed !== undefined ? (
          <Notice tone="warn" role="alert" title={t.confirm.changedTitle}>
            {t.confirm.changedText(request.confirmed, rows.length)}
          </Notice>
        ) : null}
        {approve ? kinds.map((kind) => <p>{t.kinds[kind].approveMeans}</p>) : <p>{t.confirm.rejectText}</p>}
        <RowsShownNote shown={ROWS_SHOWN} total={rows.length} what={t.confirm.people}>
          {t.confirm.coversAll(rows.length)}
        </RowsShownNote>
        <TableWrap label={approve ? t.confirm.toApprove : t.confirm.toReject}>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t.columns.employeeNumber}</th>
                <th scope="col">{t.columns.person}</th>
                <th scope="col">{t.columns.company}</th>
                <th scope="col">{t.columns.why}</th>
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
            {approve ? t.confirm.approveButton(rows.length) : t.confirm.rejectButton(rows.length)}
          </button>
          <a class="button button-quiet" href={holdsUrl}>
            {t.confirm.cancel}
          </a>
        </form>
      </section>
    ),
  });
}
