import { Hono } from "hono";
import { connectorStatus } from "../dashboard/connector-status.js";
import { HealthBadge, HealthReasonText } from "../dashboard/status-views.js";
import type { ConsoleDeps, ConsoleEnv } from "../deps.js";
import { requestMessages } from "../i18n/use-language.js";
import { DataTable, Empty, Notice, Time } from "../views/components.js";
import { renderPage } from "../views/layout.js";

/** The list of connectors, with their health, last sync and next run. */
export function connectorListRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  const { registry } = deps;

  app.get("/", (c) => {
    const statuses = registry.list().map((connector) => connectorStatus(deps, connector));
    const deleted = c.req.query("deleted");
    const t = requestMessages(c).connectors;
    return renderPage(c, {
      title: t.title,
      section: "connectors",
      actions: (
        <a class="button button-primary" href="/connectors/new">
          {t.newConnector}
        </a>
      ),
      children: (
        <>
          {deleted ? (
            <Notice tone="ok" role="status">
              {t.deleted(deleted)}
            </Notice>
          ) : null}
          {statuses.length === 0 ? (
            <Empty>{t.none}</Empty>
          ) : (
            <DataTable
              label={t.title}
              columns={[
                t.columns.connector,
                t.columns.hrSystem,
                t.columns.definedIn,
                t.columns.status,
                t.columns.lastSync,
                t.columns.nextRun,
                "",
              ]}
            >
              {statuses.map(({ connector, health, reason, lastRun, nextRuns }) => (
                <tr>
                  <td>
                    <a href={`/connectors/${connector.settings.id}`}>{connector.settings.name}</a>
                    <div class="muted">{connector.settings.id}</div>
                  </td>
                  <td>{connector.settings.kind}</td>
                  <td>{connector.origin === "file" ? t.fromConfigFile : t.fromConsole}</td>
                  <td>
                    <HealthBadge health={health} />
                  </td>
                  <td>
                    <Time at={lastRun?.finishedAt} />
                  </td>
                  <td>
                    <Time at={nextRuns?.schedule} empty={t.notScheduled} />
                    {nextRuns?.problem && reason ? (
                      <div class="field-error">
                        <HealthReasonText reason={reason} />
                      </div>
                    ) : null}
                  </td>
                  <td class="row-actions">
                    <a href={`/connectors/${connector.settings.id}/edit`}>
                      {connector.origin === "file" ? t.view : t.edit}
                    </a>
                    <a href={`/connectors/${connector.settings.id}/okta`}>{t.oktaSetup}</a>
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </>
      ),
    });
  });
  return app;
}
