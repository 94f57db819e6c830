import { ConfigError, parseConfig } from "../../config/load.js";
import { GROUP_KINDS, type GroupKind, MB } from "../../config/schema.js";
import type { ConnectorConfig, ConnectorSettings } from "../../config/types.js";
import type { ConnectorRecord, ConnectorSecrets } from "../../connectors/registry.js";
import { newConnectorGroupTemplates } from "../../lifecycle/groups.js";
import { MESSAGES } from "../i18n/messages.js";
import type { ConnectorForm } from "./connector-form.js";
import { type FieldErrorMessages, formMessage } from "./form-messages.js";
import { kindForms } from "./kinds/index.js";
import { type ConnectorKindForm, numberOrText, tomlSection } from "./kinds/kind-form.js";
import { NEW_CONNECTOR_USER_NAME_FROM } from "./new-connector.js";

export type ParsedConnector =
  | { readonly config: ConnectorConfig }
  | { readonly errors: Readonly<Record<string, string>> };

/** Ids that would collide with the console's own paths under /connectors/. */
const RESERVED_IDS = new Set(["new", "test", "schedule-preview"]);

/**
 * Validates the form with config.toml's own rules. Empty secret fields take the stored secrets (editing keeps
 * them); `previous` keeps settings the form does not show (the domain rewrite, the mapping) or did not post. A new connector
 * takes the console's own defaults for what is not given (NEW_CONNECTOR_USER_NAME_FROM, newConnectorGroupTemplates).
 */
export function parseConnectorForm(
  form: ConnectorForm,
  stored: ConnectorSecrets,
  previous?: ConnectorRecord,
  words: FieldErrorMessages = MESSAGES.en.connectorPages.fieldErrors,
): ParsedConnector {
  if (RESERVED_IDS.has(form.id)) return { errors: { id: words.reserved(form.id) } };
  const moved = storedSecretsMoved(form, previous, words.enterAgain);
  if (moved) return { errors: moved };
  const companies = form.companies.map((company) => company.trim()).filter(Boolean);
  // The chosen kind's settings are required; a section kept beside it is kept when filled in, so a connector can be
  // prepared for the move to REST (and switched back to SOAP) without typing credentials again (docs/migrate-to-rest.md).
  const sections = Object.fromEntries(
    keptKinds(form).map((kind) => [kind.section, tomlSection(kind, form.sources[kind.kind], companies, stored)]),
  );
  const kept = previous?.settings;
  return parseConnector(words, {
    id: form.id,
    kind: form.kind,
    name: form.name || undefined,
    schedule: form.schedule || undefined,
    timezone: form.timezone || undefined,
    reevaluate_at: form.reevaluateAt || undefined,
    days_before: numberOrText(form.daysBefore),
    days_after: numberOrText(form.daysAfter),
    retention_days: numberOrText(form.retentionDays),
    history_days: numberOrText(form.historyDays),
    max_deactivation_percent: numberOrText(form.maxDeactivationPercent),
    hold_scope: form.holdScope || kept?.holdScope,
    employee_number: form.employeeNumber || undefined,
    managers: form.managers,
    private_contact: form.privateContact,
    groups: {
      kinds: form.groupKinds,
      templates: templatesOf(form, companies.length, kept),
      // The budget is set in config.toml or kept as it is: the form does not show it.
      max_members: kept?.groups.budget.maxMembers,
      max_page_mb: kept && kept.groups.budget.maxPageBytes / MB,
      // The Mapping page owns the rules, expressions and scope (console/mapping/); this form keeps them as they are.
      rules: kept?.mapping?.groupRules,
    },
    mapping: kept?.mapping?.attributes,
    scope: kept?.mapping?.include ? { include: kept.mapping.include } : undefined,
    identity: {
      user_name_from: form.userNameFrom
        ? form.userNameFrom.split(",")
        : (kept?.identity.userNameFrom ?? NEW_CONNECTOR_USER_NAME_FROM),
      domain_rewrite: kept?.identity.domainRewrite,
      // Given to config.toml's load as they are, so a console connector's generated logins are shaped and checked
      // exactly like a file's (identity.generated = { domain, format }).
      generated_domain: (form.generatedDomain ?? kept?.identity.generated?.domain) || undefined,
      generated_format: (form.generatedFormat ?? kept?.identity.generated?.format) || undefined,
    },
    notify: {
      email_to: form.notifyEmailTo.split(/[,;\s]+/).filter(Boolean),
      webhook_url: form.notifyWebhookUrl || undefined,
    },
    ...sections,
  });
}

/**
 * The group name templates to store. A typed template wins; an emptied one falls back to the default {name} (stored
 * as no template). A new connector starts from newConnectorGroupTemplates, stored explicitly so the edit form shows
 * them; an existing one keeps what the form did not post.
 */
function templatesOf(
  form: ConnectorForm,
  selectedCompanies: number,
  kept: ConnectorSettings | undefined,
): Partial<Record<GroupKind, string>> {
  const start: Partial<Record<GroupKind, string>> = kept
    ? kept.groups.templates
    : newConnectorGroupTemplates(selectedCompanies);
  const templates: Partial<Record<GroupKind, string>> = {};
  for (const kind of GROUP_KINDS) {
    const typed = form.groupTemplates[kind];
    const template = typed === null || (typed === "" && !kept) ? start[kind] : typed;
    if (template) templates[kind] = template;
  }
  return templates;
}

/** The kinds whose sections the form keeps: the chosen one always, another one when its kind keeps it beside. */
export function keptKinds(form: ConnectorForm): ConnectorKindForm[] {
  return kindForms.filter((kind) => kind.kind === form.kind || (kind.keptBeside?.(form.sources[kind.kind]) ?? false));
}

/**
 * A stored secret goes only to the address it was saved for: when the form points a connector at another address,
 * the secrets must be typed again (otherwise "Test connection" could send the stored token anywhere).
 */
function storedSecretsMoved(
  form: ConnectorForm,
  previous: ConnectorRecord | undefined,
  again: string,
): Record<string, string> | null {
  if (!previous) return null;
  const errors: Record<string, string> = {};
  for (const kind of keptKinds(form)) {
    const before = previous[kind.key] as Readonly<Record<string, unknown>> | null | undefined;
    if (!before) continue;
    const values = form.sources[kind.kind];
    // An empty address field keeps the stored address.
    const moved = kind.fields.some(
      (field) => field.address && (values[field.name] || before[field.setting]) !== before[field.setting],
    );
    if (!moved) continue;
    for (const field of kind.fields)
      if (field.secret && !values[field.name]) errors[`${kind.section}.${field.name}`] = again;
  }
  return Object.keys(errors).length > 0 ? errors : null;
}

function parseConnector(words: FieldErrorMessages, raw: Record<string, unknown>): ParsedConnector {
  try {
    // No environment and no files: a console connector's secrets are typed in, never read from the server's env.
    const config = parseConfig({ connectors: [withoutUndefined(raw)] }, "connector form", {}, process.cwd());
    return { config: config.connectors[0]! };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const errors: Record<string, string> = {};
    for (const problem of error.problems) {
      const field = fieldOf(problem.key);
      errors[field] ??= formMessage(field, problem.message, words);
    }
    return { errors };
  }
}

/** "connectors[0].nmbrs.token" → "nmbrs.token"; "connectors[0].afas.employers[1]" → "companies" (the one field). */
function fieldOf(key: string): string {
  const field = key.replace(/^connectors\[0\]\.?/, "").replace(/\[\d+\]$/, "");
  if (kindForms.some((kind) => field === `${kind.section}.${kind.companiesKey}`)) return "companies";
  return field || "id";
}

function withoutUndefined(value: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}
