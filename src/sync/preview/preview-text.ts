import type { FieldChange, PersonPreview, PreviewReport } from "./preview-types.js";

/** The preview for a terminal (`npm run sync -- --connector <id> --dry-run`): summary first, then every change. */
export function previewText(report: PreviewReport): string {
  const s = report.summary;
  const lines = [
    `preview of ${report.connectorId} at ${report.createdAt} (served now: generation ${report.baseGen}); nothing was applied`,
    `  listed ${s.listed}; users served ${s.servedBefore} → ${s.served} (active ${s.activeBefore} → ${s.active}); ${s.groups} groups; ${s.problems} problems`,
    `  people: ${s.appears} appear, ${s.changes} change, ${s.deactivates} deactivate, ${s.reactivates} reactivate, ${s.disappears} disappear, ${s.lifecycleOnly} lifecycle only`,
    `  groups: ${s.groupsCreated} created, ${s.groupsChanged} changed, ${s.groupsRemoved} removed`,
    `  resources: ${s.created} created, ${s.updated} updated, ${s.removed} removed`,
    `  held for approval: ${s.held}${report.brakeReason ? ` (${report.brakeReason})` : ""}`,
  ];
  for (const hold of report.held) lines.push(`held ${hold.kind} ${hold.label} [${hold.sourceKey}]: ${hold.detail}`);
  for (const person of report.people) {
    lines.push(`${person.change} ${personLabel(person)}${stateText(person)}`);
    for (const field of person.fields) lines.push(`    ${fieldText(field)}`);
  }
  for (const group of report.groups) {
    lines.push(`group ${group.change} ${group.displayName}`);
    for (const field of group.fields) lines.push(`    ${fieldText(field)}`);
    if (group.membersAdded.length > 0) lines.push(`    members added: ${group.membersAdded.join(", ")}`);
    if (group.membersRemoved.length > 0) lines.push(`    members removed: ${group.membersRemoved.join(", ")}`);
  }
  return lines.join("\n");
}

/** "Jan de Vries <jan.devries@acme.nl> [1234]", or just the source key for someone Okta does not see. */
export function personLabel(person: PersonPreview): string {
  const name = person.displayName ?? "";
  const userName = person.userName ? ` <${person.userName}>` : "";
  return `${name}${userName} [${person.externalId}]`.trim();
}

function stateText(person: PersonPreview): string {
  const state = person.state ? `: ${person.state.from ?? "new"} → ${person.state.to}` : "";
  return person.reason ? `${state} (${person.reason})` : state;
}

export function fieldText(field: FieldChange): string {
  return `${field.field}: ${field.old ?? "—"} → ${field.new ?? "—"}`;
}
