import { Hono, type Context } from "hono";
import type { ReaderAnswer, ReaderJob } from "../../reader/reader-jobs.js";
import { ReaderRefused } from "../../reader/reader-thread.js";
import { knownSecrets } from "../../secrets/known-secrets.js";
import type { PreviewFormat } from "../../sync/preview/preview-file.js";
import { listPreviews, PREVIEWS_KEPT } from "../../sync/preview/preview-store.js";
import { SyncError } from "../../sync/sync-error.js";
import { auditAdminAction } from "../audit/audit-log.js";
import type { ConsoleDeps, ConsoleEnv } from "../deps.js";
import { Facts, Notice, Time } from "../views/components.js";
import { renderPage } from "../views/layout.js";
import { requestMessages } from "../i18n/use-language.js";
import { problemPage } from "../views/problem-page.js";
import { displayNames } from "../../sync/hr-list-store.js";
import { ComparisonNotice, PreviewButton, PreviewChanges, PreviewList, SummaryFacts } from "./preview-views.js";

/** A preview reads every company once; a large environment takes minutes. */
const PREVIEW_TIMEOUT_MS = 15 * 60_000;

/** Whole-run previews (dry runs) of a connector, mounted under /connectors (docs/sync-runs.md, "Preview"). */
export function previewRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  const { sqlite } = deps.db;

  app.post("/:id/previews", async (c) => {
    const id = c.req.param("id");
    if (!deps.registry.get(id)) return noSuchConnector(c, id);
    try {
      const { id: previewId, report } = await deps.preview(
        id,
        c.get("admin")?.username ?? "admin",
        AbortSignal.timeout(PREVIEW_TIMEOUT_MS),
      );
      const { created, updated, removed } = report.summary;
      auditAdminAction(c, deps, "sync_preview", {
        connectorId: id,
        detail: `preview ${previewId}: ${created} created, ${updated} updated, ${removed} removed`,
      });
      return c.redirect(`/connectors/${id}/previews/${previewId}`, 303);
    } catch (error) {
      if (!(error instanceof SyncError)) throw error;
      return problemPage(c, 502, requestMessages(c).previewPages.failedTitle, error.message);
    }
  });

  app.get("/:id/previews", (c) => {
    const id = c.req.param("id");
    if (!deps.registry.get(id)) return noSuchConnector(c, id);
    const messages = requestMessages(c);
    return renderPage(c, {
      title: messages.previewPages.listTitle(id),
      section: "connectors",
      breadcrumb: [
        { href: "/connectors", label: messages.connectors.title },
        { href: `/connectors/${id}`, label: id },
      ],
      actions: <PreviewButton connectorId={id} csrfToken={c.get("csrfToken")} />,
      children: (
        <section class="card">
          <p class="hint">{messages.previewPages.listHint(PREVIEWS_KEPT)}</p>
          <PreviewList connectorId={id} previews={listPreviews(sqlite, id)} />
        </section>
      ),
    });
  });

  app.get("/:id/previews/:previewId", async (c) => {
    const previewId = previewIdOf(c);
    if (previewId === null) return noSuchPreview(c);
    const excerpt = await fromReader(c, { kind: "preview", connectorId: c.req.param("id") ?? "", previewId });
    if (excerpt instanceof Response) return excerpt;
    if (!excerpt) return noSuchPreview(c);
    const { record, report, totals, comparison, shown } = excerpt;
    const base = `/connectors/${record.connectorId}/previews/${record.id}`;
    const messages = requestMessages(c);
    const t = messages.previewPages;
    return renderPage(c, {
      title: t.reportTitle(record.id, record.connectorId),
      section: "connectors",
      breadcrumb: [
        { href: "/connectors", label: messages.connectors.title },
        { href: `/connectors/${record.connectorId}`, label: record.connectorId },
        { href: `/connectors/${record.connectorId}/previews`, label: t.previews },
      ],
      actions: (
        <>
          <a class="button" href={`${base}/report.csv`} download>
            {t.downloadCsv}
          </a>
          <a class="button" href={`${base}/report.json`} download>
            {t.downloadJson}
          </a>
          <PreviewButton connectorId={record.connectorId} csrfToken={c.get("csrfToken")} />
        </>
      ),
      children: (
        <>
          <Notice tone="info">{t.nothingApplied}</Notice>
          <ComparisonNotice comparison={comparison} />
          <section class="card" id="preview-summary">
            <h2>{t.summary}</h2>
            <Facts
              items={[
                [t.made, <Time at={record.createdAt} />],
                [t.by, record.createdBy],
                [t.servedThen, t.generation(record.baseGen)],
              ]}
            />
            <SummaryFacts summary={report.summary} />
          </section>
          <PreviewChanges
            report={report}
            totals={totals}
            shown={shown}
            names={displayNames(
              sqlite,
              report.held.map((hold) => hold.scimId),
            )}
          />
        </>
      ),
    });
  });

  app.get("/:id/previews/:previewId/report.json", (c) => previewDownload(c, "json"));
  app.get("/:id/previews/:previewId/report.csv", (c) => previewDownload(c, "csv"));

  const previewDownload = async (c: Context<ConsoleEnv>, format: PreviewFormat) => {
    const previewId = previewIdOf(c);
    if (previewId === null) return noSuchPreview(c);
    const job = {
      kind: "previewFile",
      connectorId: c.req.param("id") ?? "",
      previewId,
      format,
      secrets: knownSecrets.list(),
    } as const;
    const file = await fromReader(c, job);
    if (file instanceof Response) return file;
    if (!file) return noSuchPreview(c);
    c.set("cleanedOfSecrets", true);
    c.header("content-type", file.contentType);
    c.header("content-disposition", `attachment; filename="${file.fileName}"`);
    c.header("cache-control", "no-store");
    return c.body(file.body);
  };

  /** The answer of a job on the console's reader, or a 503 with Retry-After when the reader is too busy. */
  const fromReader = async <J extends ReaderJob>(
    c: Context<ConsoleEnv>,
    job: J,
  ): Promise<ReaderAnswer<J> | Response> => {
    try {
      return await deps.reader.run(job);
    } catch (error) {
      if (!(error instanceof ReaderRefused)) throw error;
      c.header("retry-after", String(error.retryAfterSeconds));
      return problemPage(c, 503, requestMessages(c).previewPages.notReadyTitle, error.message);
    }
  };

  return app;
}

/** Null for an id that is not a whole number (no preview has it). */
function previewIdOf(c: Context<ConsoleEnv>): number | null {
  const previewId = Number(c.req.param("previewId"));
  return Number.isSafeInteger(previewId) ? previewId : null;
}

function noSuchPreview(c: Context<ConsoleEnv>): Response | Promise<Response> {
  const t = requestMessages(c).previewPages;
  return problemPage(c, 404, t.noSuchPreviewTitle, t.noSuchPreviewText);
}

function noSuchConnector(c: Context<ConsoleEnv>, id: string): Response | Promise<Response> {
  const messages = requestMessages(c);
  return problemPage(c, 404, messages.problems.noConnectorTitle, messages.previewPages.noConnectorText(id));
}
