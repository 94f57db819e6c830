import { useMessages } from "../../i18n/use-language.js";
import type { ConnectorKindForm, KindFieldsProps } from "./kind-form.js";
import { KindInputs } from "./kind-inputs.js";

/** Nmbrs through its REST API (`[connectors.nmbrs_rest]`): an OAuth app, consented by an Nmbrs admin after saving. */
export const nmbrsRestForm: ConnectorKindForm = {
  kind: "nmbrs-rest",
  system: "nmbrs",
  section: "nmbrs_rest",
  key: "nmbrsRest",
  companiesKey: "companies",
  fields: [
    { name: "client_id", setting: "clientId", label: (t) => t.connectorPages.form.clientId },
    {
      name: "client_secret",
      setting: "clientSecret",
      label: (t) => t.connectorPages.form.clientSecret,
      secret: { stored: "clientSecret", audit: "client secret" },
    },
    {
      name: "subscription_key",
      setting: "subscriptionKey",
      label: (t) => t.connectorPages.form.subscriptionKey,
      secret: { stored: "subscriptionKey", audit: "subscription key" },
    },
    { name: "api_url", setting: "apiUrl", label: (t) => t.connectorPages.form.apiUrl, type: "url", address: true },
    {
      name: "identity_url",
      setting: "identityUrl",
      label: (t) => t.connectorPages.form.identityUrl,
      type: "url",
      address: true,
    },
  ],
  label: (t) => t.connectorPages.form.kinds.rest,
  credentialsTitle: (t) => t.connectorPages.form.credentials,
  // Filled in on a SOAP connector: prepared for the move to REST (docs/migrate-to-rest.md).
  keptBeside: (values) => values.client_id !== "",
  // A saved SOAP connector always offers the REST fields: that is where the move before 1 March 2027 starts.
  offeredBeside: (chosen) => chosen === "nmbrs-soap",
  Fields: NmbrsRestFields,
};

function NmbrsRestFields(props: KindFieldsProps) {
  const t = useMessages().t.connectorPages.form;
  return (
    <>
      {props.chosen ? null : <h3>{t.restOptional}</h3>}
      <p class="hint">{t.restHint}</p>
      <KindInputs {...props} />
      {/* The Nmbrs REST helper adds its "Connect to Nmbrs" (OAuth consent) button into this slot. */}
      <div class="oauth-slot" id="nmbrs-rest-connect">
        {props.extra ?? <p class="hint">{t.connectAfterSaving}</p>}
      </div>
    </>
  );
}
