import type { RunRecord, RunStatus } from "../../sync/run-store.js";
import { useMessages } from "../i18n/use-language.js";
import { Badge, type Tone } from "../views/components.js";
import { formatDuration } from "../views/format.js";
import type { Health, HealthReason } from "./connector-status.js";

const HEALTH_TONES: Record<Health, Tone> = {
  healthy: "ok",
  failing: "bad",
  held: "warn",
  attention: "bad",
  syncing: "info",
  new: "muted",
};

export function HealthBadge(props: { health: Health }) {
  const { t } = useMessages();
  return <Badge tone={HEALTH_TONES[props.health]}>{t.dashboard.health[props.health]}</Badge>;
}

/** Why a connector is not healthy, in the page's language. */
export function HealthReasonText(props: { reason: HealthReason }) {
  const { t } = useMessages();
  const { reasons } = t.dashboard;
  const { reason } = props;
  switch (reason.kind) {
    case "text":
      return <>{reason.text}</>;
    case "not-scheduled":
      return <>{reasons.notScheduled(reason.problem)}</>;
    case "run-held":
      return <>{reasons.runHeld}</>;
    case "people-held":
      return <>{reasons.peopleHeld(reason.count)}</>;
    case "syncing":
      return <>{reasons.syncing}</>;
    case "never-synced":
      return <>{reasons.neverSynced}</>;
    case "not-applied":
      return <>{reasons.notApplied(t.runs.status[reason.status])}</>;
    case "no-next-run":
      return <>{reasons.noNextRun}</>;
  }
}

const RUN_TONES: Record<RunStatus, Tone> = {
  running: "info",
  succeeded: "ok",
  approved: "ok",
  failed: "bad",
  held: "warn",
  rejected: "muted",
  superseded: "muted",
};

export function RunStatusBadge(props: { status: RunStatus }) {
  const { t } = useMessages();
  return <Badge tone={RUN_TONES[props.status]}>{t.runs.status[props.status]}</Badge>;
}

export function runDuration(run: RunRecord): string | null {
  return run.finishedAt ? formatDuration(Date.parse(run.finishedAt) - Date.parse(run.startedAt)) : null;
}

/** "2 companies · 1,204 employees read · 1,180 served (1,150 active) · 3 created, 12 updated, 0 removed". */
export function RunCounts(props: { run: RunRecord }) {
  const { t } = useMessages();
  const stats = props.run.stats;
  if (!stats) return <span class="muted">{t.runs.noCounts}</span>;
  const counts = t.runs.counts;
  const parts = [
    counts.companies(stats.companies),
    counts.employeesRead(stats.employees),
    stats.served !== undefined ? counts.served(stats.served, stats.active ?? 0) : null,
    stats.created !== undefined ? counts.changes(stats.created, stats.updated ?? 0, stats.removed ?? 0) : null,
    stats.held ? counts.held(stats.held) : null,
  ].filter((part): part is string => part !== null);
  return <span>{parts.join(" · ")}</span>;
}
