import { useMessages } from "../../i18n/use-language.js";
import type { ConnectorKindForm, KindFieldsProps } from "./kind-form.js";
import { KindInputs } from "./kind-inputs.js";

/**
 * Visma Youforce (`[connectors.youforce]`, docs/youforce.md): an app in the Visma Developer Portal and the tenant
 * that accepted its invitation. Client credentials, so nothing to connect after saving.
 */
export const youforceForm: ConnectorKindForm = {
  kind: "youforce",
  system: "youforce",
  section: "youforce",
  key: "youforce",
  companiesKey: "companies",
  fields: [
    { name: "client_id", label: (t) => t.youforce.clientId, hint: (t) => t.youforce.clientIdHint },
    {
      name: "client_secret",
      label: (t) => t.youforce.clientSecret,
      hint: (t) => t.youforce.clientSecretHint,
      secret: { stored: "youforceClientSecret", audit: "youforce client secret" },
    },
    { name: "tenant_id", label: (t) => t.youforce.tenantId, hint: (t) => t.youforce.tenantIdHint },
    {
      name: "api_url",
      label: (t) => t.youforce.apiUrl,
      hint: (t) => t.youforce.apiUrlHint,
      type: "url",
      address: true,
    },
    {
      name: "token_url",
      label: (t) => t.youforce.tokenUrl,
      hint: (t) => t.youforce.tokenUrlHint,
      type: "url",
      address: true,
    },
    {
      name: "timeout_seconds",
      label: (t) => t.youforce.timeout,
      hint: (t) => t.youforce.timeoutHint,
      type: "number",
    },
  ],
  label: (t) => t.youforce.kind,
  credentialsTitle: (t) => t.youforce.credentials,
  Fields: YouforceFields,
};

function YouforceFields(props: KindFieldsProps) {
  const { t } = useMessages();
  return (
    <>
      <details open={props.values.client_id === "" ? true : undefined}>
        <summary>{t.youforce.helpTitle}</summary>
        <ol>
          <li>{t.youforce.step1}</li>
          <li>{t.youforce.step2}</li>
          <li>{t.youforce.step3}</li>
          <li>{t.youforce.step4}</li>
          <li>{t.youforce.step5}</li>
        </ol>
      </details>
      <KindInputs {...props} />
    </>
  );
}
