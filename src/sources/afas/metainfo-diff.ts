import type { GetConnectorId, RequiredField } from "./contract.js";

/**
 * The metainfo check's verdict (the AFAS spec §2): every required field missing from every connector, in one
 * message, so the admin fixes the GetConnectors in one pass instead of one connection test per field. Field ids are
 * compared exactly; a case-only difference is named ("found 'email_werk'") because Profit derives ids from labels.
 * Null when nothing is missing.
 */
export function missingFieldsMessage(
  required: readonly RequiredField[],
  found: ReadonlyMap<GetConnectorId, readonly string[]>,
): string | null {
  const perConnector = new Map<GetConnectorId, string[]>();
  for (const { connector, field, because } of required) {
    const ids = found.get(connector) ?? [];
    if (ids.includes(field)) continue;
    const sameButCase = ids.find((id) => id.toLowerCase() === field.toLowerCase());
    const notes = [because && `needed because ${because}`, sameButCase && `found '${sameButCase}'`].filter(Boolean);
    const text = notes.length > 0 ? `${field} (${notes.join("; ")})` : field;
    perConnector.set(connector, [...(perConnector.get(connector) ?? []), text]);
  }
  if (perConnector.size === 0) return null;
  const parts = [...perConnector].map(([connector, fields]) => `${connector} lacks ${fields.join(", ")}`);
  return `AFAS GetConnector ${parts.join("; ")}`;
}
