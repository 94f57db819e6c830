import { Hono } from "hono";
import { forgetSourceTested } from "../../connectors/source-tested.js";
import { auditAdminAction } from "../audit/audit-log.js";
import type { ConsoleDeps, ConsoleEnv } from "../deps.js";
import { requestMessages } from "../i18n/use-language.js";
import { Notice } from "../views/components.js";
import { CsrfField, renderPage } from "../views/layout.js";
import { problemPage } from "../views/problem-page.js";
import { noSuchConnector, readOnlyConnector } from "./connector-problems.js";

/** Deleting a console-made connector: a confirmation page, then the delete (not while it syncs). */
export function connectorDeleteRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  const { registry } = deps;

  app.get("/:id/delete", (c) => {
    const record = registry.get(c.req.param("id"));
    if (!record) return noSuchConnector(c);
    if (record.origin === "file") return readOnlyConnector(c);
    const t = requestMessages(c).connectorPages;
    return renderPage(c, {
      title: t.deleteTitle(record.settings.name),
      section: "connectors",
      breadcrumb: [{ href: `/connectors/${record.settings.id}`, label: record.settings.id }],
      children: (
        <section class="card narrow">
          <Notice tone="bad" title={t.cannotUndo}>
            <p>{t.deleteText}</p>
          </Notice>
          <form method="post" action={`/connectors/${record.settings.id}/delete`} class="form-actions">
            <CsrfField token={c.get("csrfToken")} />
            <button type="submit" class="button button-danger">
              {t.confirmDelete(record.settings.id)}
            </button>
            <a class="button button-quiet" href={`/connectors/${record.settings.id}`}>
              {t.cancel}
            </a>
          </form>
        </section>
      ),
    });
  });

  app.post("/:id/delete", (c) => {
    const record = registry.get(c.req.param("id"));
    if (!record) return noSuchConnector(c);
    if (record.origin === "file") return readOnlyConnector(c);
    if (deps.sync.isRunning(record.settings.id)) {
      const t = requestMessages(c).connectorPages;
      return problemPage(c, 409, t.syncRunningTitle, t.syncRunningText);
    }
    registry.delete(record.settings.id);
    forgetSourceTested(deps.db.sqlite, record.settings.id);
    auditAdminAction(c, deps, "connector_delete", { connectorId: record.settings.id });
    deps.logger.info({ connector: record.settings.id }, "console: connector deleted");
    deps.connectorsChanged();
    return c.redirect(`/connectors?deleted=${encodeURIComponent(record.settings.id)}`, 303);
  });
  return app;
}
