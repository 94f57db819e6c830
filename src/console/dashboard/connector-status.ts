import type { ConnectorRecord } from "../../connectors/registry.js";
import type { Sqlite } from "../../db/open.js";
import { prepared } from "../../db/statements.js";
import type { NextRuns } from "../../sync/scheduler.js";
import { countPendingHolds } from "../../sync/person-holds.js";
import { readRun, type RunRecord } from "../../sync/run-records.js";
import type { SyncProgress } from "../../sync/sync-service.js";
import type { ConsoleDeps } from "../deps.js";
import type { NextImportForecast } from "../../forecast/next-import.js";
import type { OktaImportSeen } from "../scim-console.js";
import { restConnectionOf, type RestConnection } from "../nmbrs-rest/rest-connection-view.js";
import { sourceTestedAt } from "../../connectors/source-tested.js";
import { setupSteps, type SetupStep } from "./setup-checklist.js";

export type Health = "healthy" | "failing" | "held" | "attention" | "syncing" | "new";

export interface ConnectorStatus {
  readonly connector: ConnectorRecord;
  readonly health: Health;
  /** One line saying why, for anything but healthy. */
  readonly reason: string | null;
  readonly lastRun: RunRecord | null;
  readonly lastSuccess: RunRecord | null;
  readonly heldRun: RunRecord | null;
  readonly progress: SyncProgress | null;
  readonly nextRuns: NextRuns | null;
  readonly lastImport: OktaImportSeen | null;
  /** Open problems of the last complete read, by kind. */
  readonly problems: Readonly<Record<string, number>>;
  /** People held for approval (docs/holds.md) who wait for a decision. */
  readonly pendingHolds: number;
  /** The forecast of Okta's next import, when one was computed since the last change (docs/forecast.md). */
  readonly forecast: NextImportForecast | null;
  /**
   * The Nmbrs REST consent of a connector that syncs with it or holds one already (a SOAP connector prepared for
   * the move); null otherwise.
   */
  readonly nmbrsConsent: RestConnection | null;
  /** Source tested, Okta credential, Okta's first import: shown on the card until all are done. */
  readonly setup: readonly SetupStep[];
}

/** Everything the dashboard says about one connector; a handful of indexed lookups. */
export function connectorStatus(deps: Pick<ConsoleDeps, "db" | "sync" | "nextRuns" | "scim" | "registry" | "clock">, connector: ConnectorRecord): ConnectorStatus {
  const { sqlite } = deps.db;
  const id = connector.settings.id;
  // sync_runs_by_connector (connector_id, id) walked backwards.
  const lastRun = runWhere(sqlite, "connector_id = ? AND status <> 'running'", id);
  const lastSuccess = runWhere(sqlite, "connector_id = ? AND status IN ('succeeded', 'approved')", id);
  const heldRun = runWhere(sqlite, "connector_id = ? AND status = 'held'", id);
  const progress = deps.sync.progress(id) ?? null;
  const problems = Object.fromEntries(
    (prepared(sqlite, "SELECT kind, count(*) AS count FROM problems WHERE connector_id = ? GROUP BY kind").all(id) as { kind: string; count: number }[]).map(
      (row) => [row.kind, row.count],
    ),
  );
  const pendingHolds = countPendingHolds(sqlite, id);
  const nextRuns = deps.nextRuns(id) ?? null;
  const [health, reason] = healthOf(connector, lastRun, heldRun, progress, pendingHolds, nextRuns);
  const lastImport = deps.scim.lastImport(id);
  return {
    connector,
    health,
    reason,
    lastRun,
    lastSuccess,
    heldRun,
    progress,
    nextRuns,
    lastImport,
    problems,
    pendingHolds,
    forecast: deps.scim.currentForecast(id),
    nmbrsConsent: nmbrsConsentOf(deps, connector),
    setup: setupSteps({
      connector,
      sourceTestedAt: sourceTestedAt(sqlite, id),
      syncSucceeded: lastSuccess !== null,
      credentials: deps.scim.credentials(id),
      lastImport,
    }),
  };
}

function nmbrsConsentOf(deps: Pick<ConsoleDeps, "registry" | "clock">, connector: ConnectorRecord): RestConnection | null {
  const connection = restConnectionOf(deps.registry, connector, deps.clock());
  if (!connection) return null;
  return connector.settings.kind === "nmbrs-rest" || connection.state !== "not-connected" ? connection : null;
}

/**
 * "Healthy" is earned, not the default: the last run succeeded (so the source was reachable at the last attempt) and
 * a next run is scheduled. Anything else says why, first the one that silently stops syncing: no schedule.
 */
function healthOf(
  connector: ConnectorRecord,
  lastRun: RunRecord | null,
  heldRun: RunRecord | null,
  progress: SyncProgress | null,
  pendingHolds: number,
  nextRuns: NextRuns | null,
): [Health, string | null] {
  if (connector.attention) return ["attention", connector.attention];
  if (nextRuns?.problem) return ["attention", `Not scheduled: the ${nextRuns.problem}. Correct it in the settings; the other connectors run as usual.`];
  if (heldRun) return ["held", heldRun.error ?? "a run waits for approval"];
  if (pendingHolds > 0) return ["held", `${pendingHolds} ${pendingHolds === 1 ? "person waits" : "people wait"} for approval; everything else was applied`];
  if (progress) return ["syncing", "a sync is running"];
  if (!lastRun) return ["new", "not synced yet"];
  if (lastRun.status === "failed") return ["failing", lastRun.error];
  if (lastRun.status !== "succeeded" && lastRun.status !== "approved") return ["attention", `the last run was ${lastRun.status}: nothing it read was applied`];
  if (!nextRuns?.schedule) return ["attention", "no next run is scheduled"];
  return ["healthy", null];
}

function runWhere(sqlite: Sqlite, where: string, connectorId: string): RunRecord | null {
  const id = prepared(sqlite, `SELECT id FROM sync_runs WHERE ${where} ORDER BY id DESC LIMIT 1`).pluck().get(connectorId) as number | undefined;
  return id === undefined ? null : (readRun(sqlite, id) ?? null);
}
