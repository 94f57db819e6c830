import { type ConnectorKind, GROUP_KINDS, type GroupKind } from "../../config/schema.js";
import type { StoredConnector } from "../../connectors/registry.js";
import { KIND_FORMS, kindFormOf, kindForms } from "./kinds/index.js";
import { type ConnectorKindForm, type KindValues, valuesOf } from "./kinds/kind-form.js";

/**
 * The connector form. Field names are the keys of a connector in config.toml ("nmbrs.username", "days_before"),
 * so the form is validated by the very schema that validates config.toml (parseConfig), and every problem it
 * reports lands next to the field it names.
 */
export interface ConnectorForm {
  readonly id: string;
  readonly name: string;
  readonly kind: ConnectorKind;
  readonly schedule: string;
  readonly timezone: string;
  readonly reevaluateAt: string;
  readonly daysBefore: string;
  readonly daysAfter: string;
  readonly retentionDays: string;
  readonly historyDays: string;
  readonly maxDeactivationPercent: string;
  /** hold_scope; null when not posted (keep it). */
  readonly holdScope: string | null;
  readonly employeeNumber: string;
  readonly managers: boolean;
  readonly privateContact: boolean;
  /** identity.user_name_from as the select sends it: "work", "work,private", …; null when not posted (keep it). */
  readonly userNameFrom: string | null;
  /** identity.generated_domain and identity.generated_format as typed ("" = none); null when not posted (keep it). */
  readonly generatedDomain: string | null;
  readonly generatedFormat: string | null;
  readonly groupKinds: readonly string[];
  /** Per kind: the template typed ("" = the default {name}), or null when not posted (keep it). */
  readonly groupTemplates: Readonly<Record<GroupKind, string | null>>;
  readonly companies: readonly string[];
  readonly notifyEmailTo: string;
  readonly notifyWebhookUrl: string;
  /** Every kind's own fields (kinds/), the chosen kind's and those kept or offered beside it. */
  readonly sources: Readonly<Record<ConnectorKind, KindValues>>;
}

/** The form showing a stored connector; secret fields stay empty. */
export function connectorFormOf(config: StoredConnector): ConnectorForm {
  const { settings } = config;
  return {
    id: settings.id,
    name: settings.name === settings.id ? "" : settings.name,
    kind: settings.kind,
    schedule: settings.schedule,
    timezone: settings.timezone,
    reevaluateAt: settings.reevaluateAt,
    daysBefore: String(settings.daysBefore),
    daysAfter: String(settings.daysAfter),
    retentionDays: String(settings.retentionDays),
    historyDays: String(settings.historyDays),
    maxDeactivationPercent: String(settings.maxDeactivationPercent),
    holdScope: settings.holdScope,
    employeeNumber: settings.employeeNumberFormat,
    managers: settings.managers,
    privateContact: settings.privateContact,
    userNameFrom: settings.identity.userNameFrom.join(","),
    generatedDomain: settings.identity.generated?.domain ?? "",
    generatedFormat: settings.identity.generated?.format ?? "",
    groupKinds: settings.groups.kinds,
    groupTemplates: Object.fromEntries(
      GROUP_KINDS.map((kind) => [kind, settings.groups.templates[kind] ?? ""]),
    ) as Record<GroupKind, string>,
    companies: companiesOf(config),
    notifyEmailTo: settings.notify.emailTo.join(", "),
    notifyWebhookUrl: settings.notify.webhookUrl ?? "",
    sources: sourcesOf((kind) => valuesOf(kind, config)),
  };
}

/** Reads a posted form (values exactly as typed, so they can be shown again next to their errors). */
export function formFromBody(body: Record<string, string | File | (string | File)[]>): ConnectorForm {
  const text = (name: string) => {
    const value = body[name];
    return typeof value === "string"
      ? value.trim()
      : Array.isArray(value) && typeof value[0] === "string"
        ? value[0].trim()
        : "";
  };
  const list = (name: string) => {
    const value = body[name];
    return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter(
      (item): item is string => typeof item === "string",
    );
  };
  const posted = (name: string) => (body[name] === undefined ? null : text(name));
  return {
    id: text("id").toLowerCase(),
    name: text("name"),
    kind: kindFormOf(text("kind")).kind,
    schedule: text("schedule"),
    timezone: text("timezone"),
    reevaluateAt: text("reevaluate_at"),
    daysBefore: text("days_before"),
    daysAfter: text("days_after"),
    retentionDays: text("retention_days"),
    historyDays: text("history_days"),
    maxDeactivationPercent: text("max_deactivation_percent"),
    holdScope: posted("hold_scope"),
    employeeNumber: text("employee_number"),
    managers: body.managers !== undefined,
    privateContact: body.private_contact !== undefined,
    userNameFrom: posted("identity.user_name_from"),
    generatedDomain: posted("identity.generated_domain"),
    generatedFormat: posted("identity.generated_format"),
    groupKinds: list("groups.kinds").filter((kindName) => (GROUP_KINDS as readonly string[]).includes(kindName)),
    groupTemplates: Object.fromEntries(
      GROUP_KINDS.map((kindName) => [kindName, posted(`groups.templates.${kindName}`)]),
    ) as Record<GroupKind, string | null>,
    companies: list("companies"),
    notifyEmailTo: text("notify.email_to"),
    notifyWebhookUrl: text("notify.webhook_url"),
    sources: sourcesOf((kind) =>
      Object.fromEntries(kind.fields.map((field) => [field.name, text(`${kind.section}.${field.name}`)])),
    ),
  };
}

function sourcesOf(values: (kind: ConnectorKindForm) => KindValues): Record<ConnectorKind, KindValues> {
  return Object.fromEntries(Object.entries(KIND_FORMS).map(([kind, form]) => [kind, values(form)])) as Record<
    ConnectorKind,
    KindValues
  >;
}

/** The companies of the first source section the connector has, in the registry's order. */
function companiesOf(config: StoredConnector): readonly string[] {
  for (const kind of kindForms) {
    const section = config[kind.key] as Readonly<Record<string, unknown>> | null | undefined;
    if (section) return section[kind.companiesKey] as readonly string[];
  }
  return [];
}
