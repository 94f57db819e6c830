import { Hono, type Context } from "hono";
import { decisionAuditDetail } from "../../sync/hold-decisions.js";
import { readHolds, type StoredHold } from "../../sync/person-holds.js";
import type { HoldKind } from "../../sync/plan-types.js";
import { SyncError } from "../../sync/sync-error.js";
import { auditAdminAction } from "../audit/audit-log.js";
import { displayNames } from "../runs/run-queries.js";
import type { ConsoleDeps, ConsoleEnv } from "../deps.js";
import { Badge, DataTable, Empty, Notice, Time } from "../views/components.js";
import { plural } from "../views/format.js";
import { CsrfField, renderPage } from "../views/layout.js";
import { problemPage } from "../views/problem-page.js";
import { ROWS_SHOWN, RowsShownNote } from "../views/rows-shown.js";
import { parseHoldForm } from "./hold-form.js";
import { HOLD_KIND_ORDER, HOLD_LABELS } from "./hold-labels.js";

/**
 * Person holds of a connector (docs/holds.md): who waits for a decision and why, decided as a whole (per kind and
 * company) or per person. Approving starts a sync that applies the approved changes.
 */
export function holdRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();

  app.get("/:id/holds", (c) => {
    const connector = deps.registry.get(c.req.param("id"));
    if (!connector) return problemPage(c, 404, "No such connector", "This connector does not exist.");
    const connectorId = connector.settings.id;
    const holds = readHolds(deps.db.sqlite, connectorId);
    const byKind = HOLD_KIND_ORDER.map((kind) => ({ kind, holds: holds.filter((hold) => hold.kind === kind) }));
    const names = displayNames(
      deps.db.sqlite,
      byKind.flatMap((section) => section.holds.slice(0, ROWS_SHOWN).map((hold) => hold.scimId)),
    );
    const done = c.req.query("done");
    const count = Number(c.req.query("n")) || 0;
    return renderPage(c, {
      title: `Holds · ${connector.settings.name}`,
      section: "connectors",
      breadcrumb: [{ href: `/connectors/${connectorId}`, label: connectorId }],
      children: (
        <>
          {done === "approved" ? (
            <Notice tone="ok" role="status" title={`${plural(count, "hold", "holds")} approved`}>
              A sync run started to apply them; <a href={`/runs?connector=${connectorId}`}>follow it under Sync runs</a>. Okta sees the change at its next import.
            </Notice>
          ) : null}
          {done === "rejected" ? (
            <Notice tone="ok" role="status" title={`${plural(count, "hold", "holds")} rejected`}>
              These people stay as Okta sees them now, and later runs do not ask again until their HR data changes.
            </Notice>
          ) : null}
          {holds.length === 0 ? (
            <Empty>Nobody is held: every change of the last run was applied.</Empty>
          ) : (
            byKind.map(({ kind, holds: ofKind }) =>
              ofKind.length === 0 ? null : <HoldSection c={c} connectorId={connectorId} kind={kind} holds={ofKind} names={names} />,
            )
          )}
        </>
      ),
    });
  });

  app.post("/:id/holds", async (c) => {
    const connector = deps.registry.get(c.req.param("id"));
    if (!connector) return problemPage(c, 404, "No such connector", "This connector does not exist.");
    const connectorId = connector.settings.id;
    const request = parseHoldForm(await c.req.parseBody({ all: true }));
    if ("error" in request) return problemPage(c, 400, "Nothing decided", request.error);
    try {
      const { decided, applied } = deps.sync.decideHolds(connectorId, request.selection, request.status, c.get("admin")!.username);
      // The run is followed under Sync runs; its failure is recorded there and in the log like any other run's.
      applied?.catch(() => undefined);
      auditAdminAction(c, deps, request.status === "approved" ? "hold_approve" : "hold_reject", { connectorId, detail: decisionAuditDetail(decided) });
      return c.redirect(`/connectors/${connectorId}/holds?done=${request.status}&n=${decided.length}`, 303);
    } catch (error) {
      if (!(error instanceof SyncError)) throw error;
      return problemPage(c, 409, "Nothing decided", error.message);
    }
  });

  return app;
}

/** One kind of hold: the people, ticked for a decision per person, and buttons for all of them (per company). */
function HoldSection(props: { c: Context<ConsoleEnv>; connectorId: string; kind: HoldKind; holds: readonly StoredHold[]; names: ReadonlyMap<string, string> }) {
  const { c, connectorId, kind, holds, names } = props;
  const open = holds.filter((hold) => hold.status !== "approved");
  const companies = [...new Set(open.map((hold) => hold.companyNumber))].sort();
  const formId = `holds-${kind}`;
  const action = `/connectors/${connectorId}/holds`;
  return (
    <section class="card card-warn" aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`}>
        {HOLD_LABELS[kind].title} ({holds.length})
      </h2>
      <p>{HOLD_LABELS[kind].approveMeans} Rejecting keeps the person as Okta sees them now.</p>
      <form method="post" action={action} id={formId}>
        <CsrfField token={c.get("csrfToken")} />
        <RowsShownNote shown={ROWS_SHOWN} total={holds.length} what="holds">
          the buttons below decide all of them, together or per company.
        </RowsShownNote>
        <DataTable label={HOLD_LABELS[kind].title} columns={["", "Person", "Company", "Why", "Held since", "Decision"]}>
          {holds.slice(0, ROWS_SHOWN).map((hold) => (
            <tr>
              <td>
                {hold.status === "approved" ? null : <input type="checkbox" name="id" value={String(hold.id)} aria-label={`Select ${hold.label}`} />}
              </td>
              <td>
                <a href={`/hr/${connectorId}/${hold.scimId}`}>{names.get(hold.scimId) ?? hold.label}</a>
                {names.has(hold.scimId) ? <div class="muted">{hold.label}</div> : null}
              </td>
              <td>{hold.companyNumber}</td>
              <td class="cell-wrap">{hold.detail}</td>
              <td>
                <Time at={hold.since} />
              </td>
              <td>
                <Badge tone={hold.status === "pending" ? "warn" : hold.status === "approved" ? "ok" : "muted"}>{hold.status}</Badge>
                {hold.decidedBy ? <div class="muted">{hold.decidedBy}</div> : null}
              </td>
            </tr>
          ))}
        </DataTable>
        {open.length > 0 ? (
          <div class="form-actions">
            <button type="submit" name="decision" value="approve" class="button button-primary">
              Approve selected
            </button>
            <button type="submit" name="decision" value="reject" class="button button-danger">
              Reject selected
            </button>
          </div>
        ) : null}
      </form>
      {open.length > 0 ? (
        <div class="form-actions">
          {(companies.length > 1 ? [undefined, ...companies] : [undefined]).map((company) => (
            <form method="post" action={action}>
              <CsrfField token={c.get("csrfToken")} />
              <input type="hidden" name="scope" value="all" />
              <input type="hidden" name="kind" value={kind} />
              {company ? <input type="hidden" name="company" value={company} /> : null}
              <button type="submit" name="decision" value="approve" class="button">
                {company ? `Approve all of company ${company}` : `Approve all ${open.length}`}
              </button>
              <button type="submit" name="decision" value="reject" class="button button-quiet">
                {company ? `Reject all of company ${company}` : `Reject all ${open.length}`}
              </button>
            </form>
          ))}
        </div>
      ) : null}
    </section>
  );
}
