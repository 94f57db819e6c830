import { useMessages } from "../i18n/use-language.js";
import type { SetupStep } from "./setup-checklist.js";

/** The connector's setup checklist on its dashboard card; nothing once every step is done. */
export function SetupChecklist(props: { connectorId: string; steps: readonly SetupStep[] }) {
  const { t } = useMessages();
  const open = props.steps.filter((step) => !step.done).length;
  if (open === 0) return null;
  return (
    <div class="setup-checklist" id={`setup-${props.connectorId}`}>
      <h3>{t.dashboard.setupProgress(props.steps.length - open, props.steps.length)}</h3>
      <ul class="plain-list">
        {props.steps.map((step) => (
          <li class={step.done ? "setup-done" : "setup-open"} data-step={step.key}>
            <span aria-hidden="true">{step.done ? "✓ " : "○ "}</span>
            {step.done ? (
              <>
                {t.dashboard.setupSteps[step.key].label} <span class="visually-hidden">{t.dashboard.stepDone}</span>
              </>
            ) : (
              <>
                <a href={step.href}>{t.dashboard.setupSteps[step.key].label}</a>{" "}
                <span class="muted">({t.dashboard.setupSteps[step.key].hint(step.fromFile)})</span>
                <span class="visually-hidden"> {t.dashboard.stepToDo}</span>
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
