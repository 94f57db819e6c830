import { ConfigError, parseConfig } from "../../config/load.js";
import { CONNECTOR_KINDS, GROUP_KINDS, MB, type ConnectorKind, type GroupKind } from "../../config/schema.js";
import type { ConnectorConfig, ConnectorSettings } from "../../config/types.js";
import { newConnectorGroupTemplates } from "../../lifecycle/groups.js";
import type { ConnectorRecord, ConnectorSecrets, StoredConnector } from "../../connectors/registry.js";
import { MESSAGES } from "../i18n/messages.js";
import { formMessage, type FieldErrorMessages } from "./form-messages.js";

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
  readonly nmbrs: {
    readonly endpoint: string;
    readonly username: string;
    readonly domain: string;
    readonly token: string;
  };
  readonly nmbrsRest: {
    readonly apiUrl: string;
    readonly identityUrl: string;
    readonly clientId: string;
    readonly clientSecret: string;
    readonly subscriptionKey: string;
  };
  readonly afas: {
    readonly baseUrl: string;
    readonly token: string;
    readonly integrationId: string;
    readonly pageSize: string;
    readonly timeoutSeconds: string;
  };
}

/** Which secret fields already hold a stored value (shown as "•••• stored"). */
export type StoredSecretFlags = Readonly<
  Record<"nmbrs.token" | "nmbrs_rest.client_secret" | "nmbrs_rest.subscription_key" | "afas.token", boolean>
>;

export const NO_STORED_SECRETS: StoredSecretFlags = {
  "nmbrs.token": false,
  "nmbrs_rest.client_secret": false,
  "nmbrs_rest.subscription_key": false,
  "afas.token": false,
};

/**
 * Where a connector made in the console takes userName from (docs/decisions.md): the work address only. A private
 * gmail or ziggo address as an Okta login hands account recovery to a mailbox the company does not control; a person
 * without a work address is listed as a problem instead, and the admin can choose "work, else private" in the form.
 * config.toml keeps its default (work, then private): changing it would rename existing users in Okta.
 */
export const NEW_CONNECTOR_USER_NAME_FROM: ConnectorSettings["identity"]["userNameFrom"] = ["work"];

/**
 * The group kinds a connector made in the console starts with (docs/groups.md): none. Department and company groups
 * are as large as the organisation, and Okta imports every member of every group on each import; an Okta group rule
 * builds the same group from the user's attribute without any of that (the Okta setup page lists them). The admin
 * ticks the kinds that stay small. config.toml keeps its default (department, company): changing it would make Okta
 * drop the groups, and their memberships, of connectors that already serve them.
 */
export const NEW_CONNECTOR_GROUP_KINDS: ConnectorSettings["groups"]["kinds"] = [];

/** Ids that would collide with the console's own paths under /connectors/. */
const RESERVED_IDS = new Set(["new", "test", "schedule-preview"]);

/** The form for a new connector: the defaults of config.toml. */
export function newConnectorForm(): ConnectorForm {
  const defaults = parseConnector(MESSAGES.en.connectorPages.fieldErrors, {
    id: "new-connector",
    kind: "nmbrs-soap",
    nmbrs: { username: "api@example.nl", domain: "example", token: "x" },
  });
  if (!("config" in defaults)) throw new Error("the connector defaults do not validate");
  const form = formOf(defaults.config);
  // The placeholders that made the defaults validate are not defaults: the credential fields start empty. The group
  // templates start empty too: saved, they become newConnectorGroupTemplates() for the companies chosen.
  const templates = Object.fromEntries(GROUP_KINDS.map((kind) => [kind, ""])) as Record<GroupKind, string>;
  return {
    ...form,
    id: "",
    name: "",
    userNameFrom: NEW_CONNECTOR_USER_NAME_FROM.join(","),
    groupKinds: NEW_CONNECTOR_GROUP_KINDS,
    groupTemplates: templates,
    nmbrs: { ...form.nmbrs, username: "", domain: "" },
  };
}

/** The form showing a stored connector; secret fields stay empty. */
export function connectorFormOf(record: ConnectorRecord): ConnectorForm {
  return formOf(record);
}

function formOf(config: StoredConnector): ConnectorForm {
  const { settings } = config;
  const source = config.nmbrs ?? config.nmbrsRest;
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
    companies: source?.companies ?? config.afas?.employers ?? [],
    notifyEmailTo: settings.notify.emailTo.join(", "),
    notifyWebhookUrl: settings.notify.webhookUrl ?? "",
    nmbrs: {
      endpoint: config.nmbrs?.endpoint ?? "https://api.nmbrs.nl/soap/v3",
      username: config.nmbrs?.username ?? "",
      domain: config.nmbrs?.domain ?? "",
      token: "",
    },
    nmbrsRest: {
      apiUrl: config.nmbrsRest?.apiUrl ?? "https://api.nmbrsapp.com",
      identityUrl: config.nmbrsRest?.identityUrl ?? "https://identityservice.nmbrs.com",
      clientId: config.nmbrsRest?.clientId ?? "",
      clientSecret: "",
      subscriptionKey: "",
    },
    afas: {
      baseUrl: config.afas?.baseUrl ?? "",
      token: "",
      integrationId: config.afas?.integrationId ?? "",
      pageSize: String(config.afas?.pageSize ?? 1000),
      timeoutSeconds: String(config.afas?.timeoutSeconds ?? 60),
    },
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
  const kind = CONNECTOR_KINDS.includes(text("kind") as ConnectorKind) ? (text("kind") as ConnectorKind) : "nmbrs-soap";
  return {
    id: text("id").toLowerCase(),
    name: text("name"),
    kind,
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
    nmbrs: {
      endpoint: text("nmbrs.endpoint"),
      username: text("nmbrs.username"),
      domain: text("nmbrs.domain"),
      token: text("nmbrs.token"),
    },
    nmbrsRest: {
      apiUrl: text("nmbrs_rest.api_url"),
      identityUrl: text("nmbrs_rest.identity_url"),
      clientId: text("nmbrs_rest.client_id"),
      clientSecret: text("nmbrs_rest.client_secret"),
      subscriptionKey: text("nmbrs_rest.subscription_key"),
    },
    afas: {
      baseUrl: text("afas.base_url"),
      token: text("afas.token"),
      integrationId: text("afas.integration_id"),
      pageSize: text("afas.page_size"),
      timeoutSeconds: text("afas.timeout_seconds"),
    },
  };
}

export type ParsedConnector =
  | { readonly config: ConnectorConfig }
  | { readonly errors: Readonly<Record<string, string>> };

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
  // The chosen API's settings are required; the other API's are kept when filled in, so a connector can be prepared
  // for the move to REST (and switched back to SOAP) without typing credentials again (docs/migrate-to-rest.md).
  const sections = keptSections(form);
  const source = {
    ...(sections.soap
      ? {
          nmbrs: {
            endpoint: form.nmbrs.endpoint || undefined,
            username: form.nmbrs.username,
            domain: form.nmbrs.domain,
            token: form.nmbrs.token || stored.nmbrsToken || undefined,
            companies,
          },
        }
      : {}),
    ...(sections.rest
      ? {
          nmbrs_rest: {
            api_url: form.nmbrsRest.apiUrl || undefined,
            identity_url: form.nmbrsRest.identityUrl || undefined,
            client_id: form.nmbrsRest.clientId,
            client_secret: form.nmbrsRest.clientSecret || stored.clientSecret || undefined,
            subscription_key: form.nmbrsRest.subscriptionKey || stored.subscriptionKey || undefined,
            companies,
          },
        }
      : {}),
    ...(form.kind === "afas-profit"
      ? {
          afas: {
            base_url: form.afas.baseUrl,
            token: form.afas.token || stored.afasToken || undefined,
            integration_id: form.afas.integrationId || undefined,
            employers: companies,
            page_size: numberOrText(form.afas.pageSize),
            timeout_seconds: numberOrText(form.afas.timeoutSeconds),
          },
        }
      : {}),
  };
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
    ...source,
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

/** Which API sections the form keeps: the chosen one always, the other one when its user or client id is filled in. */
export function keptSections(form: ConnectorForm): { readonly soap: boolean; readonly rest: boolean } {
  return {
    soap: form.kind === "nmbrs-soap" || form.nmbrs.username !== "",
    rest: form.kind === "nmbrs-rest" || form.nmbrsRest.clientId !== "",
  };
}

/**
 * A stored secret goes only to the address it was saved for: when the form points a connector at another endpoint,
 * the secrets must be typed again (otherwise "Test connection" could send the stored token anywhere).
 */
function storedSecretsMoved(
  form: ConnectorForm,
  previous: ConnectorRecord | undefined,
  again: string,
): Record<string, string> | null {
  if (!previous) return null;
  const errors: Record<string, string> = {};
  const kept = keptSections(form);
  if (
    kept.soap &&
    previous.nmbrs &&
    !form.nmbrs.token &&
    (form.nmbrs.endpoint || previous.nmbrs.endpoint) !== previous.nmbrs.endpoint
  ) {
    errors["nmbrs.token"] = again;
  }
  const rest = previous.nmbrsRest;
  if (kept.rest && rest) {
    const moved =
      (form.nmbrsRest.apiUrl || rest.apiUrl) !== rest.apiUrl ||
      (form.nmbrsRest.identityUrl || rest.identityUrl) !== rest.identityUrl;
    if (moved && !form.nmbrsRest.clientSecret) errors["nmbrs_rest.client_secret"] = again;
    if (moved && !form.nmbrsRest.subscriptionKey) errors["nmbrs_rest.subscription_key"] = again;
  }
  if (form.kind === "afas-profit" && previous.afas && !form.afas.token && form.afas.baseUrl !== previous.afas.baseUrl)
    errors["afas.token"] = again;
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

/** "connectors[0].nmbrs.token" → "nmbrs.token"; "connectors[0].groups.kinds[1]" → "groups.kinds". */
function fieldOf(key: string): string {
  const field = key.replace(/^connectors\[0\]\.?/, "").replace(/\[\d+\]$/, "");
  if (field === "nmbrs.companies" || field === "nmbrs_rest.companies" || field === "afas.employers") return "companies";
  if (field === "notify.email_to" || field === "notify.webhook_url" || field.startsWith("groups.")) return field;
  return field || "id";
}

function numberOrText(value: string): number | string | undefined {
  if (value === "") return undefined;
  return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
}

function withoutUndefined(value: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}

/** The two halves the registry stores: settings in clear, secrets sealed. */
export function storedParts(config: ConnectorConfig): { stored: StoredConnector; secrets: ConnectorSecrets } {
  const { token, ...nmbrs } = config.nmbrs ?? { token: undefined };
  const { clientSecret, subscriptionKey, ...nmbrsRest } = config.nmbrsRest ?? {
    clientSecret: undefined,
    subscriptionKey: undefined,
  };
  const { token: afasToken, ...afas } = config.afas ?? { token: undefined };
  return {
    stored: {
      settings: config.settings,
      nmbrs: config.nmbrs ? (nmbrs as StoredConnector["nmbrs"]) : null,
      nmbrsRest: config.nmbrsRest ? (nmbrsRest as StoredConnector["nmbrsRest"]) : null,
      afas: config.afas ? (afas as StoredConnector["afas"]) : null,
    },
    secrets: {
      ...(token ? { nmbrsToken: token } : {}),
      ...(afasToken ? { afasToken } : {}),
      ...(clientSecret ? { clientSecret } : {}),
      ...(subscriptionKey ? { subscriptionKey } : {}),
    },
  };
}

export function storedSecretFlags(secrets: ConnectorSecrets): StoredSecretFlags {
  return {
    "nmbrs.token": Boolean(secrets.nmbrsToken),
    "nmbrs_rest.client_secret": Boolean(secrets.clientSecret),
    "nmbrs_rest.subscription_key": Boolean(secrets.subscriptionKey),
    "afas.token": Boolean(secrets.afasToken),
  };
}
