import type { SetupStep } from "./setup-checklist.js";

/** The connector's setup checklist on its dashboard card; nothing once every step is done. */
export function SetupChecklist(props: { connectorId: string; steps: readonly SetupStep[] }) {
  const open = props.steps.filter((step) => !step.done).length;
  if (open === 0) return null;
  return (
    <div class="setup-checklist" id={`setup-${props.connectorId}`}>
      <h3>
        Setup: {props.steps.length - open} of {props.steps.length} done
      </h3>
      <ul class="plain-list">
        {props.steps.map((step) => (
          <li class={step.done ? "setup-done" : "setup-open"} data-step={step.key}>
            <span aria-hidden="true">{step.done ? "✓ " : "○ "}</span>
            {step.done ? (
              <>
                {step.label} <span class="visually-hidden">(done)</span>
              </>
            ) : (
              <>
                <a href={step.href}>{step.label}</a> <span class="muted">({step.hint})</span>
                <span class="visually-hidden"> (to do)</span>
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
