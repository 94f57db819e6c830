import type { Child } from "hono/jsx";
import { type ConnectorKind, GROUP_KINDS } from "../../config/schema.js";
import type { HrCompany } from "../../sources/types.js";
import { Checkbox, FieldGroup, Input, Notice, Select, type FieldErrors } from "../views/components.js";
import { numberInput, InputList } from "../views/input-list.js";
import { CsrfField } from "../views/layout.js";
import type { SecretOrigins } from "../../config/types.js";
import { useMessages } from "../i18n/use-language.js";
import type { ConnectorForm } from "./connector-form.js";
import type { StoredSecretFlags } from "./stored-parts.js";
import { GroupTemplateFields, IdentityFields } from "./identity-fields.js";
import { SchedulePreview, type SchedulePreviewProps } from "./schedule-preview.js";
import { KIND_FORMS, kindForms } from "./kinds/index.js";
import type { ConnectorKindForm } from "./kinds/kind-form.js";

const TIME_ZONES = Intl.supportedValuesOf("timeZone");

export interface ConnectorFormProps {
  readonly form: ConnectorForm;
  readonly errors: FieldErrors;
  readonly secrets: StoredSecretFlags;
  readonly csrfToken: string;
  /** Where the form posts; null = read-only (declared in config.toml). */
  readonly action: string | null;
  /** Read-only: where config.toml takes each secret from, by field name (config/types.ts SecretOrigins). */
  readonly secretOrigins?: SecretOrigins;
  readonly isNew: boolean;
  readonly preview: SchedulePreviewProps;
  /** What a kind's own routes add to its fields for a saved connector, by kind (Nmbrs REST: "Connect to Nmbrs"). */
  readonly kindExtras?: Partial<Record<ConnectorKind, Child>>;
}

/** Create and edit form of a connector. Secret fields are always empty: a stored secret is never sent back. */
export function ConnectorFormView(props: ConnectorFormProps) {
  const { form, errors } = props;
  const { t: messages } = useMessages();
  const t = messages.connectorPages.form;
  const hasErrors = Object.keys(errors).length > 0;
  const readOnly = props.action === null;
  // A file's secret is never "stored" here: the view says where the file takes it from, or that it is not set.
  const secret = (name: string) =>
    readOnly
      ? { stored: false, origin: props.secretOrigins?.[name] ?? "not set" }
      : { stored: props.secrets[name] ?? false };
  return (
    <form method="post" action={props.action ?? ""} class="connector-form" novalidate>
      <CsrfField token={props.csrfToken} />
      {hasErrors ? (
        <Notice tone="bad" role="alert" title={t.correctFields}>
          <p>{t.nothingSaved}</p>
        </Notice>
      ) : null}
      <fieldset class="plain" disabled={readOnly}>
        <section class="card">
          <h2>{t.connector}</h2>
          <div class="grid-2">
            <Input
              name="id"
              label={t.id}
              value={form.id}
              errors={errors}
              readonly={!props.isNew}
              required
              hint={t.idHint}
            />
            <Input name="name" label={t.name} value={form.name} errors={errors} hint={t.nameHint} />
            <Select
              name="kind"
              label={t.hrSystem}
              value={form.kind}
              errors={errors}
              options={kindForms.map((kind) => ({ value: kind.kind, label: kind.label(messages) }))}
              extra={{ "data-kind-select": "" }}
            />
          </div>
        </section>
      </fieldset>

      {/* Outside a disabled fieldset, so that "Test connection" works on a read-only (config.toml) connector too. */}
      <section class="card">
        <h2>{KIND_FORMS[form.kind].credentialsTitle(messages)}</h2>
        {kindForms.map((kind) => (
          <KindFieldset kind={kind} {...props} secret={secret} />
        ))}
        <div class="test-connection">
          <button
            type="button"
            class="button"
            // A read-only connector is tested as the file declares it (its secrets never reach the page).
            hx-post={readOnly ? `/connectors/${form.id}/test` : "/connectors/test"}
            hx-include={readOnly ? undefined : "closest form"}
            hx-target="#companies"
            hx-indicator="#test-indicator"
            hx-disabled-elt="this"
          >
            {t.testConnection}
          </button>
          <span id="test-indicator" class="htmx-indicator" role="status">
            {t.connecting}
          </span>
        </div>
        <fieldset class="plain" disabled={readOnly}>
          <FieldGroup name="companies" label={t.companies} error={errors.companies} hint={t.companiesHint}>
            <div id="companies" class="companies" aria-live="polite">
              <CompanyChoices companies={null} selected={form.companies} />
            </div>
          </FieldGroup>
        </fieldset>
      </section>

      <fieldset class="plain" disabled={readOnly}>
        <section class="card">
          <h2>{t.lifecycle}</h2>
          <div class="grid-3">
            <InputList
              errors={errors}
              fields={[
                numberInput("days_before", t.daysBefore, form.daysBefore, t.daysBeforeHint),
                numberInput("days_after", t.daysAfter, form.daysAfter, t.daysAfterHint),
                numberInput("retention_days", t.retentionDays, form.retentionDays, t.retentionHint),
                numberInput("history_days", t.historyDays, form.historyDays),
              ]}
            />
            <Input
              name="timezone"
              label={t.timezone}
              value={form.timezone}
              errors={errors}
              list="time-zones"
              hint={t.timezoneHint}
            />
            <Select
              name="employee_number"
              label={t.employeeNumber}
              value={form.employeeNumber}
              errors={errors}
              options={[
                { value: "plain", label: t.employeeNumberPlain },
                { value: "company-prefixed", label: t.employeeNumberPrefixed },
              ]}
            />
          </div>
          <datalist id="time-zones">
            {TIME_ZONES.map((zone) => (
              <option value={zone} />
            ))}
          </datalist>
        </section>

        <section class="card">
          <h2>{t.schedule}</h2>
          <div class="grid-2">
            <InputList
              errors={errors}
              fields={[
                {
                  name: "schedule",
                  label: t.cron,
                  value: form.schedule,
                  hint: t.cronHint,
                  extra: {
                    "hx-get": "/connectors/schedule-preview",
                    "hx-trigger": "input changed delay:400ms",
                    "hx-include": "[name=schedule],[name=timezone],[name=reevaluate_at],[name=kind]",
                    "hx-target": "#schedule-preview",
                  },
                },
                { name: "reevaluate_at", label: t.reevaluateAt, value: form.reevaluateAt, hint: t.reevaluateHint },
              ]}
            />
          </div>
          <div id="schedule-preview" aria-live="polite">
            <SchedulePreview {...props.preview} />
          </div>
        </section>

        <section class="card">
          <h2>{t.identity}</h2>
          <IdentityFields form={form} errors={errors} />
        </section>

        <section class="card">
          <h2>{t.groupsAndData}</h2>
          <FieldGroup name="groups.kinds" label={t.groupKinds} error={errors["groups.kinds"]}>
            <div class="checks">
              {GROUP_KINDS.map((kind) => (
                <Checkbox
                  name="groups.kinds"
                  value={kind}
                  label={messages.connectorPages.identity.groupKinds[kind]}
                  checked={form.groupKinds.includes(kind)}
                />
              ))}
            </div>
          </FieldGroup>
          <GroupTemplateFields form={form} errors={errors} isNew={props.isNew} />
          <div class="checks">
            <Checkbox name="managers" label={t.managers} checked={form.managers} hint={t.managersHint} />
          </div>
        </section>

        <section class="card">
          <h2>{t.safety}</h2>
          <div class="grid-2">
            <InputList
              errors={errors}
              fields={[
                numberInput(
                  "max_deactivation_percent",
                  t.holdThreshold,
                  form.maxDeactivationPercent,
                  t.holdThresholdHint,
                  "decimal",
                ),
              ]}
            />
            <Select
              name="hold_scope"
              label={t.holdScope}
              value={form.holdScope ?? "connector"}
              errors={errors}
              options={[
                { value: "connector", label: t.holdScopeConnector },
                { value: "company", label: t.holdScopeCompany },
              ]}
              hint={t.holdScopeHint}
            />
            <InputList
              errors={errors}
              fields={[
                { name: "notify.email_to", label: t.notifyEmail, value: form.notifyEmailTo, hint: t.notifyEmailHint },
                { name: "notify.webhook_url", label: t.notifyWebhook, type: "url", value: form.notifyWebhookUrl },
              ]}
            />
          </div>
        </section>
      </fieldset>
      {readOnly ? null : (
        <div class="form-actions">
          <button type="submit" class="button button-primary">
            {props.isNew ? t.create : t.save}
          </button>
          <a class="button button-quiet" href={props.isNew ? "/connectors" : `/connectors/${form.id}`}>
            {messages.connectorPages.cancel}
          </a>
        </div>
      )}
    </form>
  );
}

/**
 * One kind's fields, in a fieldset the kind select shows and hides (static/console.js). A new connector offers every
 * kind; a saved one the kinds of its own HR system, and any kind whose settings it keeps or whose fields have errors
 * (a saved Nmbrs connector's page must not list an AFAS token "not set").
 */
function KindFieldset(
  props: ConnectorFormProps & {
    kind: ConnectorKindForm;
    secret: (name: string) => { stored: boolean; origin?: string };
  },
) {
  const { kind, form } = props;
  const values = form.sources[kind.kind];
  const chosen = form.kind === kind.kind;
  const shown =
    chosen ||
    (kind.keptBeside?.(values) ?? false) ||
    Object.keys(props.errors).some((field) => field.startsWith(`${kind.section}.`)) ||
    (!props.isNew && (kind.offeredBeside?.(form.kind) ?? false));
  if (!shown && !props.isNew && kind.system !== KIND_FORMS[form.kind].system) return null;
  return (
    <fieldset class="plain" data-kind={kind.kind} hidden={!shown} disabled={props.action === null}>
      <kind.Fields
        kind={kind}
        values={values}
        errors={props.errors}
        secret={props.secret}
        chosen={chosen}
        extra={props.kindExtras?.[kind.kind]}
      />
    </fieldset>
  );
}

/**
 * Company checkboxes: the companies a connection test found (all offered), or only the saved selection when no
 * test has run yet in this form.
 */
export function CompanyChoices(props: { companies: readonly HrCompany[] | null; selected: readonly string[] }) {
  const t = useMessages().t.connectorPages.form;
  const choices = props.companies
    ? props.companies.map((company) => ({ value: company.number, label: `${company.number} · ${company.name}` }))
    : props.selected.map((value) => ({ value, label: t.company(value) }));
  if (choices.length === 0) return <p class="hint">{t.listCompanies}</p>;
  return (
    <div class="checks">
      {choices.map((choice) => (
        <Checkbox
          name="companies"
          value={choice.value}
          label={choice.label}
          checked={props.selected.includes(choice.value)}
        />
      ))}
    </div>
  );
}
