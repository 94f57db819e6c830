import { Hono, type Context } from "hono";
import { listRuns, readRun, type RunRecord } from "../../sync/run-store.js";
import { SyncError } from "../../sync/sync-error.js";
import { auditAdminAction } from "../audit/audit-log.js";
import { RunCounts, RunStatusBadge, runDuration } from "../dashboard/status-views.js";
import type { ConsoleDeps, ConsoleEnv } from "../deps.js";
import { Badge, DataTable, Empty, Facts, Notice, Time } from "../views/components.js";
import { formatCount, plural } from "../views/format.js";
import { CsrfField, renderPage } from "../views/layout.js";
import { problemPage } from "../views/problem-page.js";
import { privateLoginsText } from "../views/private-logins.js";
import { ROWS_SHOWN, RowsShownNote } from "../views/rows-shown.js";
import { countRunChanges, runChanges } from "../../sync/history.js";
import { displayNames } from "../../sync/hr-list-store.js";

type Decision = "approve" | "reject";

export const RUNS_PER_PAGE = 50;
export const CHANGES_PER_PAGE = 200;

const DONE_MESSAGES: Record<string, string> = {
  approved: "The run was approved and its changes are served to Okta now.",
  rejected: "The run was rejected; nothing it planned was applied.",
};

/** Sync runs: the list, one run with its changes, and the decision on a held run. */
export function runRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  const { sqlite } = deps.db;

  app.get("/", (c) => {
    const connectorId = c.req.query("connector") || undefined;
    const beforeId = Number(c.req.query("before")) || undefined;
    const runs = listRuns(sqlite, { connectorId, beforeId, limit: RUNS_PER_PAGE + 1 });
    const more = runs.length > RUNS_PER_PAGE;
    const shown = runs.slice(0, RUNS_PER_PAGE);
    const connectors = deps.registry.list();
    return renderPage(c, {
      title: "Sync runs",
      section: "runs",
      children: (
        <>
          <form method="get" action="/runs" class="filters">
            <label for="runs-connector">Connector</label>
            <select id="runs-connector" name="connector">
              <option value="">All connectors</option>
              {connectors.map((connector) => (
                <option value={connector.settings.id} selected={connector.settings.id === connectorId}>
                  {connector.settings.name}
                </option>
              ))}
            </select>
            <button type="submit" class="button">
              Show
            </button>
          </form>
          {shown.length === 0 ? (
            <Empty>No sync runs yet.</Empty>
          ) : (
            <DataTable
              label="Sync runs"
              columns={["Run", "Connector", "Started", "Trigger", "Status", "Duration", "Result"]}
            >
              {shown.map((run) => (
                <tr>
                  <td>
                    <a href={`/runs/${run.id}`}>#{run.id}</a>
                  </td>
                  <td>{run.connectorId}</td>
                  <td>
                    <Time at={run.startedAt} />
                  </td>
                  <td>{run.trigger}</td>
                  <td>
                    <RunStatusBadge status={run.status} />
                  </td>
                  <td>{runDuration(run) ?? "…"}</td>
                  <td class="cell-wrap">{run.error ?? <RunCounts run={run} />}</td>
                </tr>
              ))}
            </DataTable>
          )}
          {more ? (
            <p class="pager">
              <a
                class="button"
                href={`/runs?${new URLSearchParams({ ...(connectorId ? { connector: connectorId } : {}), before: String(shown.at(-1)!.id) })}`}
              >
                Older runs
              </a>
            </p>
          ) : null}
        </>
      ),
    });
  });

  app.get("/:id{[0-9]+}", (c) => {
    const run = readRun(sqlite, Number(c.req.param("id")));
    if (!run) return problemPage(c, 404, "No such run", "This sync run does not exist (it may have been purged).");
    const after = Number(c.req.query("after")) || 0;
    const changes = runChanges(sqlite, run.id, after, CHANGES_PER_PAGE + 1);
    const total = countRunChanges(sqlite, run.id);
    const done = DONE_MESSAGES[c.req.query("done") ?? ""];
    return renderPage(c, {
      title: `Sync run #${run.id}`,
      section: "runs",
      breadcrumb: [
        { href: "/runs", label: "Sync runs" },
        { href: `/connectors/${run.connectorId}`, label: run.connectorId },
      ],
      children: (
        <>
          {done ? (
            <Notice tone="ok" role="status">
              {done}
            </Notice>
          ) : null}
          <section class="card">
            <Facts
              items={[
                ["Status", <RunStatusBadge status={run.status} />],
                ["Connector", <a href={`/connectors/${run.connectorId}`}>{run.connectorId}</a>],
                ["Trigger", run.trigger],
                ["Started", <Time at={run.startedAt} />],
                ["Finished", <Time at={run.finishedAt} empty="still running" />],
                ["Duration", runDuration(run) ?? "…"],
                ["Counts", <RunCounts run={run} />],
                ...(run.stats?.privateLogins !== undefined
                  ? ([["Okta login", privateLoginsText(run.stats.privateLogins)]] as const)
                  : []),
                ...(run.stats
                  ? ([
                      [
                        "Source calls",
                        `${formatCount(run.stats.calls)} calls, ${formatCount(Math.round(run.stats.bytes / 1024))} KiB`,
                      ],
                    ] as const)
                  : []),
                ...(run.error ? ([["Message", run.error]] as const) : []),
                ...(run.stats?.brake
                  ? ([
                      [
                        "Brake",
                        <>
                          The brake tripped: {run.stats.brake}.{" "}
                          <a href={`/connectors/${run.connectorId}/holds`}>Decide the holds</a>
                        </>,
                      ],
                    ] as const)
                  : []),
                ...(run.decidedBy
                  ? ([
                      [
                        "Decided",
                        <>
                          {run.decidedBy} · <Time at={run.decidedAt} />
                        </>,
                      ],
                    ] as const)
                  : []),
              ]}
            />
          </section>
          {run.status === "held" ? (
            <HeldRun
              run={run}
              names={displayNames(
                sqlite,
                (run.affected ?? []).slice(0, ROWS_SHOWN).map((person) => person.scimId),
              )}
            />
          ) : null}
          <section class="card">
            <h2>Changes ({formatCount(total)})</h2>
            {changes.length === 0 ? (
              <Empty>
                {run.status === "held"
                  ? "Nothing is applied while the run is held."
                  : "This run changed nothing for anyone."}
              </Empty>
            ) : (
              <DataTable label="Changes of this run" columns={["Person", "Field", "Before", "After", "Why"]}>
                {changes.slice(0, CHANGES_PER_PAGE).map((change) => (
                  <tr>
                    <td>
                      <a href={`/hr/${run.connectorId}/${change.scimId}`}>{change.name ?? change.scimId}</a>
                    </td>
                    <td>
                      <code>{change.field}</code>
                    </td>
                    <td class="cell-wrap">{change.oldValue ?? <span class="muted">—</span>}</td>
                    <td class="cell-wrap">{change.newValue ?? <span class="muted">—</span>}</td>
                    <td class="cell-wrap">{change.reason ?? ""}</td>
                  </tr>
                ))}
              </DataTable>
            )}
            {changes.length > CHANGES_PER_PAGE ? (
              <p class="pager">
                <a class="button" href={`/runs/${run.id}?after=${changes[CHANGES_PER_PAGE - 1]!.id}`}>
                  More changes
                </a>
              </p>
            ) : null}
          </section>
        </>
      ),
    });
  });

  for (const decision of ["approve", "reject"] as const) {
    app.get(`/:id{[0-9]+}/${decision}`, (c) => {
      const run = readRun(sqlite, Number(c.req.param("id")));
      if (run?.status !== "held")
        return problemPage(c, 409, "Nothing to decide", "This run is not waiting for a decision.");
      return confirmPage(c, run, decision);
    });

    app.post(`/:id{[0-9]+}/${decision}`, async (c) => {
      const runId = Number(c.req.param("id"));
      const admin = c.get("admin")!;
      try {
        const run =
          decision === "approve"
            ? await deps.sync.approve(runId, admin.username)
            : deps.sync.reject(runId, admin.username);
        auditAdminAction(c, deps, decision === "approve" ? "run_approve" : "run_reject", {
          connectorId: run.connectorId,
          detail: `run ${runId}`,
        });
        return c.redirect(`/runs/${runId}?done=${decision === "approve" ? "approved" : "rejected"}`, 303);
      } catch (error) {
        if (!(error instanceof SyncError)) throw error;
        return problemPage(c, 409, `Could not ${decision} run #${runId}`, error.message);
      }
    });
  }

  return app;
}

/** The people a held run would deactivate or stop serving, with the Approve / Reject choice. */
function HeldRun(props: { run: RunRecord; names: ReadonlyMap<string, string> }) {
  const affected = props.run.affected ?? [];
  return (
    <section class="card card-warn">
      <h2>Waiting for approval</h2>
      <p>
        This run switches the connector to the other Nmbrs API, and {plural(affected.length, "person", "people")} could
        not be matched: Okta would see them deactivated, or as new users (marked "pending"). A switch is applied whole
        or not at all, so nothing is applied until you approve it. Check the list against HR first
        (docs/migrate-to-rest.md).
      </p>
      <RowsShownNote shown={ROWS_SHOWN} total={affected.length} what="people">
        approving or rejecting decides for all of them.
      </RowsShownNote>
      <DataTable label="Affected people" columns={["Person", "From", "To", "Why"]}>
        {affected.slice(0, ROWS_SHOWN).map((person) => (
          <tr>
            <td>
              <a href={`/hr/${props.run.connectorId}/${person.scimId}`}>
                {props.names.get(person.scimId) ?? person.label}
              </a>
              {props.names.has(person.scimId) ? <div class="muted">{person.label}</div> : null}
            </td>
            <td>
              <Badge tone="muted">{person.from}</Badge>
            </td>
            <td>
              <Badge tone="warn">{person.to}</Badge>
            </td>
            <td class="cell-wrap">{person.reason}</td>
          </tr>
        ))}
      </DataTable>
      <div class="form-actions">
        <a class="button button-primary" href={`/runs/${props.run.id}/approve`}>
          Approve…
        </a>
        <a class="button button-danger" href={`/runs/${props.run.id}/reject`}>
          Reject…
        </a>
      </div>
    </section>
  );
}

function confirmPage(c: Context<ConsoleEnv>, run: RunRecord, decision: Decision) {
  const count = run.affected?.length ?? 0;
  const approve = decision === "approve";
  return renderPage(c, {
    title: approve ? `Approve run #${run.id}?` : `Reject run #${run.id}?`,
    section: "runs",
    breadcrumb: [{ href: `/runs/${run.id}`, label: `Run #${run.id}` }],
    children: (
      <section class="card narrow">
        <p>
          {approve
            ? `Applying this run deactivates or stops serving ${plural(count, "person", "people")} in Okta at its next import.`
            : "Rejecting discards this run's plan; Okta keeps seeing what it sees now. The next scheduled run will be checked again."}
        </p>
        <form method="post" action={`/runs/${run.id}/${decision}`} class="form-actions">
          <CsrfField token={c.get("csrfToken")} />
          <button type="submit" class={approve ? "button button-primary" : "button button-danger"}>
            {approve ? `Yes, approve and apply` : "Yes, reject"}
          </button>
          <a class="button button-quiet" href={`/runs/${run.id}`}>
            Cancel
          </a>
        </form>
      </section>
    ),
  });
}
