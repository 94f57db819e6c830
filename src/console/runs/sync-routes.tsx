import { Hono } from "hono";
import { SyncError } from "../../sync/sync-error.js";
import { auditAdminAction } from "../audit/audit-log.js";
import type { ConsoleDeps, ConsoleEnv } from "../deps.js";
import { renderFragment } from "../views/layout.js";
import { problemPage } from "../views/problem-page.js";
import { finishedRunAfter, newestRunId } from "../../sync/run-store.js";
import { SyncProgressView, syncFinishedEvent } from "./sync-now.js";

/** "Sync now" and its live progress, under /connectors/:id/sync. */
export function syncRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  const { sqlite } = deps.db;

  app.post("/:id/sync", async (c) => {
    const id = c.req.param("id");
    if (!deps.registry.get(id)) return problemPage(c, 404, "No such connector", `There is no connector "${id}".`);
    const alreadyRunning = deps.sync.isRunning(id);
    const since = alreadyRunning ? newestRunId(sqlite, id) - 1 : newestRunId(sqlite, id);
    const run = deps.sync.runNow(id, "manual");
    let problem: string | undefined;
    if (!deps.sync.isRunning(id)) {
      // runNow refused before starting (unknown connector, a run in another process): say why.
      problem = await run.then(
        () => undefined,
        (error: unknown) => (error instanceof SyncError ? error.message : "the sync could not start; see the log"),
      );
    } else {
      run.catch((error: unknown) =>
        deps.logger.warn({ connector: id, err: (error as Error).message }, "console: sync now failed"),
      );
    }
    if (!alreadyRunning && !problem) auditAdminAction(c, deps, "sync_now", { connectorId: id });
    if (!c.req.header("hx-request")) return c.redirect(`/connectors/${id}`, 303);
    const progress = deps.sync.progress(id) ?? null;
    const result = progress ? null : finishedRunAfter(sqlite, id, since);
    if (result) c.header("HX-Trigger", syncFinishedEvent(id));
    return renderFragment(
      c,
      <SyncProgressView connectorId={id} since={since} progress={progress} result={result} problem={problem} />,
    );
  });

  app.get("/:id/sync/progress", (c) => {
    const id = c.req.param("id");
    const since = Number(c.req.query("since") ?? 0) || 0;
    const progress = deps.sync.progress(id) ?? null;
    const result = progress ? null : finishedRunAfter(sqlite, id, since);
    if (result) c.header("HX-Trigger", syncFinishedEvent(id));
    return renderFragment(c, <SyncProgressView connectorId={id} since={since} progress={progress} result={result} />);
  });

  return app;
}
