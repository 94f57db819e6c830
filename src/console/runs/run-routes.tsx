import { Hono, type Context } from "hono";
import { listRuns, readRun, type RunRecord } from "../../sync/run-store.js";
import { SyncError } from "../../sync/sync-error.js";
import { auditAdminAction } from "../audit/audit-log.js";
import { RunCounts, RunStatusBadge, runDuration } from "../dashboard/status-views.js";
import type { ConsoleDeps, ConsoleEnv } from "../deps.js";
import { Badge, DataTable, Empty, Facts, Notice, Time } from "../views/components.js";
import type { RunPageMessages } from "../i18n/messages/en/run-pages.js";
import { requestMessages, useMessages } from "../i18n/use-language.js";
import { CsrfField, renderPage } from "../views/layout.js";
import { stateName } from "../views/person-state.js";
import { problemPage } from "../views/problem-page.js";
import { ROWS_SHOWN, RowsShownNote } from "../views/rows-shown.js";
import { countRunChanges, runChanges } from "../../sync/history.js";
import { displayNames } from "../../sync/hr-list-store.js";

type Decision = "approve" | "reject";

export const RUNS_PER_PAGE = 50;
export const CHANGES_PER_PAGE = 200;

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
    const t = requestMessages(c).runPages;
    return renderPage(c, {
      title: t.title,
      section: "runs",
      children: (
        <>
          <form method="get" action="/runs" class="filters">
            <label for="runs-connector">{t.connector}</label>
            <select id="runs-connector" name="connector">
              <option value="">{t.allConnectors}</option>
              {connectors.map((connector) => (
                <option value={connector.settings.id} selected={connector.settings.id === connectorId}>
                  {connector.settings.name}
                </option>
              ))}
            </select>
            <button type="submit" class="button">
              {t.show}
            </button>
          </form>
          {shown.length === 0 ? (
            <Empty>{t.none}</Empty>
          ) : (
            <DataTable
              label={t.title}
              columns={[
                t.columns.run,
                t.columns.connector,
                t.columns.started,
                t.columns.trigger,
                t.columns.status,
                t.columns.duration,
                t.columns.result,
              ]}
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
                  <td>{triggerName(t, run.trigger)}</td>
                  <td>
                    <RunStatusBadge status={run.status} />
                  </td>
                  <td>{runDuration(run) ?? "…"}</td>
                  {run.error ? (
                    <td class="cell-wrap" lang="en">
                      {run.error}
                    </td>
                  ) : (
                    <td class="cell-wrap">
                      <RunCounts run={run} />
                    </td>
                  )}
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
                {t.olderRuns}
              </a>
            </p>
          ) : null}
        </>
      ),
    });
  });

  app.get("/:id{[0-9]+}", (c) => {
    const run = readRun(sqlite, Number(c.req.param("id")));
    const t = requestMessages(c).runPages;
    if (!run) return problemPage(c, 404, t.noSuchRunTitle, t.noSuchRunText);
    const after = Number(c.req.query("after")) || 0;
    const changes = runChanges(sqlite, run.id, after, CHANGES_PER_PAGE + 1);
    const total = countRunChanges(sqlite, run.id);
    const doneQuery = c.req.query("done");
    const done = doneQuery === "approved" ? t.approvedDone : doneQuery === "rejected" ? t.rejectedDone : null;
    const f = t.facts;
    return renderPage(c, {
      title: t.runTitle(run.id),
      section: "runs",
      breadcrumb: [
        { href: "/runs", label: t.title },
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
                [f.status, <RunStatusBadge status={run.status} />],
                [f.connector, <a href={`/connectors/${run.connectorId}`}>{run.connectorId}</a>],
                [f.trigger, triggerName(t, run.trigger)],
                [f.started, <Time at={run.startedAt} />],
                [f.finished, <Time at={run.finishedAt} empty={f.stillRunning} />],
                [f.duration, runDuration(run) ?? "…"],
                [f.counts, <RunCounts run={run} />],
                ...(run.stats?.privateLogins !== undefined
                  ? ([
                      [f.oktaLogin, requestMessages(c).connectorPages.privateLogins.text(run.stats.privateLogins)],
                    ] as const)
                  : []),
                ...(run.stats
                  ? ([[f.sourceCalls, f.callsAndSize(run.stats.calls, Math.round(run.stats.bytes / 1024))]] as const)
                  : []),
                ...(run.error ? ([[f.message, <span lang="en">{run.error}</span>]] as const) : []),
                ...(run.stats?.brake
                  ? ([
                      [
                        f.brake,
                        <>
                          {f.brakeTripped} <span lang="en">{run.stats.brake}</span>.{" "}
                          <a href={`/connectors/${run.connectorId}/holds`}>{f.decideHolds}</a>
                        </>,
                      ],
                    ] as const)
                  : []),
                ...(run.decidedBy
                  ? ([
                      [
                        f.decided,
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
            <h2>{t.changesTitle(total)}</h2>
            {changes.length === 0 ? (
              <Empty>
                {run.status === "held"
                  ? t.nothingWhileHeld
                  : run.stats?.unchangedSince !== undefined
                    ? t.unchangedSince(run.stats.unchangedSince)
                    : t.changedNothing}
              </Empty>
            ) : (
              <DataTable
                label={t.changesLabel}
                columns={[
                  t.changeColumns.person,
                  t.changeColumns.field,
                  t.changeColumns.before,
                  t.changeColumns.after,
                  t.changeColumns.why,
                ]}
              >
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
                    <td class="cell-wrap" lang="en">
                      {change.reason ?? ""}
                    </td>
                  </tr>
                ))}
              </DataTable>
            )}
            {changes.length > CHANGES_PER_PAGE ? (
              <p class="pager">
                <a class="button" href={`/runs/${run.id}?after=${changes[CHANGES_PER_PAGE - 1]!.id}`}>
                  {t.moreChanges}
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
      if (run?.status !== "held") {
        const t = requestMessages(c).runPages;
        return problemPage(c, 409, t.nothingToDecideTitle, t.nothingToDecideText);
      }
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
        const t = requestMessages(c).runPages;
        const title = decision === "approve" ? t.couldNotApprove(runId) : t.couldNotReject(runId);
        return problemPage(c, 409, title, error.message);
      }
    });
  }

  return app;
}

/** The people a held run would deactivate or stop serving, with the Approve / Reject choice. */
function HeldRun(props: { run: RunRecord; names: ReadonlyMap<string, string> }) {
  const affected = props.run.affected ?? [];
  const { t: messages } = useMessages();
  const t = messages.runPages.held;
  return (
    <section class="card card-warn">
      <h2>{t.title}</h2>
      <p>{t.text(affected.length)}</p>
      <RowsShownNote shown={ROWS_SHOWN} total={affected.length} what={t.people}>
        {t.decidesAll}
      </RowsShownNote>
      <DataTable label={t.affectedLabel} columns={[t.columns.person, t.columns.from, t.columns.to, t.columns.why]}>
        {affected.slice(0, ROWS_SHOWN).map((person) => (
          <tr>
            <td>
              <a href={`/hr/${props.run.connectorId}/${person.scimId}`}>
                {props.names.get(person.scimId) ?? person.label}
              </a>
              {props.names.has(person.scimId) ? <div class="muted">{person.label}</div> : null}
            </td>
            <td>
              <Badge tone="muted">{stateName(messages.shared.personStates, person.from)}</Badge>
            </td>
            <td>
              <Badge tone="warn">{stateName(messages.shared.personStates, person.to)}</Badge>
            </td>
            <td class="cell-wrap" lang="en">
              {person.reason}
            </td>
          </tr>
        ))}
      </DataTable>
      <div class="form-actions">
        <a class="button button-primary" href={`/runs/${props.run.id}/approve`}>
          {t.approve}
        </a>
        <a class="button button-danger" href={`/runs/${props.run.id}/reject`}>
          {t.reject}
        </a>
      </div>
    </section>
  );
}

function confirmPage(c: Context<ConsoleEnv>, run: RunRecord, decision: Decision) {
  const count = run.affected?.length ?? 0;
  const approve = decision === "approve";
  const t = requestMessages(c).runPages.confirm;
  return renderPage(c, {
    title: approve ? t.approveTitle(run.id) : t.rejectTitle(run.id),
    section: "runs",
    breadcrumb: [{ href: `/runs/${run.id}`, label: t.crumb(run.id) }],
    children: (
      <section class="card narrow">
        <p>{approve ? t.approveText(count) : t.rejectText}</p>
        <form method="post" action={`/runs/${run.id}/${decision}`} class="form-actions">
          <CsrfField token={c.get("csrfToken")} />
          <button type="submit" class={approve ? "button button-primary" : "button button-danger"}>
            {approve ? t.approveButton : t.rejectButton}
          </button>
          <a class="button button-quiet" href={`/runs/${run.id}`}>
            {t.cancel}
          </a>
        </form>
      </section>
    ),
  });
}

/** A trigger's name in the page's language; one this console does not know yet is shown as stored. */
function triggerName(t: RunPageMessages, trigger: string): string {
  return (t.triggers as Record<string, string>)[trigger] ?? trigger;
}
