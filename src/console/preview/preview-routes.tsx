import { Hono, type Context } from "hono";
import { appliedRunAfter } from "../../sync/preview/applied-run.js";
import { compareWithRun } from "../../sync/preview/compare-with-run.js";
import { previewCsv } from "../../sync/preview/preview-csv.js";
import { listPreviews, PREVIEWS_KEPT, readPreview } from "../../sync/preview/preview-store.js";
import { SyncError } from "../../sync/sync-error.js";
import { auditAdminAction } from "../audit/audit-log.js";
import type { ConsoleDeps, ConsoleEnv } from "../deps.js";
import { Facts, Notice, Time } from "../views/components.js";
import { renderPage } from "../views/layout.js";
import { problemPage } from "../views/problem-page.js";
import { displayNames } from "../runs/run-queries.js";
import { ComparisonNotice, PreviewButton, PreviewChanges, PreviewList, SummaryFacts } from "./preview-views.js";

/** A preview reads every company once; a large environment takes minutes. */
const PREVIEW_TIMEOUT_MS = 15 * 60_000;

/** Whole-run previews (dry runs) of a connector, mounted under /connectors (docs/sync-runs.md, "Preview"). */
export function previewRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  const { sqlite } = deps.db;

  app.post("/:id/previews", async (c) => {
    const id = c.req.param("id");
    if (!deps.registry.get(id)) return problemPage(c, 404, "No such connector", `There is no connector "${id}".`);
    try {
      const { id: previewId, report } = await deps.preview(id, c.get("admin")?.username ?? "admin", AbortSignal.timeout(PREVIEW_TIMEOUT_MS));
      const { created, updated, removed } = report.summary;
      auditAdminAction(c, deps, "sync_preview", { connectorId: id, detail: `preview ${previewId}: ${created} created, ${updated} updated, ${removed} removed` });
      return c.redirect(`/connectors/${id}/previews/${previewId}`, 303);
    } catch (error) {
      if (!(error instanceof SyncError)) throw error;
      return problemPage(c, 502, "The preview failed", error.message);
    }
  });

  app.get("/:id/previews", (c) => {
    const id = c.req.param("id");
    if (!deps.registry.get(id)) return problemPage(c, 404, "No such connector", `There is no connector "${id}".`);
    return renderPage(c, {
      title: `Previews of ${id}`,
      section: "connectors",
      breadcrumb: [{ href: "/connectors", label: "Connectors" }, { href: `/connectors/${id}`, label: id }],
      actions: <PreviewButton connectorId={id} csrfToken={c.get("csrfToken")} />,
      children: (
        <section class="card">
          <p class="hint">What the next sync would change, computed from a full read of the source; nothing was applied. The newest {PREVIEWS_KEPT} are kept.</p>
          <PreviewList connectorId={id} previews={listPreviews(sqlite, id)} />
        </section>
      ),
    });
  });

  app.get("/:id/previews/:previewId", (c) => {
    const found = previewOf(c);
    if (!found) return problemPage(c, 404, "No such preview", "This preview does not exist (only the newest are kept).");
    const { record, report } = found;
    const run = appliedRunAfter(sqlite, record);
    const base = `/connectors/${record.connectorId}/previews/${record.id}`;
    return renderPage(c, {
      title: `Preview #${record.id} of ${record.connectorId}`,
      section: "connectors",
      breadcrumb: [
        { href: "/connectors", label: "Connectors" },
        { href: `/connectors/${record.connectorId}`, label: record.connectorId },
        { href: `/connectors/${record.connectorId}/previews`, label: "Previews" },
      ],
      actions: (
        <>
          <a class="button" href={`${base}/report.csv`} download>
            Download CSV
          </a>
          <a class="button" href={`${base}/report.json`} download>
            Download JSON
          </a>
          <PreviewButton connectorId={record.connectorId} csrfToken={c.get("csrfToken")} />
        </>
      ),
      children: (
        <>
          <Notice tone="info">Nothing was applied: this is what a sync would have changed at the time of the preview.</Notice>
          <ComparisonNotice comparison={run ? compareWithRun(report, run) : null} />
          <section class="card" id="preview-summary">
            <h2>Summary</h2>
            <Facts
              items={[
                ["Made", <Time at={record.createdAt} />],
                ["By", record.createdBy],
                ["Served then", `generation ${record.baseGen}`],
              ]}
            />
            <SummaryFacts summary={report.summary} />
          </section>
          <PreviewChanges report={report} names={displayNames(sqlite, report.held.map((hold) => hold.scimId))} />
        </>
      ),
    });
  });

  app.get("/:id/previews/:previewId/report.json", (c) => {
    const found = previewOf(c);
    if (!found) return problemPage(c, 404, "No such preview", "This preview does not exist (only the newest are kept).");
    return download(c, JSON.stringify(found.report, null, 2), "application/json", `${fileName(found.record)}.json`);
  });

  app.get("/:id/previews/:previewId/report.csv", (c) => {
    const found = previewOf(c);
    if (!found) return problemPage(c, 404, "No such preview", "This preview does not exist (only the newest are kept).");
    return download(c, previewCsv(found.report), "text/csv; charset=utf-8", `${fileName(found.record)}.csv`);
  });

  const previewOf = (c: Context<ConsoleEnv>) => {
    const previewId = Number(c.req.param("previewId"));
    return Number.isSafeInteger(previewId) ? readPreview(sqlite, c.req.param("id") ?? "", previewId) : undefined;
  };

  return app;
}

function fileName(record: { connectorId: string; id: number }): string {
  return `preview-${record.connectorId}-${record.id}`;
}

function download(c: Context<ConsoleEnv>, body: string, type: string, name: string): Response {
  c.header("content-type", type);
  c.header("content-disposition", `attachment; filename="${name}"`);
  c.header("cache-control", "no-store");
  return c.body(body);
}
