import { useMessages } from "../../i18n/use-language.js";
import type { ConnectorKindForm, KindFieldsProps } from "./kind-form.js";
import { KindInputs } from "./kind-inputs.js";

/** Nmbrs through its SOAP API (`[connectors.nmbrs]`): an API token of an Nmbrs user. */
export const nmbrsSoapForm: ConnectorKindForm = {
  kind: "nmbrs-soap",
  system: "nmbrs",
  section: "nmbrs",
  key: "nmbrs",
  companiesKey: "companies",
  fields: [
    { name: "username", setting: "username", label: (t) => t.connectorPages.form.username },
    {
      name: "token",
      setting: "token",
      label: (t) => t.connectorPages.form.token,
      secret: { stored: "nmbrsToken", audit: "nmbrs token" },
    },
    {
      name: "domain",
      setting: "domain",
      label: (t) => t.connectorPages.form.domain,
      hint: (t) => t.connectorPages.form.domainHint,
    },
    { name: "endpoint", setting: "endpoint", label: (t) => t.connectorPages.form.endpoint, type: "url", address: true },
  ],
  label: (t) => t.connectorPages.form.kinds.soap,
  credentialsTitle: (t) => t.connectorPages.form.credentials,
  // Filled in on a REST connector: kept to switch back (docs/migrate-to-rest.md).
  keptBeside: (values) => values.username !== "",
  Fields: NmbrsSoapFields,
};

function NmbrsSoapFields(props: KindFieldsProps) {
  const t = useMessages().t.connectorPages.form;
  return (
    <>
      {props.chosen ? null : <h3>{t.soapKept}</h3>}
      <p class="hint">{t.soapHint}</p>
      <KindInputs {...props} />
    </>
  );
}
