import type { ConnectorConfig } from "../../config/types.js";
import type { ConnectorSecrets, StoredConnector } from "../../connectors/registry.js";
import type { ConnectorForm } from "./connector-form.js";
import { kindForms } from "./kinds/index.js";

/** Which secret fields already hold a stored value (shown as "•••• stored"), by field name ("afas.token"). */
export type StoredSecretFlags = Readonly<Record<string, boolean>>;

/** Every secret field of every kind, with the key it is sealed under. */
const SECRET_FIELDS = kindForms.flatMap((kind) =>
  kind.fields.flatMap((field) =>
    field.secret ? [{ kind, field, secret: field.secret, name: `${kind.section}.${field.name}` }] : [],
  ),
);

export const NO_STORED_SECRETS: StoredSecretFlags = storedSecretFlags({});

export function storedSecretFlags(secrets: ConnectorSecrets): StoredSecretFlags {
  return Object.fromEntries(SECRET_FIELDS.map(({ name, secret }) => [name, Boolean(secrets[secret.stored])]));
}

/** The two halves the registry stores: settings in clear, secrets sealed. */
export function storedParts(config: ConnectorConfig): { stored: StoredConnector; secrets: ConnectorSecrets } {
  const stored: Record<string, unknown> = { settings: config.settings };
  const secrets: Record<string, unknown> = {};
  for (const kind of kindForms) {
    const section = config[kind.key] as Readonly<Record<string, unknown>> | null | undefined;
    if (!section) {
      stored[kind.key] = null;
      continue;
    }
    const clear = { ...section };
    for (const field of kind.fields) {
      if (!field.secret) continue;
      if (clear[field.setting]) secrets[field.secret.stored] = clear[field.setting];
      delete clear[field.setting];
    }
    stored[kind.key] = clear;
  }
  return { stored: stored as unknown as StoredConnector, secrets };
}

/** For the audit trail: which secrets an edit replaced (names only). */
export function changedSecretsNote(form: ConnectorForm): string | null {
  const replaced = SECRET_FIELDS.filter(({ kind, field }) => form.sources[kind.kind][field.name]).map(
    ({ secret }) => secret.audit,
  );
  return replaced.length > 0 ? `replaced: ${replaced.join(", ")}` : null;
}
