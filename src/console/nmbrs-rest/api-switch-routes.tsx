import { Hono } from "hono";
import { CONNECTOR_KINDS, type ConnectorKind } from "../../config/schema.js";
import { SyncError } from "../../sync/sync-error.js";
import { auditAdminAction } from "../audit/audit-log.js";
import type { ConsoleDeps, ConsoleEnv } from "../deps.js";
import { Notice } from "../views/components.js";
import { renderFragment } from "../views/layout.js";
import { problemPage } from "../views/problem-page.js";
import { requestMessages } from "../i18n/use-language.js";
import { apiName, ApiSwitchReportView } from "./api-switch-view.js";

/** A dry run reads every company once; a large environment takes minutes. */
const DRY_RUN_TIMEOUT_MS = 15 * 60_000;

/** The dry run and the switch between the Nmbrs APIs, mounted under /connectors (docs/migrate-to-rest.md). */
export function apiSwitchRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();

  app.post("/:id/migration/dry-run", async (c) => {
    const id = c.req.param("id");
    if (!deps.registry.get(id)) {
      return c.html(
        <Notice tone="bad" role="alert">
          {requestMessages(c).problems.noConnectorText}
        </Notice>,
        404,
      );
    }
    try {
      const report = await deps.sync.dryRunApiSwitch(id, AbortSignal.timeout(DRY_RUN_TIMEOUT_MS));
      const detail = `${report.to}: ${report.matched} matched, ${report.unmatchedServed.length + report.newServed.length} not matched`;
      auditAdminAction(c, deps, "migration_dry_run", { connectorId: id, detail });
      return renderFragment(c, <ApiSwitchReportView report={report} />);
    } catch (error) {
      if (!(error instanceof SyncError)) throw error;
      return renderFragment(
        c,
        <Notice tone="bad" role="alert" title={requestMessages(c).nmbrsRest.apiSwitch.dryRunFailed}>
          <p lang="en">{error.message}</p>
        </Notice>,
      );
    }
  });

  app.post("/:id/migration/switch", async (c) => {
    const record = deps.registry.get(c.req.param("id"));
    const messages = requestMessages(c);
    const t = messages.nmbrsRest.apiSwitch;
    if (!record) return problemPage(c, 404, messages.problems.noConnectorTitle, messages.problems.noConnectorText);
    if (record.origin === "file") return problemPage(c, 403, messages.connectorPages.readOnlyTitle, t.readOnlyText);
    const body = await c.req.parseBody();
    const to = String(body.to ?? "") as ConnectorKind;
    const hasSettings = to === "nmbrs-rest" ? record.nmbrsRest !== null : record.nmbrs !== null;
    if (!CONNECTOR_KINDS.includes(to) || to === record.settings.kind || !hasSettings) {
      return problemPage(c, 400, t.cannotSwitch, t.noSettingsFor(apiName(to, t)));
    }
    if (deps.sync.isRunning(record.settings.id))
      return problemPage(c, 409, messages.connectorPages.syncRunningTitle, t.syncRunningText);
    const { origin: _origin, attention: _attention, currentGen: _gen, ...stored } = record;
    deps.registry.saveConsoleConnector(
      { ...stored, settings: { ...record.settings, kind: to } },
      deps.registry.secretsOf(record.settings.id),
    );
    auditAdminAction(c, deps, "connector_switch", {
      connectorId: record.settings.id,
      detail: `${record.settings.kind} → ${to}`,
    });
    deps.logger.info(
      { connector: record.settings.id, from: record.settings.kind, to },
      "console: connector switched API",
    );
    deps.connectorsChanged();
    return c.redirect(`/connectors/${record.settings.id}?switched=${to}`, 303);
  });

  return app;
}
