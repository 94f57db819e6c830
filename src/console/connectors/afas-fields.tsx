import { useMessages } from "../i18n/use-language.js";
import { Input, SecretInput, type FieldErrors } from "../views/components.js";
import type { ConnectorForm } from "./connector-form.js";

/**
 * The AFAS Profit settings of the connector form (`[connectors.afas]`), with the steps in Profit that produce them:
 * an AFAS admin fills this in once, usually without anyone to ask. Shown when the HR system is AFAS Profit.
 */
export function AfasFields(props: {
  form: ConnectorForm;
  errors: FieldErrors;
  secret: { stored: boolean; origin?: string };
  readOnly: boolean;
}) {
  const { t } = useMessages();
  const { form, errors } = props;
  const errorHere = Object.keys(errors).some((field) => field.startsWith("afas."));
  return (
    <fieldset
      class="plain"
      data-kind="afas-profit"
      hidden={form.kind !== "afas-profit" && !errorHere}
      disabled={props.readOnly}
    >
      <details open={form.afas.baseUrl === "" ? true : undefined}>
        <summary>{t.afas.helpTitle}</summary>
        <ol>
          <li>{t.afas.step1}</li>
          <li>{t.afas.step2}</li>
          <li>{t.afas.step3}</li>
          <li>{t.afas.step4}</li>
          <li>{t.afas.step5}</li>
        </ol>
      </details>
      <div class="grid-2">
        <Input
          name="afas.base_url"
          label={t.afas.baseUrl}
          type="url"
          value={form.afas.baseUrl}
          errors={errors}
          placeholder="https://12345.rest.afas.online/ProfitRestServices"
          hint={t.afas.baseUrlHint}
        />
        <SecretInput name="afas.token" label={t.afas.token} {...props.secret} errors={errors} hint={t.afas.tokenHint} />
        <Input
          name="afas.integration_id"
          label={t.afas.integrationId}
          value={form.afas.integrationId}
          errors={errors}
          hint={t.afas.integrationIdHint}
        />
        <Input
          name="afas.page_size"
          label={t.afas.pageSize}
          type="number"
          inputmode="numeric"
          value={form.afas.pageSize}
          errors={errors}
          hint={t.afas.pageSizeHint}
        />
        <Input
          name="afas.timeout_seconds"
          label={t.afas.timeout}
          type="number"
          inputmode="numeric"
          value={form.afas.timeoutSeconds}
          errors={errors}
          hint={t.afas.timeoutHint}
        />
      </div>
    </fieldset>
  );
}
