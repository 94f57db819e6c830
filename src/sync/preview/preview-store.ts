import { gunzipSync, gzipSync } from "node:zlib";
import type { Sqlite } from "../../db/open.js";
import { prepared } from "../../db/statements.js";
import type { PreviewReport, PreviewSummary } from "./preview-types.js";

/** Previews kept per connector; older ones are deleted when a new one is stored. */
export const PREVIEWS_KEPT = 20;

/** A stored preview without its report (lists, the comparison with the run after it). */
export interface PreviewRecord {
  readonly id: number;
  readonly connectorId: string;
  readonly createdAt: string;
  /** Admin username, or "<os user> (cli)". */
  readonly createdBy: string;
  readonly baseGen: number;
  readonly summary: PreviewSummary;
  readonly digest: string;
}

const COLUMNS =
  "id, connector_id AS connectorId, created_at AS createdAt, created_by AS createdBy, base_gen AS baseGen, summary, digest";

/** Stores a preview and drops the connector's previews beyond the newest {@link PREVIEWS_KEPT}; returns its id. */
export function savePreview(sqlite: Sqlite, report: PreviewReport, createdBy: string, kept = PREVIEWS_KEPT): number {
  return sqlite
    .transaction(() => {
      const id = Number(
        prepared(
          sqlite,
          "INSERT INTO sync_previews (connector_id, created_at, created_by, base_gen, summary, digest, report) VALUES (?, ?, ?, ?, ?, ?, ?)",
        ).run(
          report.connectorId,
          report.createdAt,
          createdBy,
          report.baseGen,
          JSON.stringify(report.summary),
          report.digest,
          gzipSync(JSON.stringify(report)),
        ).lastInsertRowid,
      );
      // sync_previews_by_connector: the offset walks the connector's newest ids.
      prepared(
        sqlite,
        `DELETE FROM sync_previews WHERE connector_id = ? AND id <= coalesce(
         (SELECT id FROM sync_previews WHERE connector_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?), 0)`,
      ).run(report.connectorId, report.connectorId, kept);
      return id;
    })
    .immediate();
}

/** The connector's stored previews, newest first. */
export function listPreviews(sqlite: Sqlite, connectorId: string): PreviewRecord[] {
  const rows = prepared(sqlite, `SELECT ${COLUMNS} FROM sync_previews WHERE connector_id = ? ORDER BY id DESC`).all(
    connectorId,
  ) as (Omit<PreviewRecord, "summary"> & { summary: string })[];
  return rows.map(toRecord);
}

export function readPreview(
  sqlite: Sqlite,
  connectorId: string,
  id: number,
): { record: PreviewRecord; report: PreviewReport } | undefined {
  const row = prepared(sqlite, `SELECT ${COLUMNS}, report FROM sync_previews WHERE connector_id = ? AND id = ?`).get(
    connectorId,
    id,
  ) as (Omit<PreviewRecord, "summary"> & { summary: string; report: Buffer }) | undefined;
  if (!row) return undefined;
  const { report, ...record } = row;
  return { record: toRecord(record), report: JSON.parse(gunzipSync(report).toString("utf8")) as PreviewReport };
}

function toRecord(row: Omit<PreviewRecord, "summary"> & { summary: string }): PreviewRecord {
  return { ...row, summary: JSON.parse(row.summary) as PreviewSummary };
}

/** Whether a stored preview of the connector was computed from generation `baseGen`. */
export function hasPreviewFrom(sqlite: Sqlite, connectorId: string, baseGen: number): boolean {
  return (
    prepared(sqlite, "SELECT 1 FROM sync_previews WHERE connector_id = ? AND base_gen = ? LIMIT 1").get(
      connectorId,
      baseGen,
    ) !== undefined
  );
}
