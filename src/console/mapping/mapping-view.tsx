import { OVERRIDABLE_ATTRIBUTES } from "../../mapping/mapped-attributes.js";
import { useMessages } from "../i18n/use-language.js";
import { CORE_ATTRIBUTES, PROFILE_ATTRIBUTES } from "../okta/profile-attributes.js";
import { PreviewButton } from "../preview/preview-views.js";
import { DataTable, describedBy, fieldId, type FieldErrors, Notice } from "../views/components.js";
import { CsrfField } from "../views/layout.js";
import { type LoginsFacts, LoginsSection } from "./logins-section.js";
import type { MappingForm } from "./mapping-form.js";
import type { TryOutcome } from "./try-mapping.js";

/** Each overridable attribute's built-in source, in the words of README's table (and of the Okta setup page). */
const BUILT_IN_SOURCE: ReadonlyMap<string, string> = new Map([
  ...CORE_ATTRIBUTES.map((attribute) => [attribute.variableName, attribute.source] as const),
  ...PROFILE_ATTRIBUTES.map((attribute) => [attribute.variableName, attribute.description] as const),
]);

export interface MappingPageProps {
  readonly connectorId: string;
  readonly form: MappingForm;
  readonly errors: FieldErrors;
  /** null: declared in config.toml, shown read-only. */
  readonly csrfToken: string | null;
  readonly saved: boolean;
  readonly logins: LoginsFacts;
}

export function MappingPage(props: MappingPageProps) {
  const { t } = useMessages();
  const m = t.mapping;
  const { form, connectorId } = props;
  const editable = props.csrfToken !== null;
  const expression = (name: string, value: string, label: string) => (
    <ExpressionInput
      connectorId={connectorId}
      name={name}
      value={value}
      label={label}
      editable={editable}
      error={props.errors[name]}
    />
  );
  // One empty row to add a custom attribute or a rule; saving shows the next one.
  const custom = editable ? [...form.custom, { name: "", expression: "" }] : form.custom;
  const rules = (editable ? [...form.rules, { name: "", when: "" }] : form.rules).map((rule) => ({
    name: rule.name,
    expression: rule.when,
  }));
  // Custom attributes and group rules alike: rows of a name and an expression, posted as <prefix>.<index>.name and
  // <prefix>.<index>.<key> (mapping-form.ts reads them back).
  const namedRows = (
    prefix: string,
    key: string,
    rows: readonly { name: string; expression: string }[],
    nameLabel: string,
    expressionLabel: string,
  ) =>
    rows.map((row, index) => (
      <div class="form-row">
        <PlainInput
          name={`${prefix}.${index}.name`}
          value={row.name}
          label={nameLabel}
          editable={editable}
          error={props.errors[`${prefix}.${index}.name`]}
        />
        {expression(`${prefix}.${index}.${key}`, row.expression, expressionLabel)}
      </div>
    ));
  return (
    <>
      {editable ? null : <Notice tone="info">{m.fileNote}</Notice>}
      {props.saved && props.csrfToken ? (
        <Notice tone="ok" role="status" title={m.savedTitle}>
          <p>{m.saved}</p>
          <PreviewButton connectorId={connectorId} csrfToken={props.csrfToken} />
        </Notice>
      ) : null}
      {Object.keys(props.errors).length > 0 ? (
        <Notice tone="bad" role="alert">
          {m.notSaved}
        </Notice>
      ) : null}
      <p>{m.intro}</p>
      <form id="mapping-form" {...(editable ? { method: "post", action: `/connectors/${connectorId}/mapping` } : {})}>
        {props.csrfToken ? <CsrfField token={props.csrfToken} /> : null}
        <section class="card" id="attributes">
          <h2>{m.attributes}</h2>
          <DataTable label={m.attributes} columns={[m.columns.attribute, m.columns.builtIn, m.columns.expression]}>
            {OVERRIDABLE_ATTRIBUTES.map((attribute) => (
              <tr>
                <td>
                  <code>{attribute}</code>
                </td>
                <td>{BUILT_IN_SOURCE.get(attribute) ?? ""}</td>
                <td>{expression(`mapping.${attribute}`, form.overrides[attribute] ?? "", attribute)}</td>
              </tr>
            ))}
          </DataTable>
        </section>
        <section class="card" id="custom">
          <h2>{m.custom}</h2>
          <p class="hint">{m.customHint}</p>
          {namedRows("custom", "expression", custom, m.customName, m.columns.expression)}
        </section>
        <section class="card" id="scope">
          <h2>{m.scope}</h2>
          <p class="hint">{m.scopeHint}</p>
          {expression("scope.include", form.include, m.scopeLabel)}
        </section>
        <section class="card" id="rules">
          <h2>{m.rules}</h2>
          <p class="hint">{m.rulesHint}</p>
          {namedRows("rule", "when", rules, m.ruleName, m.ruleWhen)}
        </section>
        {editable ? (
          <div class="form-actions">
            <button type="submit" class="button button-primary">
              {m.save}
            </button>
          </div>
        ) : null}
      </form>
      <LoginsSection connectorId={connectorId} logins={props.logins} />
      <TryIt connectorId={connectorId} />
    </>
  );
}

/** A field of the mapping form: read-only when config.toml declares the connector. */
interface MappingFieldProps {
  name: string;
  value: string;
  label: string;
  editable: boolean;
  error?: string | undefined;
}

function PlainInput(props: MappingFieldProps) {
  const id = fieldId(props.name);
  return (
    <div class={props.error ? "field field-invalid" : "field"}>
      <label for={id}>{props.label}</label>
      <input
        {...describedBy(props.name, false, props.error)}
        name={props.name}
        value={props.value}
        readonly={!props.editable}
        autocomplete="off"
      />
      {props.error ? (
        <p class="field-error" id={`${id}-error`}>
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * An expression field. While the admin types, htmx posts just this field (hx-params) to the check route, which
 * compiles it and answers the problem with its position; the answer replaces the field's check slot.
 */
function ExpressionInput(props: MappingFieldProps & { connectorId: string }) {
  const id = fieldId(props.name);
  return (
    <div class={props.error ? "field field-invalid" : "field"}>
      <label for={id} class="visually-hidden">
        {props.label}
      </label>
      <input
        id={id}
        name={props.name}
        value={props.value}
        class="expression"
        spellcheck={false}
        autocomplete="off"
        aria-describedby={`${id}-check`}
        aria-invalid={props.error ? "true" : undefined}
        readonly={!props.editable}
        {...(props.editable
          ? {
              "hx-post": `/connectors/${props.connectorId}/mapping/check`,
              "hx-trigger": "input changed delay:300ms",
              "hx-params": `${props.name},field`,
              "hx-vals": JSON.stringify({ field: props.name }),
              "hx-target": `#${id}-check`,
              "hx-swap": "innerHTML",
            }
          : {})}
      />
      <div id={`${id}-check`} aria-live="polite">
        {props.error ? <CheckResult problem={props.error} /> : null}
      </div>
    </div>
  );
}

/** The check route's answer: the problem (with its position), or that the expression compiles. */
export function CheckResult(props: { problem: string | null; empty?: boolean }) {
  const { t } = useMessages();
  if (props.problem) return <p class="field-error">{props.problem}</p>;
  return props.empty ? null : <p class="hint">✓ {t.mapping.valid}</p>;
}

function TryIt(props: { connectorId: string }) {
  const { t } = useMessages();
  const m = t.mapping;
  return (
    <section class="card" id="try-it">
      <h2>{m.tryIt}</h2>
      <p class="hint">{m.tryHint}</p>
      {/* Posts the mapping form's fields along (hx-include): the result is for what is typed, saved or not. */}
      <form
        hx-post={`/connectors/${props.connectorId}/mapping/try`}
        hx-include="#mapping-form"
        hx-target="#try-result"
        class="inline-form"
      >
        <label for="try-person">{m.tryPerson}</label>
        <input id="try-person" name="person" autocomplete="off" required />
        <button type="submit" class="button">
          {m.tryButton}
        </button>
      </form>
      <div id="try-result" aria-live="polite" />
    </section>
  );
}

export type TryAnswer =
  | { readonly kind: "fixFirst" }
  | { readonly kind: "nobody"; readonly query: string }
  | { readonly kind: "noRecord" }
  | { readonly kind: "tried"; readonly name: string; readonly matches: number; readonly outcome: TryOutcome };

export function TryResult(props: { answer: TryAnswer }) {
  const { t } = useMessages();
  const m = t.mapping;
  const { answer } = props;
  if (answer.kind === "fixFirst") return <p class="field-error">{m.tryFixFirst}</p>;
  if (answer.kind === "nobody") return <p class="field-error">{m.tryNobody(answer.query)}</p>;
  if (answer.kind === "noRecord") return <p class="field-error">{m.tryNoRecord}</p>;
  const { outcome } = answer;
  return (
    <div>
      <h3>{answer.name}</h3>
      {answer.matches > 1 ? <p class="hint">{m.tryMany(answer.matches)}</p> : null}
      {"error" in outcome ? (
        <p class="field-error">{m.tryFailed(outcome.error)}</p>
      ) : (
        <>
          {outcome.included ? null : <Notice tone="warn">{m.tryOutOfScope}</Notice>}
          <DataTable label={m.tryIt} columns={[m.tryColumns.attribute, m.tryColumns.before, m.tryColumns.after]}>
            {outcome.attributes.map((row) => (
              <tr class={row.before === row.after ? undefined : "changed"}>
                <td>
                  <code>{row.attribute}</code>
                </td>
                <td>{row.before ?? m.leftOut}</td>
                <td>{row.after ?? m.leftOut}</td>
              </tr>
            ))}
          </DataTable>
          <p>
            {m.tryGroups}: {outcome.groups.length > 0 ? outcome.groups.join(", ") : m.tryNoGroups}
          </p>
        </>
      )}
    </div>
  );
}
