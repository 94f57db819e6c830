import { Hono, type Context } from "hono";
import { decisionAuditDetail } from "../../sync/holds/hold-decisions.js";
import { readHolds, selectHolds } from "../../sync/holds/person-holds.js";
import { SyncError } from "../../sync/sync-error.js";
import { auditAdminAction } from "../audit/audit-log.js";
import type { ConsoleDeps, ConsoleEnv } from "../deps.js";
import { Empty, Notice } from "../views/components.js";
import { requestMessages } from "../i18n/use-language.js";
import { renderPage } from "../views/layout.js";
import { problemPage } from "../views/problem-page.js";
import { confirmHoldsPage } from "./hold-confirm.js";
import { NONE_TICKED, parseHoldForm } from "./hold-form.js";
import { HOLD_KIND_ORDER } from "./hold-labels.js";
import { orderHoldRows } from "./hold-order.js";
import { listedPeople } from "../../sync/hr-list-store.js";
import { brakeTrips } from "./brake-trips.js";
import { HoldSection } from "./hold-section.js";

/**
 * Person holds of a connector (docs/holds.md): who waits for a decision and why, decided as a whole (per kind and
 * company) or per person, each after a confirmation page with the count. Approving starts a sync that applies the
 * approved changes.
 */
export function holdRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();

  app.get("/:id/holds", (c) => {
    const connector = deps.registry.get(c.req.param("id"));
    if (!connector) return noSuchConnector(c);
    const connectorId = connector.settings.id;
    const t = requestMessages(c).holdPages;
    const holds = readHolds(deps.db.sqlite, connectorId);
    const people = listedPeople(
      deps.db.sqlite,
      holds.map((hold) => hold.scimId),
    );
    const trips = brakeTrips(deps.db.sqlite, holds);
    const done = c.req.query("done");
    const count = Number(c.req.query("n")) || 0;
    return renderPage(c, {
      title: t.title(connector.settings.name),
      section: "connectors",
      breadcrumb: [{ href: `/connectors/${connectorId}`, label: connectorId }],
      children: (
        <>
          {done === "approved" ? (
            <Notice tone="ok" role="status" title={t.approvedTitle(count)}>
              {t.approvedText} <a href={`/runs?connector=${connectorId}`}>{t.followIt}</a>
              {t.approvedAfter}
            </Notice>
          ) : null}
          {done === "rejected" ? (
            <Notice tone="ok" role="status" title={t.rejectedTitle(count)}>
              {t.rejectedText}
            </Notice>
          ) : null}
          {holds.length === 0 ? (
            <Empty>{t.nobodyHeld}</Empty>
          ) : (
            HOLD_KIND_ORDER.map((kind) => {
              const ofKind = holds.filter((hold) => hold.kind === kind);
              if (ofKind.length === 0) return null;
              return (
                <HoldSection
                  c={c}
                  connectorId={connectorId}
                  kind={kind}
                  rows={orderHoldRows(ofKind, people)}
                  trips={trips}
                />
              );
            })
          )}
        </>
      ),
    });
  });

  app.post("/:id/holds", async (c) => {
    const connector = deps.registry.get(c.req.param("id"));
    if (!connector) return noSuchConnector(c);
    const connectorId = connector.settings.id;
    const t = requestMessages(c).holdPages;
    const request = parseHoldForm(await c.req.parseBody({ all: true }));
    if ("error" in request) {
      return problemPage(c, 400, t.nothingDecided, request.error === NONE_TICKED ? t.tickSomeone : request.error);
    }
    const holds = readHolds(deps.db.sqlite, connectorId);
    const chosen = selectHolds(holds, request.selection, request.status);
    if (chosen.length === 0) return problemPage(c, 409, t.nothingDecided, t.noLongerWaiting);
    if (request.confirmed !== chosen.length) {
      const rows = orderHoldRows(
        chosen,
        listedPeople(
          deps.db.sqlite,
          chosen.map((hold) => hold.scimId),
        ),
      );
      return confirmHoldsPage(c, { id: connectorId, name: connector.settings.name }, request, rows);
    }
    // Nothing awaits between the count above and the decision: what was confirmed is what is decided.
    try {
      const { decided, applied } = deps.sync.decideHolds(
        connectorId,
        request.selection,
        request.status,
        c.get("admin")!.username,
      );
      // The run is followed under Sync runs; its failure is recorded there and in the log like any other run's.
      applied?.catch(() => undefined);
      auditAdminAction(c, deps, request.status === "approved" ? "hold_approve" : "hold_reject", {
        connectorId,
        detail: decisionAuditDetail(decided),
      });
      return c.redirect(`/connectors/${connectorId}/holds?done=${request.status}&n=${decided.length}`, 303);
    } catch (error) {
      if (!(error instanceof SyncError)) throw error;
      return problemPage(c, 409, t.nothingDecided, error.message);
    }
  });

  return app;
}

function noSuchConnector(c: Context<ConsoleEnv>) {
  const t = requestMessages(c).problems;
  return problemPage(c, 404, t.noConnectorTitle, t.noConnectorText);
}
