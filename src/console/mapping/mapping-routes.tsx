import { countGeneratedLogins } from "../../sync/generated-login-store.js";
import { listExclusions } from "../../sync/exclusions/exclusion-store.js";
import { type Context, Hono } from "hono";
import type { ConnectorRecord } from "../../connectors/registry.js";
import { todayIn } from "../../lifecycle/calendar.js";
import { compileExpression } from "../../mapping/compile.js";
import type { MappingSettings } from "../../mapping/connector-mapping.js";
import type { HrPerson } from "../../sources/types.js";
import { hrListPage, peopleByReference, personDetail } from "../../sync/hr-list-store.js";
import { auditAdminAction } from "../audit/audit-log.js";
import type { ConsoleDeps, ConsoleEnv } from "../deps.js";
import { requestMessages } from "../i18n/use-language.js";
import type { FieldErrors } from "../views/components.js";
import { renderFragment, renderPage } from "../views/layout.js";
import { problemPage } from "../views/problem-page.js";
import { kindOfField, type MappingForm, mappingFormFromBody, mappingFormOf, parseMappingForm } from "./mapping-form.js";
import { CheckResult, MappingPage, type TryAnswer, TryResult } from "./mapping-view.js";
import { tryMapping } from "./try-mapping.js";

/**
 * A connector's Mapping page (docs/mapping.md): attribute expressions, scope and group rules, with live validation
 * and "try it" on a person of the HR list. Console-made connectors save here; config.toml connectors are read-only.
 */
export function mappingRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  const { registry } = deps;

  const page = (
    c: Context<ConsoleEnv>,
    record: ConnectorRecord,
    form: MappingForm,
    errors: FieldErrors,
    status: 200 | 422 = 200,
  ) => {
    const id = record.settings.id;
    return renderPage(
      c,
      {
        title: requestMessages(c).mapping.title(record.settings.name),
        section: "connectors",
        breadcrumb: [
          { href: "/connectors", label: requestMessages(c).connectors.title },
          { href: `/connectors/${id}`, label: id },
        ],
        children: (
          <MappingPage
            connectorId={id}
            form={form}
            errors={errors}
            csrfToken={record.origin === "console" ? c.get("csrfToken") : null}
            saved={c.req.query("saved") !== undefined}
            logins={{
              identity: record.settings.identity,
              generatedCount: countGeneratedLogins(deps.db.sqlite, id),
              excludedCount: listExclusions(deps.db.sqlite, id).length,
            }}
          />
        ),
      },
      status,
    );
  };

  app.get("/:id/mapping", (c) => {
    const record = registry.get(c.req.param("id"));
    if (!record) return problemPage(c, 404, "No such connector", "This connector does not exist.");
    return page(c, record, mappingFormOf(record.settings.mapping), {});
  });

  // Live validation: compiles the one expression htmx posts, saves nothing.
  app.post("/:id/mapping/check", async (c) => {
    const body = await c.req.parseBody();
    const field = typeof body.field === "string" ? body.field : "";
    const source = typeof body[field] === "string" ? (body[field] as string) : "";
    if (source.trim() === "") return renderFragment(c, <CheckResult problem={null} empty={true} />);
    const compiled = compileExpression(source, kindOfField(field));
    const problem = "problem" in compiled ? requestMessages(c).mapping.problemAt(compiled.problem) : null;
    return renderFragment(c, <CheckResult problem={problem} />);
  });

  app.post("/:id/mapping/try", async (c) => {
    const record = registry.get(c.req.param("id"));
    if (!record) return problemPage(c, 404, "No such connector", "This connector does not exist.");
    const body = await c.req.parseBody({ all: true });
    const parsed = parseMappingForm(mappingFormFromBody(body), requestMessages(c).mapping);
    const query = typeof body.person === "string" ? body.person.trim() : "";
    const answer: TryAnswer =
      "errors" in parsed ? { kind: "fixFirst" } : tryPerson(deps, record, parsed.settings, query);
    return renderFragment(c, <TryResult answer={answer} />);
  });

  app.post("/:id/mapping", async (c) => {
    const record = registry.get(c.req.param("id"));
    if (!record) return problemPage(c, 404, "No such connector", "This connector does not exist.");
    if (record.origin === "file")
      return problemPage(c, 403, "Read-only connector", requestMessages(c).mapping.fileNote);
    const form = mappingFormFromBody(await c.req.parseBody({ all: true }));
    const parsed = parseMappingForm(form, requestMessages(c).mapping);
    if ("errors" in parsed) return page(c, record, form, parsed.errors, 422);
    const id = record.settings.id;
    registry.saveConsoleConnector(
      { settings: { ...record.settings, mapping: parsed.settings }, nmbrs: record.nmbrs, nmbrsRest: record.nmbrsRest },
      registry.secretsOf(id),
    );
    auditAdminAction(c, deps, "mapping_change", { connectorId: id, detail: summary(parsed.settings) });
    deps.logger.info({ connector: id }, "console: mapping changed");
    deps.connectorsChanged();
    return c.redirect(`/connectors/${id}/mapping?saved=1`, 303);
  });

  return app;
}

/**
 * The person a "try it" query names: an employee number or SCIM id first, else a name search of the HR list. Their
 * stored source record is the one the last sync read, without the birth date (sync/stored-person.ts).
 */
function tryPerson(deps: ConsoleDeps, record: ConnectorRecord, mapping: MappingSettings, query: string): TryAnswer {
  if (query === "") return { kind: "nobody", query };
  const connectorId = record.settings.id;
  const byReference = peopleByReference(deps.db.sqlite, connectorId, query).map((person) => person.scimId);
  const matches =
    byReference.length > 0
      ? byReference
      : hrListPage(deps.db.sqlite, { connectorId, text: query }).rows.map((row) => row.scimId);
  const detail = matches[0] === undefined ? undefined : personDetail(deps.db.sqlite, connectorId, matches[0]);
  if (!detail) return { kind: "nobody", query };
  if (!detail.lastPerson) return { kind: "noRecord" };
  const person = JSON.parse(detail.lastPerson) as HrPerson;
  const outcome = tryMapping({
    person,
    // userName and email follow the login rules, which no expression changes; the try-it table does not show them.
    userName: { userName: person.workEmail ?? person.employeeNumber, from: "work" },
    settings: record.settings,
    mapping,
    today: todayIn(record.settings.timezone, deps.clock()),
  });
  return { kind: "tried", name: detail.displayName ?? detail.employeeNumber, matches: matches.length, outcome };
}

/** One line for the audit trail: what the mapping holds now (expressions themselves stay in the settings). */
function summary(settings: MappingSettings): string {
  const attributes = Object.keys(settings.attributes);
  return [
    attributes.length > 0 ? `attributes: ${attributes.join(", ")}` : "no attribute expressions",
    settings.include === null ? "no scope" : "scope set",
    `${settings.groupRules.length} group rule(s)`,
  ].join("; ");
}
