import type { ConnectorKind } from "../../../config/schema.js";
import { afasProfitForm } from "./afas-profit.js";
import type { ConnectorKindForm } from "./kind-form.js";
import { loketForm } from "./loket.js";
import { nmbrsRestForm } from "./nmbrs-rest.js";
import { nmbrsSoapForm } from "./nmbrs-soap.js";
import { youforceForm } from "./youforce.js";

/**
 * Every source kind's connector form, in the order of the HR system select. Keyed by kind, so a kind added to
 * config/schema.ts does not compile until the console can show it. Its order is also the order in which a stored
 * connector's companies are read (the Nmbrs SOAP section first).
 */
export const KIND_FORMS: Readonly<Record<ConnectorKind, ConnectorKindForm>> = {
  "nmbrs-soap": nmbrsSoapForm,
  "nmbrs-rest": nmbrsRestForm,
  "afas-profit": afasProfitForm,
  loket: loketForm,
  youforce: youforceForm,
};

export const kindForms: readonly ConnectorKindForm[] = Object.values(KIND_FORMS);

/** The form a posted kind names; unknown text falls back to the first kind, as the select starts. */
export function kindFormOf(kind: string): ConnectorKindForm {
  return Object.hasOwn(KIND_FORMS, kind) ? KIND_FORMS[kind as ConnectorKind] : nmbrsSoapForm;
}
