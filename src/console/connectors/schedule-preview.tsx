import { YOUFORCE_RUNS_PER_DAY, youforceScheduleWarning } from "../../config/youforce-quota.js";
import { previewSchedule } from "../../sync/scheduler.js";
import { LOCALES } from "../i18n/language.js";
import { useMessages } from "../i18n/use-language.js";

export interface SchedulePreviewProps {
  readonly schedule: string;
  readonly timezone: string;
  readonly reevaluateAt: string;
  readonly now: Date;
  /** The connector's kind: Youforce's token quota limits how often it may run. */
  readonly kind?: string;
}

const PREVIEW_RUNS = 5;

/** "Next runs: Sat 28 Nov 23:15, …" in the connector's own time zone, or why the schedule cannot be used. */
export function SchedulePreview(props: SchedulePreviewProps) {
  const { language, t: messages } = useMessages();
  const t = messages.connectorPages.schedulePreview;
  let zoneOk = true;
  try {
    new Intl.DateTimeFormat("en", { timeZone: props.timezone });
  } catch {
    zoneOk = false;
  }
  if (!zoneOk) return <p class="hint">{t.enterTimeZone}</p>;
  const preview = previewSchedule(props.schedule, props.timezone, PREVIEW_RUNS, props.now);
  if ("problem" in preview)
    return <p class="field-error">{messages.connectorPages.fieldErrors.configMessage(preview.problem)}</p>;
  const format = new Intl.DateTimeFormat(LOCALES[language], {
    timeZone: props.timezone,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
  });
  const overQuota = props.kind === "youforce" && youforceScheduleWarning(props.schedule, props.timezone) !== null;
  return (
    <div class="schedule-preview">
      {overQuota ? <p class="field-error">{messages.youforce.scheduleQuota(YOUFORCE_RUNS_PER_DAY)}</p> : null}
      <p>{t.nextRuns(props.timezone, props.reevaluateAt || "00:05")}</p>
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
