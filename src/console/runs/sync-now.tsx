import type { RunRecord } from "../../sync/run-records.js";
import type { SyncProgress } from "../../sync/sync-service.js";
import { RunCounts, RunStatusBadge } from "../dashboard/status-views.js";
import { Notice } from "../views/components.js";
import { formatCount, plural } from "../views/format.js";
import { CsrfField } from "../views/layout.js";

export function syncSlotId(connectorId: string): string {
  return `sync-${connectorId}`;
}

/** The id of the dashboard card that holds a connector's "Sync now". */
export function connectorCardId(connectorId: string): string {
  return `connector-${connectorId}`;
}

/** The event (HX-Trigger header) with which the answer that shows a finished run asks the card to refresh itself. */
export function syncFinishedEvent(connectorId: string): string {
  return `sync-finished-${connectorId}`;
}

/**
 * The "Sync now" button and the slot its progress and result appear in. When the run has finished, the card around
 * it is fetched again from the dashboard (the hidden element below), so "Last sync", health and counts show the new
 * run; the slot is preserved across that swap (hx-preserve), so the result stays on screen.
 */
export function SyncNow(props: { connectorId: string; csrfToken: string; running: boolean }) {
  const path = `/connectors/${props.connectorId}/sync`;
  const card = `#${connectorCardId(props.connectorId)}`;
  return (
    <div class="sync-now">
      <form method="post" action={path} hx-post={path} hx-target={`#${syncSlotId(props.connectorId)}`} hx-disabled-elt="find button">
        <CsrfField token={props.csrfToken} />
        <button type="submit" class="button button-primary">
          {props.running ? "Show progress" : "Sync now"}
        </button>
      </form>
      <div id={syncSlotId(props.connectorId)} class="sync-slot" aria-live="polite" hx-preserve="true"></div>
      <div hidden hx-get="/" hx-trigger={`${syncFinishedEvent(props.connectorId)} from:body`} hx-select={card} hx-target={card} hx-swap="outerHTML"></div>
    </div>
  );
}

/**
 * A run in progress: polls itself every second (htmx) until the run has finished, then shows the result and stops.
 * `since` is the newest run id before the button was pressed, so the result shown is this run's.
 */
export function SyncProgressView(props: { connectorId: string; since: number; progress: SyncProgress | null; result: RunRecord | null; problem?: string }) {
  if (props.problem) return <Notice tone="bad" role="alert" title="The sync did not start">{props.problem}</Notice>;
  if (props.progress) {
    const { companiesDone, companiesTotal, employeesRead, phase } = props.progress;
    return (
      <div
        class="sync-progress"
        hx-get={`/connectors/${props.connectorId}/sync/progress?since=${props.since}`}
        hx-trigger="every 1s"
        hx-swap="outerHTML"
        data-poll=""
        role="status"
      >
        <p>
          {phase === "applying"
            ? "Everything is read; computing and applying the changes…"
            : `Reading companies: ${companiesDone} of ${companiesTotal || "?"} done · ${formatCount(employeesRead)} employees read`}
        </p>
        <progress max={Math.max(companiesTotal, 1)} value={companiesDone} aria-label="Companies read"></progress>
      </div>
    );
  }
  const run = props.result;
  if (!run) return <p class="muted">No run recorded.</p>;
  const peopleHeld = run.stats?.held ?? 0;
  const tone = run.status === "held" || peopleHeld > 0 ? "warn" : run.status === "succeeded" || run.status === "approved" ? "ok" : "bad";
  return (
    <Notice tone={tone} role="status">
      <p class="notice-title">
        Run {run.id}: <RunStatusBadge status={run.status} />
      </p>
      {run.error ? <p>{run.error}</p> : null}
      <p>
        <RunCounts run={run} />
      </p>
      {peopleHeld > 0 ? (
        <p>
          {plural(peopleHeld, "person waits", "people wait")} for approval; everyone else's changes were applied.{" "}
          <a href={`/connectors/${run.connectorId}/holds`}>Review the held people</a>
        </p>
      ) : null}
      <p>
        <a href={`/runs/${run.id}`}>{run.status === "held" ? "Review the held run" : "Open the run"}</a>
      </p>
    </Notice>
  );
}
