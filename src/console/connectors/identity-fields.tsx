import { GROUP_KINDS, type GroupKind } from "../../config/schema.js";
import { DEFAULT_GROUP_TEMPLATES, newConnectorGroupTemplates, renderGroupName } from "../../lifecycle/groups.js";
import { useMessages } from "../i18n/use-language.js";
import { Checkbox, FieldGroup, Input, Select, type FieldErrors } from "../views/components.js";
import type { ConnectorForm } from "./connector-form.js";

/** What HR names the example group of each kind, so the hint shows a name the admin recognises. */
const EXAMPLE_VALUES: Record<GroupKind, { name: string; code: string | null }> = {
  department: { name: "Sales", code: "10" },
  company: { name: "Acme BV", code: "1" },
  function: { name: "Accountmanager", code: "F1" },
  employee_type: { name: "Werknemer", code: null },
  cost_center: { name: "Verkoop", code: "4100" },
};

/** The choices of identity.user_name_from, in the form's order; their labels are in the catalogue. */
const USER_NAME_SOURCES = [
  "work",
  "work,private",
  "private,work",
  "private",
  "work,generated",
  "work,private,generated",
  "generated",
] as const;

/** Where the Okta login comes from, and whether private contact data is served. */
export function IdentityFields(props: { form: ConnectorForm; errors: FieldErrors }) {
  const t = useMessages().t.connectorPages.identity;
  return (
    <>
      <Select
        name="identity.user_name_from"
        label={t.userNameFrom}
        value={props.form.userNameFrom ?? "work,private"}
        errors={props.errors}
        options={USER_NAME_SOURCES.map((value) => ({ value, label: t.sources[value] }))}
        hint={t.userNameHint}
      />
      <div class="grid-2">
        <Input
          name="identity.generated_domain"
          label={t.generatedDomain}
          value={props.form.generatedDomain ?? ""}
          placeholder="acme.nl"
          errors={props.errors}
          hint={t.generatedDomainHint}
        />
        <Input
          name="identity.generated_format"
          label={t.generatedFormat}
          value={props.form.generatedFormat ?? ""}
          errors={props.errors}
          hint={t.generatedFormatHint}
        />
      </div>
      <div class="checks">
        <Checkbox
          name="private_contact"
          label={t.privateContact}
          checked={props.form.privateContact}
          hint={t.privateContactHint}
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
  const t = useMessages().t.connectorPages.identity;
  const started = props.isNew ? newConnectorGroupTemplates(props.form.companies.length) : DEFAULT_GROUP_TEMPLATES;
  return (
    <FieldGroup
      name="groups.templates"
      label={t.groupNames}
      hint={`${t.templateHint}${props.isNew ? t.emptyNew : t.emptyExisting}`}
    >
      <div class="grid-3">
        {GROUP_KINDS.map((kind) => {
          const typed = props.form.groupTemplates[kind] ?? "";
          const example = renderGroupName(typed || started[kind], { ...EXAMPLE_VALUES[kind], company: "Acme BV" });
          return (
            <Input
              name={`groups.templates.${kind}`}
              label={t.groupKinds[kind]}
              value={typed}
              placeholder={started[kind]}
              errors={props.errors}
              hint={`${kind === "company" ? "Acme BV" : t.exampleOf(EXAMPLE_VALUES[kind].name, "Acme BV")} → "${example}"`}
            />
          );
        })}
      </div>
    </FieldGroup>
  );
}
