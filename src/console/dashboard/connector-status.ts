import type { ConnectorRecord } from "../../connectors/registry.js";
import type { NextRuns } from "../../sync/scheduler.js";
import { countPendingHolds } from "../../sync/holds/person-holds.js";
import { problemCounts } from "../../sync/problems.js";
import { type RunRecord, type RunStatus, runHeadlines } from "../../sync/run-store.js";
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
  /** Why the health is not "healthy"; worded by the page in its language (status-views.tsx, HealthReasonText). */
  readonly reason: HealthReason | null;
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
export function connectorStatus(
  deps: Pick<ConsoleDeps, "db" | "sync" | "nextRuns" | "scim" | "registry" | "clock">,
  connector: ConnectorRecord,
): ConnectorStatus {
  const { sqlite } = deps.db;
  const id = connector.settings.id;
  const { lastRun, lastSuccess, heldRun } = runHeadlines(sqlite, id);
  const progress = deps.sync.progress(id) ?? null;
  const problems = problemCounts(sqlite, id);
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

function nmbrsConsentOf(
  deps: Pick<ConsoleDeps, "registry" | "clock">,
  connector: ConnectorRecord,
): RestConnection | null {
  const connection = restConnectionOf(deps.registry, connector, deps.clock());
  if (!connection) return null;
  return connector.settings.kind === "nmbrs-rest" || connection.state !== "not-connected" ? connection : null;
}

/**
 * Why a connector is not healthy. "text" carries a message the gateway already wrote (a run's error, a config
 * problem): it is shown as written, in English, like the log it also appears in.
 */
export type HealthReason =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "not-scheduled"; readonly problem: string }
  | { readonly kind: "run-held" }
  | { readonly kind: "people-held"; readonly count: number }
  | { readonly kind: "syncing" }
  | { readonly kind: "never-synced" }
  | { readonly kind: "not-applied"; readonly status: RunStatus }
  | { readonly kind: "no-next-run" };

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
): [Health, HealthReason | null] {
  if (connector.attention) return ["attention", { kind: "text", text: connector.attention }];
  if (nextRuns?.problem) return ["attention", { kind: "not-scheduled", problem: nextRuns.problem }];
  if (heldRun) return ["held", heldRun.error ? { kind: "text", text: heldRun.error } : { kind: "run-held" }];
  if (pendingHolds > 0) return ["held", { kind: "people-held", count: pendingHolds }];
  if (progress) return ["syncing", { kind: "syncing" }];
  if (!lastRun) return ["new", { kind: "never-synced" }];
  if (lastRun.status === "failed")
    return ["failing", lastRun.error === null ? null : { kind: "text", text: lastRun.error }];
  if (lastRun.status !== "succeeded" && lastRun.status !== "approved")
    return ["attention", { kind: "not-applied", status: lastRun.status }];
  if (!nextRuns?.schedule) return ["attention", { kind: "no-next-run" }];
  return ["healthy", null];
}
