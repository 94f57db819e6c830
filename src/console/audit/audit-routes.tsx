import { Hono } from "hono";
import type { ConsoleDeps, ConsoleEnv } from "../deps.js";
import { DataTable, Empty, Time } from "../views/components.js";
import { renderPage } from "../views/layout.js";
import { listAudit } from "../../audit/audit-store.js";

const PAGE = 100;

const ACTION_LABELS: Record<string, string> = {
  setup: "First admin created",
  login: "Signed in",
  login_failed: "Failed sign-in",
  login_throttled: "Sign-in refused (too many failures)",
  login_unlock: "Sign-in unlocked (command line)",
  logout: "Signed out",
  connector_create: "Connector created",
  connector_update: "Connector changed",
  connector_delete: "Connector deleted",
  connection_test: "Connection tested",
  scim_secret_rotate: "SCIM secret generated",
  sync_now: "Sync started",
  run_approve: "Held run approved",
  run_reject: "Held run rejected",
  hold_approve: "Person holds approved",
  hold_reject: "Person holds rejected",
  config_credentials: "SCIM credentials changed in config.toml",
  key_rotate: "Encryption key rotated",
  backup: "Backup made",
  person_export: "Personal data exported",
  nmbrs_connect: "Connect to Nmbrs (OAuth consent)",
  nmbrs_disconnect: "Disconnected from Nmbrs",
  migration_dry_run: "API switch dry run",
  connector_switch: "Connector switched API",
  sync_preview: "Sync preview (dry run)",
  person_exclude: "Person excluded from sync",
  person_include: "Person included in sync again",
};

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
    return renderPage(c, {
      title: "Audit",
      section: "audit",
      children: (
        <>
          <form method="get" action="/audit" class="filters">
            <div class="filter">
              <label for="audit-action">Action</label>
              <select id="audit-action" name="action">
                <option value="">All actions</option>
                {Object.entries(ACTION_LABELS).map(([value, label]) => (
                  <option value={value} selected={value === action}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
            <div class="filter">
              <label for="audit-connector">Connector</label>
              <select id="audit-connector" name="connector">
                <option value="">All</option>
                {deps.registry.list().map((connector) => (
                  <option value={connector.settings.id} selected={connector.settings.id === connectorId}>
                    {connector.settings.name}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" class="button button-primary">
              Apply filter
            </button>
          </form>
          {entries.length === 0 ? (
            <Empty>Nothing recorded.</Empty>
          ) : (
            <DataTable label="Audit trail" columns={["When", "Who", "From", "What", "Connector", "Detail"]}>
              {entries.map((entry) => (
                <tr>
                  <td class="nowrap">
                    <Time at={entry.at} />
                  </td>
                  <td>{entry.actor ?? <span class="muted">—</span>}</td>
                  <td>{entry.address ?? ""}</td>
                  <td>{ACTION_LABELS[entry.action] ?? entry.action}</td>
                  <td>{entry.connectorId ?? ""}</td>
                  <td class="cell-wrap">{entry.detail ?? ""}</td>
                </tr>
              ))}
            </DataTable>
          )}
          {entries.length === PAGE ? (
            <p class="pager">
              <a class="button" href={`/audit?${params}${params.size > 0 ? "&" : ""}before=${entries.at(-1)!.id}`}>
                Older entries
              </a>
            </p>
          ) : null}
        </>
      ),
    });
  });

  return app;
}
