import type { RunRecord } from "../../sync/run-records.js";
import { Badge, type Tone } from "../views/components.js";
import { formatCount, formatDuration } from "../views/format.js";
import type { Health } from "./connector-status.js";

const HEALTH: Record<Health, { tone: Tone; label: string }> = {
  healthy: { tone: "ok", label: "Healthy" },
  failing: { tone: "bad", label: "Failing" },
  held: { tone: "warn", label: "Held for approval" },
  attention: { tone: "bad", label: "Needs attention" },
  syncing: { tone: "info", label: "Syncing" },
  new: { tone: "muted", label: "Not synced yet" },
};

export function HealthBadge(props: { health: Health }) {
  const { tone, label } = HEALTH[props.health];
  return <Badge tone={tone}>{label}</Badge>;
}

const RUN_TONES: Record<string, Tone> = {
  running: "info",
  succeeded: "ok",
  approved: "ok",
  failed: "bad",
  held: "warn",
  rejected: "muted",
  superseded: "muted",
};

export function RunStatusBadge(props: { status: string }) {
  return <Badge tone={RUN_TONES[props.status] ?? "muted"}>{props.status}</Badge>;
}

export function runDuration(run: RunRecord): string | null {
  return run.finishedAt ? formatDuration(Date.parse(run.finishedAt) - Date.parse(run.startedAt)) : null;
}

/** "1,204 employees read · 1,180 active · 3 created, 12 updated, 0 removed". */
export function RunCounts(props: { run: RunRecord }) {
  const stats = props.run.stats;
  if (!stats) return <span class="muted">no counts</span>;
  const parts = [
    `${formatCount(stats.companies)} companies`,
    `${formatCount(stats.employees)} employees read`,
    stats.served !== undefined ? `${formatCount(stats.served)} served (${formatCount(stats.active)} active)` : null,
    stats.created !== undefined ? `${formatCount(stats.created)} created, ${formatCount(stats.updated)} updated, ${formatCount(stats.removed)} removed` : null,
    stats.held ? `${formatCount(stats.held)} held for approval` : null,
  ].filter((part): part is string => part !== null);
  return <span>{parts.join(" · ")}</span>;
}
