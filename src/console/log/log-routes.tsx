import { Hono, type Context } from "hono";
import { LOG_LEVELS, type LogLevelName, type LogQuery, type LogRecord } from "../../logging/log-store.js";
import type { ConsoleDeps, ConsoleEnv } from "../deps.js";
import type { ScimRequestQuery, ScimRequestRecord } from "../scim-console.js";
import { DataTable, Empty } from "../views/components.js";
import { DISPLAY_TIME_ZONE, zonedLocalTime } from "../views/format.js";
import { renderFragment, renderPage } from "../views/layout.js";
import { requestMessages } from "../i18n/use-language.js";
import { LogRows, LogTail, ScimRows } from "./log-views.js";

const PAGE = 100;
const LEVEL_CHOICES: readonly LogLevelName[] = ["debug", "info", "warn", "error"];

interface LogFilter {
  readonly tab: "app" | "scim";
  readonly level: LogLevelName;
  readonly connector: string;
  readonly q: string;
  /** As typed (datetime-local, display time zone). */
  readonly from: string;
  readonly to: string;
  readonly errorsOnly: boolean;
}

function filterOf(c: Context): LogFilter {
  const level = c.req.query("level") as LogLevelName | undefined;
  return {
    tab: c.req.query("tab") === "scim" ? "scim" : "app",
    level: level && LEVEL_CHOICES.includes(level) ? level : "info",
    connector: (c.req.query("connector") ?? "").slice(0, 64),
    q: (c.req.query("q") ?? "").trim().slice(0, 200),
    from: c.req.query("from") ?? "",
    to: c.req.query("to") ?? "",
    errorsOnly: c.req.query("errors") === "1",
  };
}

function filterParams(filter: LogFilter): URLSearchParams {
  const params = new URLSearchParams({ tab: filter.tab });
  if (filter.tab === "app") params.set("level", filter.level);
  for (const key of ["connector", "q", "from", "to"] as const) if (filter[key]) params.set(key, filter[key]);
  if (filter.errorsOnly) params.set("errors", "1");
  return params;
}

function appQuery(filter: LogFilter, page: { afterId?: number; beforeId?: number }): LogQuery {
  return {
    minLevel: LOG_LEVELS[filter.level],
    ...(filter.connector ? { connectorId: filter.connector } : {}),
    ...(filter.q ? { text: filter.q } : {}),
    ...timeRange(filter),
    ...page,
    limit: PAGE,
  };
}

function scimQuery(filter: LogFilter, page: { afterId?: number; beforeId?: number }): ScimRequestQuery {
  return {
    ...(filter.connector ? { connectorId: filter.connector } : {}),
    ...(filter.q ? { text: filter.q } : {}),
    ...timeRange(filter),
    ...(filter.errorsOnly ? { errorsOnly: true } : {}),
    ...page,
    limit: PAGE,
  };
}

function timeRange(filter: LogFilter): { from?: string; to?: string } {
  const from = zonedLocalTime(filter.from);
  const to = zonedLocalTime(filter.to);
  return { ...(from ? { from: from.toISOString() } : {}), ...(to ? { to: to.toISOString() } : {}) };
}

/** The Log page: the application log (debug included) and Okta's SCIM requests, newest first, with a live tail. */
export function logRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();

  const records = (filter: LogFilter, page: { afterId?: number; beforeId?: number }): Lines =>
    filter.tab === "app"
      ? { tab: "app", rows: deps.logStore.query(appQuery(filter, page)) }
      : { tab: "scim", rows: deps.scim.requests(scimQuery(filter, page)) };

  app.get("/", (c) => {
    const filter = filterOf(c);
    const beforeId = Number(c.req.query("before")) || undefined;
    // Lines still in the store's buffer are written first, so the page shows what just happened.
    deps.logStore.flush();
    const lines = records(filter, beforeId ? { beforeId } : {});
    const rows = lines.rows;
    const live = beforeId === undefined && !filter.to;
    const params = filterParams(filter);
    const connectors = deps.registry.list();
    const t = requestMessages(c).logPages;
    return renderPage(c, {
      title: t.title,
      section: "log",
      children: (
        <>
          <nav class="tabs" aria-label={t.title}>
            <a href="/log?tab=app" aria-current={filter.tab === "app" ? "page" : undefined}>
              {t.appLog}
            </a>
            <a href="/log?tab=scim" aria-current={filter.tab === "scim" ? "page" : undefined}>
              {t.scimRequests}
            </a>
          </nav>
          <form method="get" action="/log" class="filters">
            <input type="hidden" name="tab" value={filter.tab} />
            {filter.tab === "app" ? (
              <div class="filter">
                <label for="log-level">{t.level}</label>
                <select id="log-level" name="level">
                  {LEVEL_CHOICES.map((level) => (
                    <option value={level} selected={level === filter.level}>
                      {t.levelChoice(level)}
                    </option>
                  ))}
                </select>
              </div>
            ) : (
              <div class="filter check">
                <input type="checkbox" id="log-errors" name="errors" value="1" checked={filter.errorsOnly} />
                <label for="log-errors">{t.failedOnly}</label>
              </div>
            )}
            <div class="filter">
              <label for="log-connector">{t.connector}</label>
              <select id="log-connector" name="connector">
                <option value="">{t.all}</option>
                {connectors.map((connector) => (
                  <option value={connector.settings.id} selected={connector.settings.id === filter.connector}>
                    {connector.settings.name}
                  </option>
                ))}
              </select>
            </div>
            <div class="filter">
              <label for="log-q">{t.text}</label>
              <input id="log-q" type="search" name="q" value={filter.q} />
            </div>
            <div class="filter">
              <label for="log-from">{t.from(DISPLAY_TIME_ZONE)}</label>
              <input id="log-from" type="datetime-local" name="from" value={filter.from} />
            </div>
            <div class="filter">
              <label for="log-to">{t.to}</label>
              <input id="log-to" type="datetime-local" name="to" value={filter.to} />
            </div>
            <button type="submit" class="button button-primary">
              {t.apply}
            </button>
          </form>
          {live ? <LogTail url={`/log/tail?${params}`} afterId={rows[0]?.id ?? newestId(deps, filter)} /> : null}
          {rows.length === 0 && !live ? (
            <Empty>{t.noLines}</Empty>
          ) : (
            <DataTable
              label={filter.tab === "app" ? t.appLog : t.scimRequestsLabel}
              columns={Object.values(filter.tab === "app" ? t.appColumns : t.scimColumns)}
              class="table-log"
              bodyId="log-rows"
            >
              <Rows lines={lines} />
            </DataTable>
          )}
          {rows.length === PAGE ? (
            <p class="pager">
              <a class="button" href={`/log?${params}&before=${rows.at(-1)!.id}`}>
                {t.olderLines}
              </a>
            </p>
          ) : null}
        </>
      ),
    });
  });

  app.get("/tail", (c) => {
    const filter = filterOf(c);
    const afterId = Number(c.req.query("after")) || 0;
    deps.logStore.flush();
    const lines = records(filter, { afterId });
    const rows = lines.rows;
    const url = `/log/tail?${filterParams(filter)}`;
    return renderFragment(
      c,
      <>
        {rows.length > 0 ? (
          <template>
            <tbody hx-swap-oob="afterbegin:#log-rows">
              <Rows lines={lines} />
            </tbody>
          </template>
        ) : null}
        <LogTail url={url} afterId={rows[0]?.id ?? afterId} />
      </>,
    );
  });

  return app;
}

type Lines =
  | { readonly tab: "app"; readonly rows: LogRecord[] }
  | { readonly tab: "scim"; readonly rows: ScimRequestRecord[] };

function Rows(props: { lines: Lines }) {
  return props.lines.tab === "app" ? <LogRows records={props.lines.rows} /> : <ScimRows records={props.lines.rows} />;
}

/** Where a live tail over an empty result starts: the newest line overall, so it shows only what comes next. */
function newestId(deps: ConsoleDeps, filter: LogFilter): number {
  const newest = filter.tab === "app" ? deps.logStore.query({ limit: 1 }) : deps.scim.requests({ limit: 1 });
  return newest[0]?.id ?? 0;
}
