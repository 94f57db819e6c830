import { randomUUID } from "node:crypto";
import type { Clock } from "../../clock.js";
import type { ConnectorConfig } from "../../config/types.js";
import type { Sqlite } from "../../db/open.js";
import type { HrSource } from "../../sources/types.js";
import { SyncError, toSyncError } from "../sync-error.js";
import { previewRun } from "./preview-run.js";
import { savePreview } from "./preview-store.js";
import type { PreviewReport } from "./preview-types.js";

/** What a failed preview's message starts with ("preview: …"). */
export const PREVIEW_LABEL = "preview";

export interface PreviewDeps {
  readonly sqlite: Sqlite;
  readonly clock: Clock;
  /** The connector with its secrets resolved; undefined for an unknown id. */
  readonly connector: (connectorId: string) => ConnectorConfig | undefined;
  /** The same source factory the sync uses. */
  readonly sourceFor: (connector: ConnectorConfig) => HrSource;
  /** The connector's birth-date key (connectors/birth-date-key.ts), so a switched API re-keys as the run will. */
  readonly birthDateKey?: (connectorId: string) => Buffer;
}

/**
 * Makes and stores a preview of the connector's next run, for the console's Preview button and `--dry-run`. The
 * ids drawn for new people and groups are throw-away: the run draws its own, which is why change-digest.ts keys
 * created resources by what identifies them. Failures come back as SyncError, like a run's.
 */
export async function createPreview(
  deps: PreviewDeps,
  connectorId: string,
  by: string,
  signal?: AbortSignal,
): Promise<{ id: number; report: PreviewReport }> {
  const connector = deps.connector(connectorId);
  if (!connector) throw unknownConnector(connectorId);
  try {
    const context = {
      sqlite: deps.sqlite,
      clock: deps.clock,
      newId: randomUUID,
      ...(deps.birthDateKey ? { birthDateKey: deps.birthDateKey } : {}),
    };
    const report = await previewRun(context, connector, deps.sourceFor(connector), signal);
    return { id: savePreview(deps.sqlite, report, by), report };
  } catch (error) {
    throw toSyncError(error, connectorId, { label: PREVIEW_LABEL });
  }
}

export function unknownConnector(connectorId: string): SyncError {
  return new SyncError(`there is no connector "${connectorId}"`, { connectorId });
}
