import type { RunRecord } from "../../sync/run-store.js";
import type { SyncProgress } from "../../sync/sync-service.js";
import { RunCounts, RunStatusBadge } from "../dashboard/status-views.js";
import { Notice } from "../views/components.js";
import { useMessages } from "../i18n/use-language.js";
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
  const { t } = useMessages();
  const path = `/connectors/${props.connectorId}/sync`;
  const card = `#${connectorCardId(props.connectorId)}`;
  return (
    <div class="sync-now">
      <form
        method="post"
        action={path}
        hx-post={path}
        hx-target={`#${syncSlotId(props.connectorId)}`}
        hx-disabled-elt="find button"
      >
        <CsrfField token={props.csrfToken} />
        <button type="submit" class="button button-primary">
          {props.running ? t.runs.showProgress : t.runs.syncNow}
        </button>
      </form>
      <div id={syncSlotId(props.connectorId)} class="sync-slot" aria-live="polite" hx-preserve="true"></div>
      <div
        hidden
        hx-get="/"
        hx-trigger={`${syncFinishedEvent(props.connectorId)} from:body`}
        hx-select={card}
        hx-target={card}
        hx-swap="outerHTML"
      ></div>
    </div>
  );
}

/**
 * A run in progress: polls itself every second (htmx) until the run has finished, then shows the result and stops.
 * `since` is the newest run id before the button was pressed, so the result shown is this run's.
 */
export function SyncProgressView(props: {
  connectorId: string;
  since: number;
  progress: SyncProgress | null;
  result: RunRecord | null;
  problem?: string;
}) {
  const { t } = useMessages();
  if (props.problem)
    return (
      <Notice tone="bad" role="alert" title={t.runs.didNotStart}>
        {props.problem}
      </Notice>
    );
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
        <p>{phase === "applying" ? t.runs.applying : t.runs.reading(companiesDone, companiesTotal, employeesRead)}</p>
        <progress max={Math.max(companiesTotal, 1)} value={companiesDone} aria-label={t.runs.companiesRead}></progress>
      </div>
    );
  }
  const run = props.result;
  if (!run) return <p class="muted">{t.runs.noRun}</p>;
  const peopleHeld = run.stats?.held ?? 0;
  const tone =
    run.status === "held" || peopleHeld > 0
      ? "warn"
      : run.status === "succeeded" || run.status === "approved"
        ? "ok"
        : "bad";
  return (
    <Notice tone={tone} role="status">
      <p class="notice-title">
        {t.runs.runTitle(run.id)} <RunStatusBadge status={run.status} />
      </p>
      {run.error ? <p>{run.error}</p> : null}
      <p>
        <RunCounts run={run} />
      </p>
      {peopleHeld > 0 ? (
        <p>
          {t.runs.peopleWait(peopleHeld)} <a href={`/connectors/${run.connectorId}/holds`}>{t.runs.reviewHeldPeople}</a>
        </p>
      ) : null}
      <p>
        <a href={`/runs/${run.id}`}>{run.status === "held" ? t.runs.reviewHeldRun : t.runs.openRun}</a>
      </p>
    </Notice>
  );
}
