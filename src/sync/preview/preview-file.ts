import type { Sqlite } from "../../db/open.js";
import { previewCsv } from "./preview-csv.js";
import { readPreview } from "./preview-store.js";

export type PreviewFormat = "csv" | "json";

/** A stored preview as a download: everyone in it, already cleaned of known secrets, as UTF-8 bytes. */
export interface PreviewFile {
  readonly fileName: string;
  readonly contentType: string;
  readonly body: Uint8Array<ArrayBuffer>;
}

const CONTENT_TYPES: Record<PreviewFormat, string> = { csv: "text/csv; charset=utf-8", json: "application/json" };

/**
 * Makes the CSV or JSON download of a stored preview; null when there is no such preview. Runs on the console's
 * reader thread (src/reader/): for a first sync of 50,000 people, unzipping, parsing, serialising and cleaning the
 * text take seconds. The bytes come from TextEncoder, whose buffer is the answer's own, so the reader can hand it to
 * the serving thread without a copy.
 */
export function readPreviewFile(
  sqlite: Sqlite,
  connectorId: string,
  previewId: number,
  format: PreviewFormat,
  redact: (text: string) => string,
): PreviewFile | null {
  const found = readPreview(sqlite, connectorId, previewId);
  if (!found) return null;
  const text = format === "csv" ? previewCsv(found.report) : JSON.stringify(found.report, null, 2);
  return {
    fileName: `preview-${connectorId}-${previewId}.${format}`,
    contentType: CONTENT_TYPES[format],
    body: new TextEncoder().encode(redact(text)),
  };
}
