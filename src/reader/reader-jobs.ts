import type { Sqlite } from "../db/open.js";
import { readKeyedForecast, type KeyedForecast } from "../forecast/next-import.js";
import { readPageRows, type PagePlan, type PageRows } from "../scim/list/query-page.js";
import type { StatementCache } from "../scim/list/statement-cache.js";
import { knownSecrets } from "../secrets/known-secrets.js";
import { readPreviewExcerpt, type PreviewExcerpt } from "../sync/preview/preview-excerpt.js";
import { readPreviewFile, type PreviewFile, type PreviewFormat } from "../sync/preview/preview-file.js";

/**
 * What a reader (reader-thread.ts) does: reads that may take seconds, which on the serving thread would hold up
 * every other request. Jobs and answers cross threads as structured clones, so they are plain data.
 */
export type ReaderJob =
  /** A SCIM list page whose filter or sort no index answers (src/scim/list/query-page.ts). */
  | { readonly kind: "page"; readonly plan: PagePlan }
  /** The forecast of a connector's next Okta import (src/forecast/), okta_links already recorded. */
  | { readonly kind: "forecast"; readonly connectorId: string }
  /** What the page of a stored sync preview shows (src/sync/preview/preview-excerpt.ts). */
  | { readonly kind: "preview"; readonly connectorId: string; readonly previewId: number }
  /**
   * A stored sync preview as a download (src/sync/preview/preview-file.ts). `secrets`: the gateway's known secret
   * values (a reader thread has its own registry, like a sync process), so that the file is cleaned here and the
   * serving thread never scans megabytes of text.
   */
  | {
      readonly kind: "previewFile";
      readonly connectorId: string;
      readonly previewId: number;
      readonly format: PreviewFormat;
      readonly secrets: readonly string[];
    };

export interface ReaderAnswers {
  readonly page: PageRows;
  readonly forecast: KeyedForecast;
  readonly preview: PreviewExcerpt | null;
  readonly previewFile: PreviewFile | null;
}

export type ReaderAnswer<J extends ReaderJob> = ReaderAnswers[J["kind"]];

export function runReaderJob<J extends ReaderJob>(sqlite: Sqlite, statements: StatementCache, job: J): ReaderAnswer<J> {
  return answer(sqlite, statements, job) as ReaderAnswer<J>;
}

function answer(sqlite: Sqlite, statements: StatementCache, job: ReaderJob): ReaderAnswers[keyof ReaderAnswers] {
  switch (job.kind) {
    case "page":
      return readPageRows(statements, job.plan);
    case "forecast":
      return readKeyedForecast(sqlite, job.connectorId);
    case "preview":
      return readPreviewExcerpt(sqlite, job.connectorId, job.previewId);
    case "previewFile":
      for (const secret of job.secrets) knownSecrets.register(secret);
      return readPreviewFile(sqlite, job.connectorId, job.previewId, job.format, (text) => knownSecrets.redact(text));
  }
}

/** The buffers of an answer that can move to the serving thread instead of being copied (a download's bytes). */
export function transferablesOf(answer: unknown): ArrayBuffer[] {
  if (
    answer &&
    typeof answer === "object" &&
    "body" in answer &&
    answer.body instanceof Uint8Array &&
    answer.body.buffer instanceof ArrayBuffer
  )
    return [answer.body.buffer];
  return [];
}
