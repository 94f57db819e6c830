import { HOLD_KINDS, type HoldKind } from "../../sync/plan-types.js";

/** How each kind of hold is named in the console, and what approving it does (docs/holds.md). */
export const HOLD_LABELS: Readonly<Record<HoldKind, { readonly title: string; readonly approveMeans: string }>> = {
  brake: {
    title: "Deactivations held by the brake",
    approveMeans:
      "Approving applies the deactivation or removal at a sync that starts at once; Okta acts at its next import.",
  },
  email_domain: {
    title: "E-mail address moved to another domain",
    approveMeans:
      "Approving serves the new address as the person's userName (Okta renames the account at its next import).",
  },
  emptied: {
    title: "Watched attribute became empty",
    approveMeans: "Approving serves the person without the emptied attribute.",
  },
  no_email: {
    title: "No usable e-mail address",
    approveMeans: "Okta cannot hold a user without one: approving deactivates the account until HR adds an address.",
  },
  no_name: {
    title: "First or last name missing",
    approveMeans: "Okta cannot hold a user without one: approving deactivates the account until HR fixes the name.",
  },
  conflict: {
    title: "userName also claimed by someone else",
    approveMeans:
      "Approving deactivates this account (Okta would otherwise merge the two people); fix the address in HR to serve it again.",
  },
  mapping: {
    title: "A mapping expression failed for this person",
    approveMeans: "Approving deactivates this account until the expression or the HR data is fixed (docs/mapping.md).",
  },
};

export const HOLD_KIND_ORDER: readonly HoldKind[] = HOLD_KINDS;
