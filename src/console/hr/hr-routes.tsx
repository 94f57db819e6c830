import { Hono } from "hono";
import { ENTERPRISE_USER, HR_GATEWAY_USER } from "../../directory/schema-urns.js";
import type { ConsoleDeps, ConsoleEnv } from "../deps.js";
import { DataTable, Empty, Facts, Notice, TableWrap, Time } from "../views/components.js";
import { renderFragment, renderPage } from "../views/layout.js";
import { requestMessages } from "../i18n/use-language.js";
import { problemPage } from "../views/problem-page.js";
import { flattenForDisplay } from "./flatten.js";
import { currentById, groupNamesWithMember } from "../../directory/read-generation.js";
import { personHistory } from "../../sync/history.js";
import {
  decodeCursor,
  HR_STATES,
  hrListPage,
  personDetail,
  stateCounts,
  type HrState,
} from "../../sync/hr-list-store.js";
import { suggestionFor } from "../../sync/approve-login.js";
import { exclusionOf } from "../../sync/exclusions/exclusion-store.js";
import { ExclusionCard, exclusionRoutes } from "./exclusion-routes.js";
import { loginApprovalRoutes, SuggestedLoginCard } from "./login-approval-routes.js";
import { HrResults, StateBadge, StateFilter, type HrFilter } from "./hr-views.js";

const HISTORY_LIMIT = 200;

/** The HR list ("HR Lijst"): what Okta gets, searchable and paged; and one person in full. */
export function hrRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  const { sqlite } = deps.db;
  app.route("/", exclusionRoutes(deps));
  app.route("/", loginApprovalRoutes(deps));

  app.get("/", (c) => {
    const connectors = deps.registry.list();
    const asked = c.req.query("connector") || undefined;
    const connectorId = asked ?? connectors[0]?.settings.id;
    const connector = connectors.find((item) => item.settings.id === connectorId);
    const messages = requestMessages(c);
    const t = messages.hrPages;
    if (!connector && asked !== undefined && connectors.length > 0) {
      return problemPage(c, 404, messages.problems.noConnectorTitle, t.noSuchConnectorText(asked));
    }
    if (!connector) {
      return renderPage(c, { title: t.title, section: "hr", children: <Empty>{t.noConnectors}</Empty> });
    }
    const stateParam = c.req.query("state");
    const filter: HrFilter = {
      connectorId: connector.settings.id,
      text: (c.req.query("q") ?? "").trim().slice(0, 100),
      state: HR_STATES.includes(stateParam as HrState) ? (stateParam as HrState) : undefined,
    };
    const page = hrListPage(sqlite, {
      connectorId: filter.connectorId,
      text: filter.text,
      state: filter.state,
      after: decodeCursor(c.req.query("after")),
      before: decodeCursor(c.req.query("before")),
    });
    if (c.req.header("hx-target") === "hr-results") return renderFragment(c, <HrResults filter={filter} page={page} />);
    return renderPage(c, {
      title: t.title,
      section: "hr",
      children: (
        <>
          <p class="lead">
            {t.leadBefore} <strong>{connector.settings.name}</strong>
            {t.leadAfter}
          </p>
          <form method="get" action="/hr" class="filters" role="search">
            {connectors.length > 1 ? (
              <>
                <label for="hr-connector">{t.connector}</label>
                <select id="hr-connector" name="connector" data-autosubmit="">
                  {connectors.map((item) => (
                    <option value={item.settings.id} selected={item.settings.id === filter.connectorId}>
                      {item.settings.name}
                    </option>
                  ))}
                </select>
              </>
            ) : (
              <input type="hidden" name="connector" value={filter.connectorId} />
            )}
            {filter.state ? <input type="hidden" name="state" value={filter.state} /> : null}
            <label for="hr-search">{t.search}</label>
            <input
              id="hr-search"
              type="search"
              name="q"
              value={filter.text}
              placeholder={t.searchPlaceholder}
              autocomplete="off"
              hx-get="/hr"
              hx-trigger="input changed delay:300ms, search"
              hx-target="#hr-results"
              hx-swap="outerHTML"
              hx-include="closest form"
              hx-push-url="true"
            />
            <button type="submit" class="button">
              {t.search}
            </button>
          </form>
          <p>
            <a href={`/hr/exclusions?connector=${encodeURIComponent(filter.connectorId)}`}>
              {requestMessages(c).exclusions.listLink}
            </a>
          </p>
          <StateFilter filter={filter} counts={filter.text ? null : stateCounts(sqlite, filter.connectorId)} />
          <HrResults filter={filter} page={page} />
        </>
      ),
    });
  });

  app.get("/:connector/:scimId", (c) => {
    const connectorId = c.req.param("connector");
    const person = personDetail(sqlite, connectorId, c.req.param("scimId"));
    const t = requestMessages(c).hrPages;
    if (!person) return problemPage(c, 404, t.noSuchPersonTitle, t.noSuchPersonText);
    const f = t.facts;
    const served = currentById(sqlite, connectorId, "User", person.scimId);
    const resource = served ? (JSON.parse(served.body) as Record<string, unknown>) : null;
    const source = person.lastPerson ? (JSON.parse(person.lastPerson) as Record<string, unknown>) : null;
    const groups = groupNamesWithMember(sqlite, connectorId, person.scimId);
    const history = personHistory(sqlite, connectorId, person.scimId, HISTORY_LIMIT);
    const suggestion = suggestionFor(sqlite, connectorId, person.scimId);
    return renderPage(c, {
      title: person.displayName ?? person.employeeNumber,
      section: "hr",
      breadcrumb: [{ href: `/hr?connector=${encodeURIComponent(connectorId)}`, label: t.title }],
      children: (
        <>
          <section class="card">
            <h2>{t.lifecycle}</h2>
            <Facts
              items={[
                [f.state, <StateBadge state={person.state} />],
                [f.why, <span lang="en">{person.stateReason}</span>],
                [f.since, <Time at={person.stateSince} />],
                [f.employee, f.employeeText(person.employeeNumber, person.companyNumber)],
                [f.scimId, <code>{person.scimId}</code>],
                [f.lastListed, <Time at={person.lastSeenAt} />],
                ...(person.missingSince ? ([[f.missingSince, person.missingSince]] as const) : []),
                ...(person.graceSince ? ([[f.graceSince, person.graceSince]] as const) : []),
              ]}
            />
          </section>
          {suggestion ? (
            <SuggestedLoginCard c={c} connectorId={connectorId} scimId={person.scimId} suggestion={suggestion} />
          ) : null}
          <ExclusionCard
            c={c}
            connectorId={connectorId}
            scimId={person.scimId}
            exclusion={exclusionOf(sqlite, connectorId, person.scimId)}
          />
          <div class="columns">
            <section class="card">
              <h2>{t.whatOktaGets}</h2>
              {resource ? (
                <>
                  <AttributeTable
                    label={t.servedAttributes}
                    rows={flattenForDisplay(resource).filter(
                      ([path]) => !path.startsWith("meta.") && !path.startsWith("schemas"),
                    )}
                  />
                  <details>
                    <summary>{t.rawResource}</summary>
                    <pre class="code">{JSON.stringify(resource, null, 2)}</pre>
                  </details>
                </>
              ) : (
                <Notice tone="info">{t.notServedText}</Notice>
              )}
              <h3>{t.groups}</h3>
              {groups.length > 0 ? (
                <ul class="tags">
                  {groups.map((group) => (
                    <li>{group}</li>
                  ))}
                </ul>
              ) : (
                <p class="muted">{t.noGroups}</p>
              )}
            </section>
            <section class="card">
              <h2>{t.sourceFields}</h2>
              {source ? (
                <AttributeTable label={t.sourceFieldsLabel} rows={flattenForDisplay(source)} />
              ) : (
                <p class="muted">{t.noSourceRecord}</p>
              )}
            </section>
          </div>
          <section class="card">
            <h2>{t.history}</h2>
            {history.length === 0 ? (
              <Empty>{t.noChanges}</Empty>
            ) : (
              <DataTable label={t.historyLabel} columns={Object.values(t.historyColumns)}>
                {history.map((change) => (
                  <tr>
                    <td>
                      <Time at={change.at} />
                    </td>
                    <td>
                      <code>{change.field}</code>
                    </td>
                    <td class="cell-wrap">{change.oldValue ?? "—"}</td>
                    <td class="cell-wrap">{change.newValue ?? "—"}</td>
                    <td class="cell-wrap" lang="en">
                      {change.reason ?? ""}
                    </td>
                    <td>
                      <a href={`/runs/${change.runId}`}>#{change.runId}</a>
                    </td>
                  </tr>
                ))}
              </DataTable>
            )}
          </section>
        </>
      ),
    });
  });

  return app;
}

/** "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.department" → "enterprise › department". */
function shortPath(path: string): string {
  return path.replace(`${ENTERPRISE_USER}.`, "enterprise › ").replace(`${HR_GATEWAY_USER}.`, "hrgateway › ");
}

function AttributeTable(props: { label: string; rows: [string, string][] }) {
  return (
    <TableWrap label={props.label}>
      <table class="table table-compact">
        <tbody>
          {props.rows.map(([path, value]) => (
            <tr>
              <th scope="row">
                <code title={path}>{shortPath(path)}</code>
              </th>
              <td class="cell-wrap">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
