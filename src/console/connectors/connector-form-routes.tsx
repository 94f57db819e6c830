import { type Context, Hono } from "hono";
import type { ConnectorConfig } from "../../config/types.js";
import type { ConnectorRecord } from "../../connectors/registry.js";
import { recordSourceTested } from "../../connectors/source-tested.js";
import { auditAdminAction } from "../audit/audit-log.js";
import type { ConsoleDeps, ConsoleEnv } from "../deps.js";
import { requestMessages } from "../i18n/use-language.js";
import { nmbrsRestParts } from "../nmbrs-rest/connector-parts.js";
import { type FieldErrors, Notice } from "../views/components.js";
import { renderFragment, renderPage } from "../views/layout.js";
import { ConnectionTestView, testConnection } from "./connection-test.js";
import { type ConnectorForm, connectorFormOf, formFromBody } from "./connector-form.js";
import { ConnectorFormView } from "./connector-form-view.js";
import { parseConnectorForm } from "./connector-parse.js";
import { noSuchConnector, readOnlyConnector } from "./connector-problems.js";
import { newConnectorForm } from "./new-connector.js";
import { SchedulePreview } from "./schedule-preview.js";
import {
  changedSecretsNote,
  NO_STORED_SECRETS,
  type StoredSecretFlags,
  storedParts,
  storedSecretFlags,
} from "./stored-parts.js";

/** The connector form: create, edit, "Test connection" and the schedule preview. */
export function connectorFormRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
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
              kindExtras={{ "nmbrs-rest": restConnect }}
              preview={{
                schedule: form.schedule,
                timezone: form.timezone,
                reevaluateAt: form.reevaluateAt,
                now: deps.clock(),
                kind: form.kind,
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

  app.get("/new", (c) => formPage(c, { form: newConnectorForm(), errors: {}, secrets: NO_STORED_SECRETS }));

  app.get("/schedule-preview", (c) =>
    renderFragment(
      c,
      <SchedulePreview
        schedule={c.req.query("schedule") ?? ""}
        timezone={c.req.query("timezone") ?? ""}
        reevaluateAt={c.req.query("reevaluate_at") ?? ""}
        now={deps.clock()}
        kind={c.req.query("kind") ?? ""}
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
  return app;
}
