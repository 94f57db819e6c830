import { Hono } from "hono";
import type { Sqlite } from "../../db/open.js";
import { suggestionFor } from "../../sync/approve-login.js";
import { displayNames } from "../../sync/hr-list-store.js";
import type { Problem } from "../../sync/plan-types.js";
import { readProblems } from "../../sync/problems.js";
import { ConnectorCard } from "../dashboard/connector-card.js";
import { connectorStatus } from "../dashboard/connector-status.js";
import type { ConsoleDeps, ConsoleEnv } from "../deps.js";
import { ApproveLoginButton } from "../hr/login-approval-routes.js";
import { requestMessages, useMessages } from "../i18n/use-language.js";
import { apiName } from "../nmbrs-rest/api-switch-view.js";
import { nmbrsRestParts } from "../nmbrs-rest/connector-parts.js";
import { DisconnectedNotice } from "../nmbrs-rest/rest-connection-view.js";
import { PreviewButton } from "../preview/preview-views.js";
import { DataTable, Empty, Notice } from "../views/components.js";
import { renderPage } from "../views/layout.js";
import { noSuchConnector } from "./connector-problems.js";

/** A connector's page: its status, its Nmbrs REST connection and API switch, and the data problems of its last read. */
export function connectorPageRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  const { registry } = deps;

  app.get("/:id", (c) => {
    const record = registry.get(c.req.param("id"));
    if (!record) return noSuchConnector(c);
    const messages = requestMessages(c);
    const t = messages.connectorPages;
    const status = connectorStatus(deps, record);
    const problems = readProblems(deps.db.sqlite, record.settings.id);
    const rest = nmbrsRestParts(deps, record, c.get("csrfToken"));
    const switched = c.req.query("switched");
    return renderPage(c, {
      title: record.settings.name,
      section: "connectors",
      breadcrumb: [{ href: "/connectors", label: messages.connectors.title }],
      actions: (
        <>
          <PreviewButton connectorId={record.settings.id} csrfToken={c.get("csrfToken")} />
          <a class="button" href={`/connectors/${record.settings.id}/previews`}>
            {t.previews}
          </a>
          <a class="button" href={`/connectors/${record.settings.id}/edit`}>
            {record.origin === "file" ? t.viewSettings : t.edit}
          </a>
          <a class="button" href={`/connectors/${record.settings.id}/mapping`}>
            {requestMessages(c).mapping.link}
          </a>
          {record.origin === "console" ? (
            <a class="button button-danger" href={`/connectors/${record.settings.id}/delete`}>
              {t.delete}
            </a>
          ) : null}
        </>
      ),
      children: (
        <>
          {record.origin === "file" ? <Notice tone="info">{t.fileNote}</Notice> : null}
          {c.req.query("connected") && rest.connection?.state === "connected" ? (
            <Notice tone="ok" role="status" title={t.connectedTitle}>
              <p>{t.connectedText}</p>
            </Notice>
          ) : null}
          <DisconnectedNotice outcome={c.req.query("disconnected")} />
          {switched ? (
            <Notice tone="ok" role="status" title={t.switchedTitle(apiName(switched, messages.nmbrsRest.apiSwitch))}>
              <p>{t.switchedText(apiName(switched, messages.nmbrsRest.apiSwitch))}</p>
            </Notice>
          ) : null}
          <ConnectorCard status={status} now={deps.clock()} csrfToken={c.get("csrfToken")} />
          {rest.connect ? (
            <section class="card" id="nmbrs-rest">
              <h2>{t.restConnection}</h2>
              {rest.connect}
            </section>
          ) : null}
          {rest.apiSwitch}
          <ProblemList
            connectorId={record.settings.id}
            problems={problems}
            csrfToken={c.get("csrfToken")}
            approvable={approvableLogins(deps.db.sqlite, record.settings.id, problems)}
            names={displayNames(
              deps.db.sqlite,
              problems.flatMap((problem) => (problem.scimId ? [problem.scimId] : [])),
            )}
          />
        </>
      ),
    });
  });
  return app;
}

/** The data problems the last complete read found, each with the person it is about. */
function ProblemList(props: {
  connectorId: string;
  problems: readonly Problem[];
  names: ReadonlyMap<string, string>;
  csrfToken: string;
  /** SCIM ids whose suggested login can still be approved. */
  approvable: ReadonlySet<string>;
}) {
  const { t } = useMessages();
  const words = t.connectorPages;
  return (
    <section class="card" id="problems">
      <h2>{words.problemsTitle(props.problems.length)}</h2>
      {props.problems.length === 0 ? (
        <Empty>{words.noProblems}</Empty>
      ) : (
        <DataTable
          label={words.problemsLabel}
          columns={[words.problemColumns.kind, words.problemColumns.person, words.problemColumns.detail]}
        >
          {props.problems.map((problem) => (
            <tr>
              <td>{t.dataProblems[problem.kind][0]}</td>
              <td>
                {problem.scimId ? (
                  <a href={`/hr/${props.connectorId}/${problem.scimId}`}>
                    {props.names.get(problem.scimId) ?? problem.scimId}
                  </a>
                ) : (
                  (problem.sourceKey ?? "")
                )}
              </td>
              <td class="cell-wrap" lang="en">
                {problem.detail}
                {problem.scimId && problem.kind === "login_suggested" && props.approvable.has(problem.scimId) ? (
                  <ApproveLoginButton
                    connectorId={props.connectorId}
                    scimId={problem.scimId}
                    csrfToken={props.csrfToken}
                  />
                ) : null}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}

/** The people of the problem list whose suggested login is not approved yet. */
function approvableLogins(sqlite: Sqlite, connectorId: string, problems: readonly Problem[]): Set<string> {
  const approvable = new Set<string>();
  for (const problem of problems)
    if (problem.kind === "login_suggested" && problem.scimId)
      if (suggestionFor(sqlite, connectorId, problem.scimId)?.approved === false) approvable.add(problem.scimId);
  return approvable;
}
