import { Hono } from "hono";
import type { ConsoleDeps, ConsoleEnv } from "../deps.js";
import { DataTable, Empty, Time } from "../views/components.js";
import { requestMessages } from "../i18n/use-language.js";
import { renderPage } from "../views/layout.js";
import { listAudit } from "../../audit/audit-store.js";

const PAGE = 100;

/** The audit trail: what admins did, newest first. */
export function auditRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();

  app.get("/", (c) => {
    const action = c.req.query("action") || undefined;
    const connectorId = c.req.query("connector") || undefined;
    const beforeId = Number(c.req.query("before")) || undefined;
    const entries = listAudit(deps.db.sqlite, { action, connectorId, beforeId, limit: PAGE });
    const params = new URLSearchParams({
      ...(action ? { action } : {}),
      ...(connectorId ? { connector: connectorId } : {}),
    });
    const t = requestMessages(c).auditPages;
    const actionLabel = (code: string) => (t.actions as Readonly<Record<string, string>>)[code] ?? code;
    return renderPage(c, {
      title: t.title,
      section: "audit",
      children: (
        <>
          <form method="get" action="/audit" class="filters">
            <div class="filter">
              <label for="audit-action">{t.action}</label>
              <select id="audit-action" name="action">
                <option value="">{t.allActions}</option>
                {Object.entries(t.actions).map(([value, label]) => (
                  <option value={value} selected={value === action}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
            <div class="filter">
              <label for="audit-connector">{t.connector}</label>
              <select id="audit-connector" name="connector">
                <option value="">{t.all}</option>
                {deps.registry.list().map((connector) => (
                  <option value={connector.settings.id} selected={connector.settings.id === connectorId}>
                    {connector.settings.name}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" class="button button-primary">
              {t.apply}
            </button>
          </form>
          {entries.length === 0 ? (
            <Empty>{t.nothing}</Empty>
          ) : (
            <DataTable label={t.label} columns={Object.values(t.columns)}>
              {entries.map((entry) => (
                <tr>
                  <td class="nowrap">
                    <Time at={entry.at} />
                  </td>
                  <td>{entry.actor ?? <span class="muted">—</span>}</td>
                  <td>{entry.address ?? ""}</td>
                  <td>{actionLabel(entry.action)}</td>
                  <td>{entry.connectorId ?? ""}</td>
                  <td class="cell-wrap" lang="en">
                    {entry.detail ?? ""}
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
          {entries.length === PAGE ? (
            <p class="pager">
              <a class="button" href={`/audit?${params}${params.size > 0 ? "&" : ""}before=${entries.at(-1)!.id}`}>
                {t.older}
              </a>
            </p>
          ) : null}
        </>
      ),
    });
  });

  return app;
}
