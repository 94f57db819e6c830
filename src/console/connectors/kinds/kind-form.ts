import type { Child } from "hono/jsx";
import * as v from "valibot";
import { type ConnectorKind, connectorSchema } from "../../../config/schema.js";
import type { ConnectorSecrets, StoredConnector } from "../../../connectors/registry.js";
import type { Messages } from "../../i18n/messages.js";
import type { FieldErrors } from "../../views/components.js";

/** Where a connector keeps a source's settings: `nmbrs`, `nmbrsRest`, `afas` of ConnectorConfig and StoredConnector. */
export type SourceKey = Exclude<keyof StoredConnector, "settings">;

/** A kind's fields as typed, by their name within the section ("base_url"); secret fields are "" unless typed. */
export type KindValues = Readonly<Record<string, string>>;

/** One field of a kind's `[connectors.<section>]`, posted as "<section>.<name>" (the key config.toml uses). */
export interface KindField {
  /** The key in config.toml, e.g. "base_url". */
  readonly name: string;
  /** The property of the parsed settings, e.g. "baseUrl". */
  readonly setting: string;
  readonly label: (t: Messages) => string;
  readonly hint?: (t: Messages) => string;
  readonly type?: "url" | "number";
  readonly placeholder?: string;
  /**
   * A secret: the key it is sealed under in ConnectorSecrets, and its name in the audit trail. A form never shows
   * it; left empty, the stored value is kept.
   */
  readonly secret?: { readonly stored: string; readonly audit: string };
  /**
   * The address the secrets are sent to: when an edit changes it, the stored secrets must be typed again, so that
   * "Test connection" cannot send a stored token anywhere.
   */
  readonly address?: boolean;
}

/** Props of a kind's own part of the credentials card; the shared form wraps it in the kind's fieldset. */
export interface KindFieldsProps {
  readonly kind: ConnectorKindForm;
  readonly values: KindValues;
  readonly errors: FieldErrors;
  /** How each secret field shows a stored value, by field name. */
  readonly secret: (name: string) => { stored: boolean; origin?: string };
  /** This kind is the connector's kind (not settings kept beside it). */
  readonly chosen: boolean;
  /** What the kind's own routes add for a saved connector (Nmbrs REST: "Connect to Nmbrs"). */
  readonly extra?: Child;
}

/**
 * One HR source kind in the connector form: the only place that knows the kind's fields. The shared form code
 * (form values, parse, stored parts, view) iterates the registry in kinds/index.ts; adding a kind is one module
 * like this and one line there (plus its words in the catalogue).
 */
export interface ConnectorKindForm {
  readonly kind: ConnectorKind;
  /** The HR system: a saved connector offers the kinds of its own system only (Nmbrs: SOAP and REST side by side). */
  readonly system: string;
  /** `[connectors.<section>]` in config.toml: the prefix of the posted field names and of the schema's error keys. */
  readonly section: string;
  /** Where the parsed and the stored connector keep this section. */
  readonly key: SourceKey;
  /** The section's key for the companies chosen ("companies", "employers"): the form's one companies field. */
  readonly companiesKey: string;
  readonly fields: readonly KindField[];
  /** Its label in the HR system select. */
  readonly label: (t: Messages) => string;
  /** The title of the credentials card when this kind is chosen. */
  readonly credentialsTitle: (t: Messages) => string;
  /**
   * Whether the section is kept, and shown, although another kind is chosen (Nmbrs keeps the other API's settings
   * for the move to REST and back); absent: only when chosen.
   */
  readonly keptBeside?: (values: KindValues) => boolean;
  /** Whether a saved connector of `chosen` offers these fields even when empty (the REST fields on a SOAP one). */
  readonly offeredBeside?: (chosen: ConnectorKind) => boolean;
  /** The kind's part of the credentials card: its help, its fields (see KindInputs), what its routes add. */
  readonly Fields: (props: KindFieldsProps) => Child;
}

/** The kind's fields of a stored connector (secret fields empty), or its defaults when it has no such section. */
export function valuesOf(kind: ConnectorKindForm, stored: StoredConnector): KindValues {
  const section = stored[kind.key] as Readonly<Record<string, unknown>> | null | undefined;
  return Object.fromEntries(
    kind.fields.map((field) => {
      if (field.secret) return [field.name, ""];
      const value = section ? section[field.setting] : undefined;
      const shown = section ? value : schemaDefault(kind.section, field.name);
      return [field.name, shown === undefined || shown === null ? "" : String(shown)];
    }),
  );
}

/** config.toml's default for a key of a connector's source section (config/schema.ts), or undefined. */
function schemaDefault(section: string, name: string): unknown {
  const optional = (connectorSchema.entries as Record<string, v.GenericSchema>)[section];
  const entries = (optional as unknown as { wrapped?: v.ObjectSchema<v.ObjectEntries, undefined> } | undefined)?.wrapped
    ?.entries;
  const entry = entries?.[name];
  return entry ? v.getDefault(entry) : undefined;
}

/**
 * The section as config.toml would have it, for config.toml's own validation: an empty field is absent (the
 * schema's default, or "required"), an empty secret takes the stored one (editing keeps it), numbers are numbers.
 */
export function tomlSection(
  kind: ConnectorKindForm,
  values: KindValues,
  companies: readonly string[],
  stored: ConnectorSecrets,
): Record<string, unknown> {
  const section: Record<string, unknown> = {};
  for (const field of kind.fields) {
    const typed = values[field.name] ?? "";
    const value = field.secret ? typed || (stored[field.secret.stored] as string | undefined) : typed;
    section[field.name] = field.type === "number" ? numberOrText(value ?? "") : value || undefined;
  }
  section[kind.companiesKey] = companies;
  return section;
}

/** "12" → 12, "twelve" → "twelve" (the schema names it), "" → absent. */
export function numberOrText(value: string): number | string | undefined {
  if (value === "") return undefined;
  return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
}
