import { Hono, type Context } from "hono";
import type { NextImportForecast } from "../../forecast/next-import.js";
import { ReaderRefused } from "../../reader/reader-thread.js";
import type { ConsoleDeps, ConsoleEnv } from "../deps.js";
import { Empty } from "../views/components.js";
import { renderPage } from "../views/layout.js";
import { problemPage } from "../views/problem-page.js";
import { requestMessages } from "../i18n/use-language.js";
import { ConnectorCard } from "./connector-card.js";
import { connectorStatus } from "./connector-status.js";
import { ForecastView } from "./forecast-view.js";

export function dashboardRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();

  app.get("/", (c) => {
    const statuses = deps.registry.list().map((connector) => connectorStatus(deps, connector));
    const now = deps.clock();
    const t = requestMessages(c);
    return renderPage(c, {
      title: t.dashboard.title,
      section: "dashboard",
      actions: (
        <a class="button" href="/connectors/new">
          {t.dashboard.newConnector}
        </a>
      ),
      children:
        statuses.length === 0 ? (
          <section class="card narrow">
            <h2>{t.dashboard.emptyTitle}</h2>
            <Empty>{t.dashboard.emptyText}</Empty>
            <a class="button button-primary" href="/connectors/new">
              {t.dashboard.createConnector}
            </a>
          </section>
        ) : (
          <div class="cards">
            {statuses.map((status) => (
              <ConnectorCard status={status} now={now} csrfToken={c.get("csrfToken")} />
            ))}
          </div>
        ),
    });
  });

  // The forecast streams every served user twice through Okta's import rules, so it has a page of its own rather
  // than being computed for every card on every dashboard load, and it is made on the console's reader thread.
  app.get("/connectors/:id/forecast", async (c) => {
    const record = deps.registry.get(c.req.param("id"));
    if (!record) return noSuchConnector(c);
    const result = await forecastOr503(c, deps, record.settings.id);
    if (result instanceof Response) return result;
    return renderPage(c, {
      title: requestMessages(c).forecastPage.title(record.settings.name),
      section: "dashboard",
      children: <ForecastView connectorId={record.settings.id} result={result} now={deps.clock()} />,
    });
  });

  app.get("/connectors/:id/forecast.json", async (c) => {
    const record = deps.registry.get(c.req.param("id"));
    if (!record) return noSuchConnector(c);
    const result = await forecastOr503(c, deps, record.settings.id);
    if (result instanceof Response) return result;
    c.header("content-disposition", `attachment; filename="okta-forecast-${record.settings.id}.json"`);
    c.header("cache-control", "no-store");
    return c.json(result);
  });

  return app;
}

async function forecastOr503(
  c: Context<ConsoleEnv>,
  deps: ConsoleDeps,
  connectorId: string,
): Promise<NextImportForecast | Response> {
  try {
    return await deps.scim.nextImportForecast(connectorId);
  } catch (error) {
    if (!(error instanceof ReaderRefused)) throw error;
    c.header("retry-after", String(error.retryAfterSeconds));
    return problemPage(c, 503, requestMessages(c).problems.forecastNotReadyTitle, error.message);
  }
}

function noSuchConnector(c: Context<ConsoleEnv>) {
  const { problems } = requestMessages(c);
  return problemPage(c, 404, problems.noConnectorTitle, problems.noConnectorText);
}
