import { useMessages } from "../../i18n/use-language.js";
import type { ConnectorKindForm, KindFieldsProps } from "./kind-form.js";
import { KindInputs } from "./kind-inputs.js";

/**
 * Loket.nl (`[connectors.loket]`, docs/loket.md): the app Loket registered and the environment. The consent itself
 * ("Connect to Loket") is the connector page's, once the connector is saved.
 */
export const loketForm: ConnectorKindForm = {
  kind: "loket",
  system: "loket",
  section: "loket",
  key: "loket",
  companiesKey: "employers",
  fields: [
    {
      name: "environment",
      label: (t) => t.loket.environment,
      hint: (t) => t.loket.environmentHint,
      placeholder: "production",
      address: true,
    },
    { name: "client_id", label: (t) => t.loket.clientId, hint: (t) => t.loket.clientIdHint },
    {
      name: "client_secret",
      label: (t) => t.loket.clientSecret,
      hint: (t) => t.loket.clientSecretHint,
      secret: { stored: "loketClientSecret", audit: "loket client secret" },
    },
    {
      name: "page_size",
      label: (t) => t.loket.pageSize,
      hint: (t) => t.loket.pageSizeHint,
      type: "number",
    },
    {
      name: "timeout_seconds",
      label: (t) => t.loket.timeout,
      hint: (t) => t.loket.timeoutHint,
      type: "number",
    },
  ],
  label: (t) => t.loket.kind,
  credentialsTitle: (t) => t.loket.credentials,
  Fields: LoketFields,
};

function LoketFields(props: KindFieldsProps) {
  const { t } = useMessages();
  return (
    <>
      <details open={props.values.client_id === "" ? true : undefined}>
        <summary>{t.loket.helpTitle}</summary>
        <ol>
          <li>{t.loket.step1}</li>
          <li>{t.loket.step2}</li>
          <li>{t.loket.step3}</li>
          <li>{t.loket.step4}</li>
        </ol>
        <p>{t.loket.noManagers}</p>
      </details>
      <KindInputs {...props} />
      {props.extra}
    </>
  );
}
