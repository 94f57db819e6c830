import type { PreviewReport } from "./preview-types.js";

const HEADER = [
  "section",
  "change",
  "scim_id",
  "external_id",
  "name",
  "user_name",
  "field",
  "old",
  "new",
  "reason",
] as const;
type Row = Partial<Record<(typeof HEADER)[number], string | number | null>>;

/**
 * The preview as CSV (RFC 4180): the summary counters first (section "summary", field = counter, new = value), then
 * one row per changed attribute of each person (a person without attribute changes gets one row), then the people
 * the run would hold (section "held", change = kind of hold), then groups (one row per member added or removed).
 */
export function previewCsv(report: PreviewReport): string {
  const rows: Row[] = Object.entries(report.summary).map(([counter, value]) => ({
    section: "summary",
    field: counter,
    new: value,
  }));
  for (const person of report.people) {
    const who: Row = {
      section: "person",
      change: person.change,
      scim_id: person.scimId,
      external_id: person.externalId,
      name: person.displayName,
      user_name: person.userName,
    };
    if (person.state)
      rows.push({ ...who, field: "state", old: person.state.from, new: person.state.to, reason: person.reason });
    for (const field of person.fields)
      rows.push({
        ...who,
        field: field.field,
        old: field.old,
        new: field.new,
        reason: person.state ? null : person.reason,
      });
    if (!person.state && person.fields.length === 0) rows.push({ ...who, reason: person.reason });
  }
  for (const hold of report.held) {
    rows.push({
      section: "held",
      change: hold.kind,
      scim_id: hold.scimId,
      external_id: hold.sourceKey,
      name: hold.label,
      reason: hold.detail,
    });
  }
  for (const group of report.groups) {
    const which: Row = { section: "group", change: group.change, scim_id: group.scimId, name: group.displayName };
    rows.push(which);
    for (const field of group.fields) rows.push({ ...which, field: field.field, old: field.old, new: field.new });
    for (const member of group.membersAdded) rows.push({ ...which, field: "member added", new: member });
    for (const member of group.membersRemoved) rows.push({ ...which, field: "member removed", old: member });
  }
  return `${[HEADER.join(","), ...rows.map((row) => HEADER.map((column) => cell(row[column])).join(","))].join("\r\n")}\r\n`;
}

function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  // A name typed into HR as "=HYPERLINK(…)" must stay text when the file is opened in a spreadsheet.
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
