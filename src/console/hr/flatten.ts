/**
 * A JSON value as (path, text) rows for a two-column table: "name.givenName" → "Jan", "emails[0].value" → "…".
 * Extension URNs stay whole ("urn:…:enterprise:2.0:User.department"), as in Okta's Profile Editor.
 */
export function flattenForDisplay(value: unknown, path = ""): [string, string][] {
  if (value === null || value === undefined) return path ? [[path, "—"]] : [];
  if (Array.isArray(value)) {
    if (value.length === 0) return [[path, "(none)"]];
    return value.flatMap((item, index) => flattenForDisplay(item, `${path}[${index}]`));
  }
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return path ? [[path, "(empty)"]] : [];
    return entries.flatMap(([key, inner]) => flattenForDisplay(inner, path ? `${path}.${key}` : key));
  }
  return [[path, String(value)]];
}
