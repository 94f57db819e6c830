import { Hono } from "hono";
import type { ConsoleDeps, ConsoleEnv } from "../deps.js";
import { Empty } from "../views/components.js";
import { renderPage } from "../views/layout.js";
import { ConnectorCard } from "./connector-card.js";
import { connectorStatus } from "./connector-status.js";

export function dashboardRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();

  app.get("/", (c) => {
    const statuses = deps.registry.list().map((connector) => connectorStatus(deps, connector));
    const now = deps.clock();
    return renderPage(c, {
      title: "Dashboard",
      section: "dashboard",
      actions: (
        <a class="button" href="/connectors/new">
          New connector
        </a>
      ),
      children:
        statuses.length === 0 ? (
          <section class="card narrow">
            <h2>No connectors yet</h2>
            <Empty>
              A connector reads employees from one Nmbrs environment and serves them to one Okta app. Create one to get
              started.
            </Empty>
            <a class="button button-primary" href="/connectors/new">
              Create a connector
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

  return app;
}
