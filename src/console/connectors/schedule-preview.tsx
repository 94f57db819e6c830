import { previewSchedule } from "../../sync/scheduler.js";

export interface SchedulePreviewProps {
  readonly schedule: string;
  readonly timezone: string;
  readonly reevaluateAt: string;
  readonly now: Date;
}

const PREVIEW_RUNS = 5;

/** "Next runs: Sat 28 Nov 23:15, …" in the connector's own time zone, or why the schedule cannot be used. */
export function SchedulePreview(props: SchedulePreviewProps) {
  let zoneOk = true;
  try {
    new Intl.DateTimeFormat("en", { timeZone: props.timezone });
  } catch {
    zoneOk = false;
  }
  if (!zoneOk) return <p class="hint">Enter a valid time zone to see the next runs.</p>;
  const preview = previewSchedule(props.schedule, props.timezone, PREVIEW_RUNS, props.now);
  if ("problem" in preview) return <p class="field-error">{preview.problem}</p>;
  const format = new Intl.DateTimeFormat("en-GB", {
    timeZone: props.timezone,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
  });
  return (
    <div class="schedule-preview">
      <p>
        Next runs ({props.timezone}), plus a daily re-evaluation at {props.reevaluateAt || "00:05"}:
      </p>
      <ol class="inline-list">
        {preview.runs.map((run) => (
          <li>
            <time datetime={run.toISOString()}>{format.format(run)}</time>
          </li>
        ))}
      </ol>
    </div>
  );
}
