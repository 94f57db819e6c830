import type { Child } from "hono/jsx";
import { GROUP_KINDS } from "../../config/schema.js";
import type { HrCompany } from "../../sources/types.js";
import { Checkbox, FieldGroup, Input, Notice, SecretInput, Select, type FieldErrors } from "../views/components.js";
import { CsrfField } from "../views/layout.js";
import type { SecretOrigins } from "../../config/types.js";
import type { ConnectorForm, StoredSecretFlags } from "./connector-form.js";
import { GROUP_KIND_LABELS, GroupTemplateFields, IdentityFields } from "./identity-fields.js";
import { SchedulePreview, type SchedulePreviewProps } from "./schedule-preview.js";
import { AfasFields } from "./afas-fields.js";
import { useMessages } from "../i18n/use-language.js";

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
  /** "Connect to Nmbrs" for a saved connector with REST settings (src/console/nmbrs-rest/). */
  readonly restConnect?: Child;
}

/** Create and edit form of a connector. Secret fields are always empty: a stored secret is never sent back. */
export function ConnectorFormView(props: ConnectorFormProps) {
  const { form, errors } = props;
  const { t } = useMessages();
  const hasErrors = Object.keys(errors).length > 0;
  const readOnly = props.action === null;
  // The other API's fields stay visible when they hold settings (kept for the move, or to switch back), and a saved
  // SOAP connector always offers the REST fields: that is where the move before 1 March 2027 starts.
  const errorIn = (prefix: string) => Object.keys(errors).some((field) => field.startsWith(prefix));
  const showSoap = form.kind === "nmbrs-soap" || form.nmbrs.username !== "" || errorIn("nmbrs.");
  const showRest =
    form.kind === "nmbrs-rest" ||
    form.nmbrsRest.clientId !== "" ||
    errorIn("nmbrs_rest.") ||
    (!props.isNew && form.kind === "nmbrs-soap");
  // A file's secret is never "stored" here: the view says where the file takes it from, or that it is not set.
  const secret = (name: keyof StoredSecretFlags) =>
    readOnly ? { stored: false, origin: props.secretOrigins?.[name] ?? "not set" } : { stored: props.secrets[name] };
  return (
    <form method="post" action={props.action ?? ""} class="connector-form" novalidate>
      <CsrfField token={props.csrfToken} />
      {hasErrors ? (
        <Notice tone="bad" role="alert" title="Please correct the fields marked below.">
          <p>Nothing was saved.</p>
        </Notice>
      ) : null}
      <fieldset class="plain" disabled={readOnly}>
        <section class="card">
          <h2>Connector</h2>
          <div class="grid-2">
            <Input
              name="id"
              label="Id"
              value={form.id}
              errors={errors}
              readonly={!props.isNew}
              required
              hint="Lowercase letters, digits and dashes. Part of the SCIM Base URL; it cannot change later."
            />
            <Input
              name="name"
              label="Display name"
              value={form.name}
              errors={errors}
              hint="Shown in this console; the id when empty."
            />
            <Select
              name="kind"
              label="HR system"
              value={form.kind}
              errors={errors}
              options={[
                { value: "nmbrs-soap", label: "Nmbrs (SOAP API, API token)" },
                { value: "nmbrs-rest", label: "Nmbrs (REST API, OAuth)" },
                { value: "afas-profit", label: t.afas.kind },
              ]}
              extra={{ "data-kind-select": "" }}
            />
          </div>
        </section>
      </fieldset>

      {/* Outside a disabled fieldset, so that "Test connection" works on a read-only (config.toml) connector too. */}
      <section class="card">
        <h2>{form.kind === "afas-profit" ? t.afas.credentials : "Nmbrs credentials"}</h2>
        {/* Only where AFAS can be chosen or is: a saved Nmbrs connector's page must not list an AFAS token "not set". */}
        {props.isNew || form.kind === "afas-profit" ? (
          <AfasFields form={form} errors={errors} secret={secret("afas.token")} readOnly={readOnly} />
        ) : null}
        <fieldset class="plain" data-kind="nmbrs-soap" hidden={!showSoap} disabled={readOnly}>
          {form.kind !== "nmbrs-soap" ? <h3>SOAP API (kept to switch back until 1 March 2027)</h3> : null}
          <p class="hint">
            An API token of an Nmbrs user with read access to the companies (Nmbrs: Instellingen → Gebruikersaccounts →
            API token).
          </p>
          <div class="grid-2">
            <Input
              name="nmbrs.username"
              label="Nmbrs user (e-mail)"
              value={form.nmbrs.username}
              errors={errors}
              autocomplete="off"
            />
            <SecretInput name="nmbrs.token" label="API token" {...secret("nmbrs.token")} errors={errors} />
            <Input
              name="nmbrs.domain"
              label="Domain"
              value={form.nmbrs.domain}
              errors={errors}
              hint="The part before .nmbrs.nl, e.g. acme."
            />
            <Input name="nmbrs.endpoint" label="SOAP endpoint" type="url" value={form.nmbrs.endpoint} errors={errors} />
          </div>
        </fieldset>
        <fieldset class="plain" data-kind="nmbrs-rest" hidden={!showRest} disabled={readOnly}>
          {form.kind !== "nmbrs-rest" ? (
            <h3>REST API (for the move before 1 March 2027; optional until then)</h3>
          ) : null}
          <p class="hint">
            Client id and secret of your app in the Nmbrs partner portal (partner-portal.nmbrsapp.com/integrations); the
            subscription key (primary key) from your profile in the Nmbrs developer portal
            (developer.payroll.nmbrs.com/profile).
          </p>
          <div class="grid-2">
            <Input name="nmbrs_rest.client_id" label="Client id" value={form.nmbrsRest.clientId} errors={errors} />
            <SecretInput
              name="nmbrs_rest.client_secret"
              label="Client secret"
              {...secret("nmbrs_rest.client_secret")}
              errors={errors}
            />
            <SecretInput
              name="nmbrs_rest.subscription_key"
              label="Subscription key"
              {...secret("nmbrs_rest.subscription_key")}
              errors={errors}
            />
            <Input name="nmbrs_rest.api_url" label="API URL" type="url" value={form.nmbrsRest.apiUrl} errors={errors} />
            <Input
              name="nmbrs_rest.identity_url"
              label="Identity URL"
              type="url"
              value={form.nmbrsRest.identityUrl}
              errors={errors}
            />
          </div>
          {/* The Nmbrs REST helper adds its "Connect to Nmbrs" (OAuth consent) button into this slot. */}
          <div class="oauth-slot" id="nmbrs-rest-connect">
            {props.restConnect ?? (
              <p class="hint">After saving, connect the gateway to Nmbrs here (OAuth consent by an Nmbrs admin).</p>
            )}
          </div>
        </fieldset>
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
            Test connection
          </button>
          <span id="test-indicator" class="htmx-indicator" role="status">
            Connecting…
          </span>
        </div>
        <fieldset class="plain" disabled={readOnly}>
          <FieldGroup
            name="companies"
            label="Companies"
            error={errors.companies}
            hint="None selected: every company these credentials can see."
          >
            <div id="companies" class="companies" aria-live="polite">
              <CompanyChoices companies={null} selected={form.companies} />
            </div>
          </FieldGroup>
        </fieldset>
      </section>

      <fieldset class="plain" disabled={readOnly}>
        <section class="card">
          <h2>Lifecycle</h2>
          <div class="grid-3">
            <Input
              name="days_before"
              label="Days before start"
              type="number"
              value={form.daysBefore}
              errors={errors}
              inputmode="numeric"
              hint="A new hire appears in Okta this many days before the first working day."
            />
            <Input
              name="days_after"
              label="Days after end"
              type="number"
              value={form.daysAfter}
              errors={errors}
              inputmode="numeric"
              hint="A leaver stays active this many days after the last working day."
            />
            <Input
              name="retention_days"
              label="Retention (days)"
              type="number"
              value={form.retentionDays}
              errors={errors}
              inputmode="numeric"
              hint="Then served as inactive this long, so Okta deactivates the user, before being removed."
            />
            <Input
              name="history_days"
              label="History kept (days)"
              type="number"
              value={form.historyDays}
              errors={errors}
              inputmode="numeric"
            />
            <Input
              name="timezone"
              label="Time zone"
              value={form.timezone}
              errors={errors}
              list="time-zones"
              hint="Dates and the schedule are evaluated here."
            />
            <Select
              name="employee_number"
              label="Employee number"
              value={form.employeeNumber}
              errors={errors}
              options={[
                { value: "plain", label: "As in Nmbrs (1002)" },
                { value: "company-prefixed", label: "With company number (1-1002)" },
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
          <h2>Schedule</h2>
          <div class="grid-2">
            <Input
              name="schedule"
              label="Sync schedule (cron)"
              value={form.schedule}
              errors={errors}
              hint={<>Five fields: minute hour day month weekday. "15 * * * *" = every hour at :15.</>}
              extra={{
                "hx-get": "/connectors/schedule-preview",
                "hx-trigger": "input changed delay:400ms",
                "hx-include": "[name=schedule],[name=timezone],[name=reevaluate_at]",
                "hx-target": "#schedule-preview",
              }}
            />
            <Input
              name="reevaluate_at"
              label="Daily re-evaluation (HH:MM)"
              value={form.reevaluateAt}
              errors={errors}
              hint="Dates move at midnight even when HR does not change."
            />
          </div>
          <div id="schedule-preview" aria-live="polite">
            <SchedulePreview {...props.preview} />
          </div>
        </section>

        <section class="card">
          <h2>Identity</h2>
          <IdentityFields form={form} errors={errors} />
        </section>

        <section class="card">
          <h2>Groups and data</h2>
          <FieldGroup name="groups.kinds" label="Groups served to Okta" error={errors["groups.kinds"]}>
            <div class="checks">
              {GROUP_KINDS.map((kind) => (
                <Checkbox
                  name="groups.kinds"
                  value={kind}
                  label={GROUP_KIND_LABELS[kind]}
                  checked={form.groupKinds.includes(kind)}
                />
              ))}
            </div>
          </FieldGroup>
          <GroupTemplateFields form={form} errors={errors} isNew={props.isNew} />
          <div class="checks">
            <Checkbox
              name="managers"
              label="Managers"
              checked={form.managers}
              hint="Read each employee's manager and serve it as the enterprise manager (one extra Nmbrs call per employee)."
            />
          </div>
        </section>

        <section class="card">
          <h2>Safety and notifications</h2>
          <div class="grid-2">
            <Input
              name="max_deactivation_percent"
              label="Hold threshold (%)"
              type="number"
              value={form.maxDeactivationPercent}
              errors={errors}
              inputmode="decimal"
              hint="A run that would deactivate or remove more than this share of served users waits for approval."
            />
            <Select
              name="hold_scope"
              label="When the threshold is passed, hold"
              value={form.holdScope ?? "connector"}
              errors={errors}
              options={[
                { value: "connector", label: "every deactivation of this connector" },
                { value: "company", label: "only the deactivations of the companies over the threshold" },
              ]}
              hint="Per company: a reorganisation in one company does not stop the leavers of the others."
            />
            <Input
              name="notify.email_to"
              label="Notify e-mail"
              value={form.notifyEmailTo}
              errors={errors}
              hint="Comma-separated; told when a run fails or is held."
            />
            <Input
              name="notify.webhook_url"
              label="Notify webhook URL"
              type="url"
              value={form.notifyWebhookUrl}
              errors={errors}
            />
          </div>
        </section>
      </fieldset>
      {readOnly ? null : (
        <div class="form-actions">
          <button type="submit" class="button button-primary">
            {props.isNew ? "Create connector" : "Save changes"}
          </button>
          <a class="button button-quiet" href={props.isNew ? "/connectors" : `/connectors/${form.id}`}>
            Cancel
          </a>
        </div>
      )}
    </form>
  );
}

/**
 * Company checkboxes: the companies a connection test found (all offered), or only the saved selection when no
 * test has run yet in this form.
 */
export function CompanyChoices(props: { companies: readonly HrCompany[] | null; selected: readonly string[] }) {
  const choices = props.companies
    ? props.companies.map((company) => ({ value: company.number, label: `${company.number} · ${company.name}` }))
    : props.selected.map((value) => ({ value, label: `Company ${value}` }));
  if (choices.length === 0) return <p class="hint">Use "Test connection" to list the companies.</p>;
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
