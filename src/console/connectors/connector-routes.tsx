import { Hono, type Context } from "hono";
import type { ConnectorConfig } from "../../config/types.js";
import type { ConnectorRecord } from "../../connectors/registry.js";
import { apiSwitchTarget } from "../../sync/api-switch/dry-run.js";
import { readSourceKeyKind } from "../../sync/people-store.js";
import type { Sqlite } from "../../db/open.js";
import type { Problem } from "../../sync/plan-types.js";
import { readProblems } from "../../sync/problems.js";
import { suggestionFor } from "../../sync/approve-login.js";
import { ApproveLoginButton } from "../hr/login-approval-routes.js";
import { forgetSourceTested, recordSourceTested } from "../../connectors/source-tested.js";
import { auditAdminAction } from "../audit/audit-log.js";
import { ConnectorCard } from "../dashboard/connector-card.js";
import { connectorStatus } from "../dashboard/connector-status.js";
import { HealthBadge, HealthReasonText } from "../dashboard/status-views.js";
import type { ConsoleDeps, ConsoleEnv } from "../deps.js";
import { apiName, ApiSwitchCard } from "../nmbrs-rest/api-switch-view.js";
import {
  CALLBACK_PATH,
  DisconnectedNotice,
  NmbrsRestConnect,
  restConnectionOf,
} from "../nmbrs-rest/rest-connection-view.js";
import { PreviewButton } from "../preview/preview-views.js";
import { displayNames } from "../../sync/hr-list-store.js";
import { syncRoutes } from "../runs/sync-routes.js";
import { DataTable, Empty, Notice, Time, type FieldErrors } from "../views/components.js";
import { CsrfField, renderFragment, renderPage } from "../views/layout.js";
import { problemPage } from "../views/problem-page.js";
import { requestMessages, useMessages } from "../i18n/use-language.js";
import { ConnectionTestView, testConnection } from "./connection-test.js";
import {
  connectorFormOf,
  formFromBody,
  newConnectorForm,
  NO_STORED_SECRETS,
  parseConnectorForm,
  storedParts,
  storedSecretFlags,
  type ConnectorForm,
  type StoredSecretFlags,
} from "./connector-form.js";
import { ConnectorFormView } from "./connector-form-view.js";
import { LoketConnect, LoketDisconnectedNotice, loketConnectionOf } from "../loket/loket-connection-view.js";
import { SchedulePreview } from "./schedule-preview.js";

/** Connectors: list, create, edit, delete, "Test connection", schedule preview; Sync now is mounted here too. */
export function connectorRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  const { registry } = deps;

  const formPage = (
    c: Context<ConsoleEnv>,
    options: { form: ConnectorForm; errors: FieldErrors; secrets: StoredSecretFlags; record?: ConnectorRecord },
    status: 200 | 422 = 200,
  ) => {
    const { form, record } = options;
    const restConnect = record ? nmbrsRestParts(deps, record, c.get("csrfToken")).connect : null;
    const isNew = record === undefined;
    const readOnly = record?.origin === "file";
    const messages = requestMessages(c);
    const t = messages.connectorPages;
    return renderPage(
      c,
      {
        title: isNew ? t.newTitle : t.editTitle(record.settings.name),
        section: "connectors",
        breadcrumb: [
          { href: "/connectors", label: messages.connectors.title },
          ...(record ? [{ href: `/connectors/${record.settings.id}`, label: record.settings.id }] : []),
        ],
        children: (
          <>
            {readOnly ? <Notice tone="info">{t.fileNote}</Notice> : null}
            <ConnectorFormView
              form={form}
              errors={options.errors}
              secrets={options.secrets}
              secretOrigins={readOnly ? (registry.resolve(record.settings.id)?.secretOrigins ?? {}) : {}}
              csrfToken={c.get("csrfToken")}
              action={readOnly ? null : isNew ? "/connectors" : `/connectors/${record.settings.id}`}
              isNew={isNew}
              restConnect={restConnect}
              preview={{
                schedule: form.schedule,
                timezone: form.timezone,
                reevaluateAt: form.reevaluateAt,
                now: deps.clock(),
              }}
            />
          </>
        ),
      },
      status,
    );
  };

  const testAndShow = async (
    c: Context<ConsoleEnv>,
    config: ConnectorConfig,
    connectorId: string | null,
    selected: readonly string[],
  ) => {
    const t = requestMessages(c).connectorPages.connectionTest;
    const result = await testConnection(deps.sourceFactory(config), config, deps.logger, t);
    if ("companies" in result && connectorId) recordSourceTested(deps.db.sqlite, connectorId, deps.clock());
    auditAdminAction(c, deps, "connection_test", {
      connectorId,
      detail: "companies" in result ? `${result.companies.length} companies found` : `failed: ${result.problem}`,
    });
    return renderFragment(c, <ConnectionTestView result={result} selected={selected} />);
  };

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

  app.get("/new", (c) => formPage(c, { form: newConnectorForm(), errors: {}, secrets: NO_STORED_SECRETS }));

  app.get("/schedule-preview", (c) =>
    renderFragment(
      c,
      <SchedulePreview
        schedule={c.req.query("schedule") ?? ""}
        timezone={c.req.query("timezone") ?? ""}
        reevaluateAt={c.req.query("reevaluate_at") ?? ""}
        now={deps.clock()}
      />,
    ),
  );

  app.post("/test", async (c) => {
    const form = formFromBody(await c.req.parseBody({ all: true }));
    const record = form.id ? registry.get(form.id) : undefined;
    const stored = record?.origin === "console" ? registry.secretsOf(form.id) : {};
    const words = requestMessages(c).connectorPages.fieldErrors;
    const parsed = parseConnectorForm({ ...form, id: form.id || "connection-test" }, stored, record, words);
    if ("errors" in parsed)
      return renderFragment(c, <ConnectionTestView result={{ invalid: parsed.errors }} selected={form.companies} />);
    return testAndShow(c, parsed.config, form.id || null, form.companies);
  });

  // A saved connector as it is: for config.toml connectors, the file's resolved secrets, which no form can carry.
  app.post("/:id/test", async (c) => {
    const record = registry.get(c.req.param("id"));
    if (!record) return noSuchConnector(c);
    const selected = connectorFormOf(record).companies;
    const config = registry.resolve(record.settings.id);
    if (!config) {
      const problem = requestMessages(c).connectorPages.noLongerDeclared;
      return renderFragment(c, <ConnectionTestView result={{ problem }} selected={selected} />);
    }
    return testAndShow(c, config, record.settings.id, selected);
  });

  app.post("/", async (c) => {
    const form = formFromBody(await c.req.parseBody({ all: true }));
    const t = requestMessages(c).connectorPages;
    const parsed = parseConnectorForm(form, {}, undefined, t.fieldErrors);
    const taken = form.id && registry.get(form.id) ? { id: t.idTaken(form.id) } : null;
    if ("errors" in parsed || taken) {
      return formPage(
        c,
        { form, errors: { ...("errors" in parsed ? parsed.errors : {}), ...taken }, secrets: NO_STORED_SECRETS },
        422,
      );
    }
    const { stored, secrets } = storedParts(parsed.config);
    registry.saveConsoleConnector(stored, secrets);
    auditAdminAction(c, deps, "connector_create", { connectorId: stored.settings.id, detail: stored.settings.kind });
    deps.logger.info({ connector: stored.settings.id }, "console: connector created");
    deps.connectorsChanged();
    return c.redirect(`/connectors/${stored.settings.id}/okta`, 303);
  });

  app.get("/:id", (c) => {
    const record = registry.get(c.req.param("id"));
    if (!record) return noSuchConnector(c);
    const messages = requestMessages(c);
    const t = messages.connectorPages;
    const status = connectorStatus(deps, record);
    const problems = readProblems(deps.db.sqlite, record.settings.id);
    const rest = nmbrsRestParts(deps, record, c.get("csrfToken"));
    const loket = loketConnectionOf(registry, record);
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
          {c.req.query("connected") && loket?.state === "connected" ? (
            <Notice tone="ok" role="status" title={messages.loketConsent.connectedTitle}>
              <p>{messages.loketConsent.connectedText}</p>
            </Notice>
          ) : null}
          <DisconnectedNotice outcome={c.req.query("disconnected")} />
          <LoketDisconnectedNotice outcome={c.req.query("disconnected")} />
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
          {loket ? (
            <LoketConnect connectorId={record.settings.id} connection={loket} publicUrl={publicUrlOf(deps)} />
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

  app.get("/:id/edit", (c) => {
    const record = registry.get(c.req.param("id"));
    if (!record) return noSuchConnector(c);
    const secrets =
      record.origin === "console" ? storedSecretFlags(registry.secretsOf(record.settings.id)) : NO_STORED_SECRETS;
    return formPage(c, { form: connectorFormOf(record), errors: {}, secrets, record });
  });

  app.post("/:id", async (c) => {
    const record = registry.get(c.req.param("id"));
    if (!record) return noSuchConnector(c);
    if (record.origin === "file") return readOnlyConnector(c);
    const id = record.settings.id;
    const form = { ...formFromBody(await c.req.parseBody({ all: true })), id };
    const previousSecrets = registry.secretsOf(id);
    const parsed = parseConnectorForm(form, previousSecrets, record, requestMessages(c).connectorPages.fieldErrors);
    if ("errors" in parsed)
      return formPage(c, { form, errors: parsed.errors, secrets: storedSecretFlags(previousSecrets), record }, 422);
    const { stored, secrets } = storedParts(parsed.config);
    // Other secret state (OAuth tokens of the REST source) is kept; the form only replaces what it shows.
    registry.saveConsoleConnector(stored, { ...previousSecrets, ...secrets });
    auditAdminAction(c, deps, "connector_update", { connectorId: id, detail: changedSecretsNote(form) });
    deps.logger.info({ connector: id }, "console: connector changed");
    deps.connectorsChanged();
    return c.redirect(`/connectors/${id}`, 303);
  });

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

  app.route("/", syncRoutes(deps));
  return app;
}

function noSuchConnector(c: Context<ConsoleEnv>) {
  const t = requestMessages(c).problems;
  return problemPage(c, 404, t.noConnectorTitle, t.noConnectorText);
}

function readOnlyConnector(c: Context<ConsoleEnv>) {
  const t = requestMessages(c).connectorPages;
  return problemPage(c, 403, t.readOnlyTitle, t.fileNote);
}

/** The "Connect to Nmbrs" block and the API switch card of a connector, where they apply. */
function nmbrsRestParts(deps: ConsoleDeps, record: ConnectorRecord, csrfToken: string) {
  const id = record.settings.id;
  const connection = restConnectionOf(deps.registry, record, deps.clock());
  const publicUrl = publicUrlOf(deps);
  const connect = connection ? (
    <NmbrsRestConnect
      connectorId={id}
      connection={connection}
      callbackUrl={`${publicUrl}${CALLBACK_PATH}`}
      canDisconnect={true}
    />
  ) : null;
  const config = deps.registry.resolve(id);
  const keyKind = readSourceKeyKind(deps.db.sqlite, id);
  const target = config ? apiSwitchTarget(config, keyKind) : null;
  const apiSwitch = target ? (
    <ApiSwitchCard
      record={record}
      target={target}
      keyKind={keyKind}
      csrfToken={csrfToken}
      restConnected={connection?.state === "connected" && !connection.reconsent}
    />
  ) : null;
  return { connection, connect, apiSwitch };
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

/** For the audit trail: which secrets an edit replaced (names only). */
function changedSecretsNote(form: ConnectorForm): string | null {
  const replaced = [
    form.nmbrs.token ? "nmbrs token" : null,
    form.nmbrsRest.clientSecret ? "client secret" : null,
    form.nmbrsRest.subscriptionKey ? "subscription key" : null,
  ].filter(Boolean);
  return replaced.length > 0 ? `replaced: ${replaced.join(", ")}` : null;
}

/** The gateway's public URL without a trailing slash: the redirect URIs shown to register are built on it. */
function publicUrlOf(deps: ConsoleDeps): string {
  return (typeof deps.publicUrl === "function" ? deps.publicUrl() : deps.publicUrl).replace(/\/+$/, "");
}
