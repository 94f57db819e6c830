import type { Child } from "hono/jsx";
import { useMessages } from "../i18n/use-language.js";
import { formatRelative, formatTime } from "./format.js";

/** Field errors by form field name (the dotted config key, e.g. "nmbrs.username"). */
export type FieldErrors = Readonly<Record<string, string>>;

export function fieldId(name: string): string {
  return `f-${name.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
}

interface FieldProps {
  readonly name: string;
  readonly label: string;
  readonly hint?: Child;
  readonly error?: string | undefined;
  readonly children: Child;
}

/** A labelled control with its hint and error; the control itself is passed as the child. */
export function Field(props: FieldProps) {
  const id = fieldId(props.name);
  return (
    <div class={props.error ? "field field-invalid" : "field"}>
      <label for={id}>{props.label}</label>
      {props.children}
      <HintAndError id={id} hint={props.hint} error={props.error} />
    </div>
  );
}

function HintAndError(props: { id: string; hint?: Child; error?: string | undefined }) {
  return (
    <>
      {props.hint ? (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p class="field-error" id={`${props.id}-error`}>
          {props.error}
        </p>
      ) : null}
    </>
  );
}

/** A group of checkboxes under one legend, with its hint and error. */
export function FieldGroup(props: Omit<FieldProps, "children"> & { children: Child }) {
  const id = fieldId(props.name);
  return (
    <fieldset
      class={props.error ? "field field-group field-invalid" : "field field-group"}
      aria-describedby={props.hint ? `${id}-hint` : undefined}
    >
      <legend>{props.label}</legend>
      {props.children}
      <HintAndError id={id} hint={props.hint} error={props.error} />
    </fieldset>
  );
}

/** aria-describedby and aria-invalid for a control inside {@link Field}. */
export function describedBy(name: string, hasHint: boolean, error: string | undefined) {
  const id = fieldId(name);
  const ids = [hasHint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return { id, "aria-describedby": ids || undefined, "aria-invalid": error ? "true" : undefined };
}

interface InputProps {
  readonly name: string;
  readonly label: string;
  readonly value?: string | undefined;
  readonly type?: "text" | "number" | "password" | "url" | "email" | "time";
  readonly hint?: Child;
  readonly errors?: FieldErrors;
  readonly required?: boolean;
  readonly readonly?: boolean;
  readonly placeholder?: string;
  readonly autocomplete?: string;
  readonly inputmode?: "numeric" | "decimal" | "email" | "url";
  readonly list?: string;
  readonly extra?: Record<string, string>;
}

export function Input(props: InputProps) {
  const error = props.errors?.[props.name];
  return (
    <Field name={props.name} label={props.label} hint={props.hint} error={error}>
      <input
        {...describedBy(props.name, props.hint !== undefined, error)}
        name={props.name}
        type={props.type ?? "text"}
        value={props.value ?? ""}
        required={props.required}
        readonly={props.readonly}
        placeholder={props.placeholder}
        autocomplete={props.autocomplete ?? "off"}
        inputmode={props.inputmode}
        list={props.list}
        {...(props.extra ?? {})}
      />
    </Field>
  );
}

interface SecretInputProps {
  readonly name: string;
  readonly label: string;
  /** A value is stored: the field stays empty and says so; leaving it empty keeps the stored value. */
  readonly stored: boolean;
  /** Read-only view of a config.toml connector: where the file takes the secret from ("from env X", "not set"). */
  readonly origin?: string;
  readonly errors?: FieldErrors;
  readonly hint?: Child;
}

/** A secret is never echoed back into HTML: the field is always empty, with "stored" or its origin shown instead. */
export function SecretInput(props: SecretInputProps) {
  const { t } = useMessages();
  const error = props.errors?.[props.name];
  const hint =
    props.origin !== undefined ? (
      `config.toml: ${props.origin}`
    ) : props.stored ? (
      <>
        {t.shared.secretKeep} {props.hint}
      </>
    ) : (
      props.hint
    );
  return (
    <Field name={props.name} label={props.label} hint={hint} error={error}>
      <input
        {...describedBy(props.name, hint !== undefined, error)}
        name={props.name}
        type="password"
        value=""
        autocomplete="new-password"
        placeholder={props.stored ? t.shared.secretStored : ""}
      />
    </Field>
  );
}

export function Select(props: {
  name: string;
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  hint?: Child;
  errors?: FieldErrors;
  extra?: Record<string, string>;
}) {
  const error = props.errors?.[props.name];
  return (
    <Field name={props.name} label={props.label} hint={props.hint} error={error}>
      <select {...describedBy(props.name, props.hint !== undefined, error)} name={props.name} {...(props.extra ?? {})}>
        {props.options.map((option) => (
          <option value={option.value} selected={option.value === props.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function Checkbox(props: { name: string; label: string; checked: boolean; hint?: Child; value?: string }) {
  const id = `${fieldId(props.name)}-${props.value ?? "on"}`;
  return (
    <div class="check">
      <input
        type="checkbox"
        id={id}
        name={props.name}
        value={props.value ?? "on"}
        checked={props.checked}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
      />
      <label for={id}>{props.label}</label>
      {props.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
    </div>
  );
}

export type Tone = "ok" | "warn" | "bad" | "info" | "muted";

export function Badge(props: { tone: Tone; children: Child }) {
  return <span class={`badge badge-${props.tone}`}>{props.children}</span>;
}

/** A time in the page's language, with how long ago (or until) when `now` is given. */
export function Time(props: { at: string | Date | null | undefined; now?: Date; empty?: string }) {
  const { language, t } = useMessages();
  if (!props.at) return <span class="muted">{props.empty ?? t.time.never}</span>;
  const iso = typeof props.at === "string" ? props.at : props.at.toISOString();
  return (
    <time datetime={iso} title={iso}>
      {formatTime(iso, language)}
      {props.now ? <span class="muted"> ({formatRelative(iso, props.now, language)})</span> : null}
    </time>
  );
}

export function Notice(props: { tone: Tone; title?: string; children?: Child; role?: "status" | "alert" }) {
  return (
    <div class={`notice notice-${props.tone}`} role={props.role}>
      {props.title ? <p class="notice-title">{props.title}</p> : null}
      {props.children}
    </div>
  );
}

export function Empty(props: { children: Child }) {
  return <p class="empty">{props.children}</p>;
}

/** A definition list of label → value pairs. */
export function Facts(props: { items: readonly (readonly [string, Child])[] }) {
  return (
    <dl class="facts">
      {props.items.map(([label, value]) => (
        <div>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A data table with its column headings; rows are the children. An empty heading is read out as "Actions" (translated). */
export function DataTable(props: {
  label: string;
  columns: readonly string[];
  class?: string;
  bodyId?: string;
  children: Child;
}) {
  const { t } = useMessages();
  return (
    <TableWrap label={props.label}>
      <table class={props.class ? `table ${props.class}` : "table"}>
        <thead>
          <tr>
            {props.columns.map((column) => (
              <th scope="col">{column || <span class="visually-hidden">{t.tables.actions}</span>}</th>
            ))}
          </tr>
        </thead>
        <tbody id={props.bodyId}>{props.children}</tbody>
      </table>
    </TableWrap>
  );
}

/** A table wrapped so it scrolls sideways on a phone instead of breaking the page. */
export function TableWrap(props: { label: string; children: Child }) {
  return (
    <div class="table-wrap" role="region" aria-label={props.label} tabindex={0}>
      {props.children}
    </div>
  );
}
