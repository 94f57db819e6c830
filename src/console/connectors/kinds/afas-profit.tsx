import { useMessages } from "../../i18n/use-language.js";
import type { ConnectorKindForm, KindFieldsProps } from "./kind-form.js";
import { KindInputs } from "./kind-inputs.js";

/**
 * AFAS Profit (`[connectors.afas]`), with the steps in Profit that produce its settings: an AFAS admin fills this in
 * once, usually without anyone to ask.
 */
export const afasProfitForm: ConnectorKindForm = {
  kind: "afas-profit",
  system: "afas",
  section: "afas",
  key: "afas",
  companiesKey: "employers",
  fields: [
    {
      name: "base_url",
      setting: "baseUrl",
      label: (t) => t.afas.baseUrl,
      hint: (t) => t.afas.baseUrlHint,
      type: "url",
      placeholder: "https://12345.rest.afas.online/ProfitRestServices",
      address: true,
    },
    {
      name: "token",
      setting: "token",
      label: (t) => t.afas.token,
      hint: (t) => t.afas.tokenHint,
      secret: { stored: "afasToken", audit: "afas token" },
    },
    {
      name: "integration_id",
      setting: "integrationId",
      label: (t) => t.afas.integrationId,
      hint: (t) => t.afas.integrationIdHint,
    },
    {
      name: "page_size",
      setting: "pageSize",
      label: (t) => t.afas.pageSize,
      hint: (t) => t.afas.pageSizeHint,
      type: "number",
    },
    {
      name: "timeout_seconds",
      setting: "timeoutSeconds",
      label: (t) => t.afas.timeout,
      hint: (t) => t.afas.timeoutHint,
      type: "number",
    },
  ],
  label: (t) => t.afas.kind,
  credentialsTitle: (t) => t.afas.credentials,
  Fields: AfasProfitFields,
};

function AfasProfitFields(props: KindFieldsProps) {
  const { t } = useMessages();
  return (
    <>
      <details open={props.values.base_url === "" ? true : undefined}>
        <summary>{t.afas.helpTitle}</summary>
        <ol>
          <li>{t.afas.step1}</li>
          <li>{t.afas.step2}</li>
          <li>{t.afas.step3}</li>
          <li>{t.afas.step4}</li>
          <li>{t.afas.step5}</li>
        </ol>
      </details>
      <KindInputs {...props} />
    </>
  );
}
