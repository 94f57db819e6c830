/**
 * Case folding for SCIM attributes with caseExact=false (userName, emails, displayName). The same function runs
 * when rows are written (indexed *_fold columns) and inside SQLite (`scim_fold()`), so lookups can use the index
 * and still treat "Jan.de.Vries@ACME.nl" and "jan.de.vries@acme.nl" as equal, including non-ASCII letters that
 * SQLite's own lower() leaves alone.
 */
export function foldCase(value: string): string {
  return value.normalize("NFC").toLowerCase();
}
