import type { ApiSwitchReport } from "./dry-run.js";

/** The dry run as lines for a terminal (`npm run sync -- --connector <id> --dry-run-api-switch`). */
export function apiSwitchReportText(report: ApiSwitchReport): string {
  const { matchedBy, okta } = report;
  const lines = [
    `dry run of ${report.connectorId}: people now keyed by ${report.from}, read through ${report.to}`,
    `  listed ${report.listed}, served to Okta now ${report.servedBefore}`,
    `  matched ${report.matched} (birth date ${matchedBy["birth date"]}, e-mail ${matchedBy["e-mail"]}, e-mail only ${matchedBy["e-mail only"]})`,
    `  Okta's next import: ${okta.created} new, ${okta.removed} removed, ${okta.updated} changed users`,
  ];
  for (const rename of report.userTypeRenames) {
    lines.push(
      `  employee type renamed for ${rename.users} users: ${JSON.stringify(rename.from ?? "(none)")} → ${JSON.stringify(rename.to ?? "(none)")} (userType and the employee-type group)`,
    );
  }
  if (report.withoutBirthDateHash > 0)
    lines.push(
      `  ${report.withoutBirthDateHash} served people have no birth-date check yet (run a sync through ${report.from} first)`,
    );
  for (const person of [...report.unmatchedServed, ...report.newServed])
    lines.push(`  not matched: ${person.label}: ${person.reason}`);
  lines.push(
    report.holdReason
      ? `the first run after the switch would wait for approval: it ${report.holdReason}`
      : "everyone Okta sees is matched: the switch would apply without approval",
  );
  return lines.join("\n");
}
