import { GROUP_KINDS, type GroupKind } from "../../config/schema.js";
import { DEFAULT_GROUP_TEMPLATES, newConnectorGroupTemplates, renderGroupName } from "../../lifecycle/groups.js";
import { Checkbox, FieldGroup, Input, Select, type FieldErrors } from "../views/components.js";
import type { ConnectorForm } from "./connector-form.js";

export const GROUP_KIND_LABELS: Record<GroupKind, string> = {
  department: "Department",
  company: "Company",
  function: "Function (job title)",
  employee_type: "Employee type",
  cost_center: "Cost center",
};

/** What HR names the example group of each kind, so the hint shows a name the admin recognises. */
const EXAMPLE_VALUES: Record<GroupKind, { name: string; code: string | null }> = {
  department: { name: "Sales", code: "10" },
  company: { name: "Acme BV", code: "1" },
  function: { name: "Accountmanager", code: "F1" },
  employee_type: { name: "Werknemer", code: null },
  cost_center: { name: "Verkoop", code: "4100" },
};

const USER_NAME_SOURCES = [
  { value: "work", label: "Work e-mail only (someone without one is listed as a problem, not served)" },
  { value: "work,private", label: "Work e-mail, else the private e-mail" },
  { value: "private,work", label: "Private e-mail, else the work e-mail" },
  { value: "private", label: "Private e-mail only" },
];

/** Where the Okta login comes from, and whether private contact data is served. */
export function IdentityFields(props: { form: ConnectorForm; errors: FieldErrors }) {
  return (
    <>
      <Select
        name="identity.user_name_from"
        label="Okta login (userName) from"
        value={props.form.userNameFrom ?? "work,private"}
        errors={props.errors}
        options={USER_NAME_SOURCES}
        hint={
          <>
            A private address (gmail, hotmail, ziggo) as an Okta login sends password resets to a mailbox the company
            does not control. Changing this for a connector Okta already imports renames the users whose address
            changes.
          </>
        }
      />
      <div class="checks">
        <Checkbox
          name="private_contact"
          label="Private contact data"
          checked={props.form.privateContact}
          hint="Serve private e-mail and mobile in the hrgateway extension."
        />
      </div>
    </>
  );
}

/**
 * One name template per group kind, each with the name it gives an example group. A new connector's empty fields
 * become newConnectorGroupTemplates() for the companies chosen, and the example shows that.
 */
export function GroupTemplateFields(props: { form: ConnectorForm; errors: FieldErrors; isNew: boolean }) {
  const started = props.isNew ? newConnectorGroupTemplates(props.form.companies.length) : DEFAULT_GROUP_TEMPLATES;
  return (
    <FieldGroup
      name="groups.templates"
      label="Group names"
      hint={
        <>
          Placeholders: {"{name}"}, {"{code}"} and {"{company}"}. Departments, functions and cost centers are numbered
          per company in Nmbrs: without {"{company}"} the Sales of two companies are one group in Okta. Adding{" "}
          {"{company}"} to a connector Okta already imports makes new groups (the old ones empty out): Okta group rules
          and app assignments must move to them.
          {props.isNew
            ? " Empty: {name} with one company chosen, else {name} ({company}) for departments, functions and cost centers."
            : " Empty: {name}."}
        </>
      }
    >
      <div class="grid-3">
        {GROUP_KINDS.map((kind) => {
          const typed = props.form.groupTemplates[kind] ?? "";
          const example = renderGroupName(typed || started[kind], { ...EXAMPLE_VALUES[kind], company: "Acme BV" });
          return (
            <Input
              name={`groups.templates.${kind}`}
              label={GROUP_KIND_LABELS[kind]}
              value={typed}
              placeholder={started[kind]}
              errors={props.errors}
              hint={`${kind === "company" ? "Acme BV" : `${EXAMPLE_VALUES[kind].name} of Acme BV`} → "${example}"`}
            />
          );
        })}
      </div>
    </FieldGroup>
  );
}
