import { Hono } from "hono";
import { ENTERPRISE_USER, HR_GATEWAY_USER } from "../../directory/schema-urns.js";
import type { ConsoleDeps, ConsoleEnv } from "../deps.js";
import { DataTable, Empty, Facts, Notice, TableWrap, Time } from "../views/components.js";
import { renderPage } from "../views/layout.js";
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
import { exclusionOf } from "../../sync/exclusions/exclusion-store.js";
import { requestMessages } from "../i18n/use-language.js";
import { ExclusionCard, exclusionRoutes } from "./exclusion-routes.js";
import { HrResults, StateBadge, StateFilter, type HrFilter } from "./hr-views.js";

const HISTORY_LIMIT = 200;

/** The HR list ("HR Lijst"): what Okta gets, searchable and paged; and one person in full. */
export function hrRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  const { sqlite } = deps.db;
  app.route("/", exclusionRoutes(deps));

  app.get("/", (c) => {
    const connectors = deps.registry.list();
    const asked = c.req.query("connector") || undefined;
    const connectorId = asked ?? connectors[0]?.settings.id;
    const connector = connectors.find((item) => item.settings.id === connectorId);
    if (!connector && asked !== undefined && connectors.length > 0) {
      return problemPage(
        c,
        404,
        "No such connector",
        `There is no connector "${asked}". Choose one on the dashboard or the Connectors page.`,
      );
    }
    if (!connector) {
      return renderPage(c, {
        title: "HR list",
        section: "hr",
        children: <Empty>There are no connectors yet; create one first.</Empty>,
      });
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
    if (c.req.header("hx-target") === "hr-results") return c.html(<HrResults filter={filter} page={page} />);
    return renderPage(c, {
      title: "HR list",
      section: "hr",
      children: (
        <>
          <p class="lead">
            Everyone the HR system lists for <strong>{connector.settings.name}</strong>, with what Okta gets. Open a
            person to see every attribute, the lifecycle decision and its history.
          </p>
          <form method="get" action="/hr" class="filters" role="search">
            {connectors.length > 1 ? (
              <>
                <label for="hr-connector">Connector</label>
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
            <label for="hr-search">Search</label>
            <input
              id="hr-search"
              type="search"
              name="q"
              value={filter.text}
              placeholder="Name, e-mail or employee number"
              autocomplete="off"
              hx-get="/hr"
              hx-trigger="input changed delay:300ms, search"
              hx-target="#hr-results"
              hx-swap="outerHTML"
              hx-include="closest form"
              hx-push-url="true"
            />
            <button type="submit" class="button">
              Search
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
    if (!person) return problemPage(c, 404, "No such person", "This person is not known to this connector.");
    const served = currentById(sqlite, connectorId, "User", person.scimId);
    const resource = served ? (JSON.parse(served.body) as Record<string, unknown>) : null;
    const source = person.lastPerson ? (JSON.parse(person.lastPerson) as Record<string, unknown>) : null;
    const groups = groupNamesWithMember(sqlite, connectorId, person.scimId);
    const history = personHistory(sqlite, connectorId, person.scimId, HISTORY_LIMIT);
    return renderPage(c, {
      title: person.displayName ?? person.employeeNumber,
      section: "hr",
      breadcrumb: [{ href: `/hr?connector=${encodeURIComponent(connectorId)}`, label: "HR list" }],
      children: (
        <>
          <section class="card">
            <h2>Lifecycle</h2>
            <Facts
              items={[
                ["State", <StateBadge state={person.state} />],
                ["Why", person.stateReason],
                ["Since", <Time at={person.stateSince} />],
                ["Employee", `${person.employeeNumber} (company ${person.companyNumber})`],
                ["SCIM id", <code>{person.scimId}</code>],
                ["Last listed by HR", <Time at={person.lastSeenAt} />],
                ...(person.missingSince ? ([["Missing from HR since", person.missingSince]] as const) : []),
                ...(person.graceSince ? ([["Grace period since", person.graceSince]] as const) : []),
              ]}
            />
          </section>
          <ExclusionCard
            c={c}
            connectorId={connectorId}
            scimId={person.scimId}
            exclusion={exclusionOf(sqlite, connectorId, person.scimId)}
          />
          <div class="columns">
            <section class="card">
              <h2>What Okta gets</h2>
              {resource ? (
                <>
                  <AttributeTable
                    label="Served SCIM attributes"
                    rows={flattenForDisplay(resource).filter(
                      ([path]) => !path.startsWith("meta.") && !path.startsWith("schemas"),
                    )}
                  />
                  <details>
                    <summary>Raw SCIM resource</summary>
                    <pre class="code">{JSON.stringify(resource, null, 2)}</pre>
                  </details>
                </>
              ) : (
                <Notice tone="info">Not served: Okta does not see this person in the current state.</Notice>
              )}
              <h3>Groups</h3>
              {groups.length > 0 ? (
                <ul class="tags">
                  {groups.map((group) => (
                    <li>{group}</li>
                  ))}
                </ul>
              ) : (
                <p class="muted">No groups.</p>
              )}
            </section>
            <section class="card">
              <h2>Source fields (from HR)</h2>
              {source ? (
                <AttributeTable label="Source fields" rows={flattenForDisplay(source)} />
              ) : (
                <p class="muted">No source record kept.</p>
              )}
            </section>
          </div>
          <section class="card">
            <h2>History</h2>
            {history.length === 0 ? (
              <Empty>No changes recorded.</Empty>
            ) : (
              <DataTable label="Change history" columns={["When", "Field", "Before", "After", "Why", "Run"]}>
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
                    <td class="cell-wrap">{change.reason ?? ""}</td>
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
