import { overBudget, type GroupBudgetReport } from "../lifecycle/group-budget.js";
import type { RunStats } from "./run-store.js";

/**
 * "; over the group budget: Acme (100,005 members), /Groups page at 101 (61.2 MB: Acme, Sales)", or "". The groups
 * are served whole all the same (never a short page): the admin moves them to Okta group rules (docs/groups.md).
 */
export function budgetWarning(report: GroupBudgetReport): string {
  if (!overBudget(report)) return "";
  const n = (value: number) => value.toLocaleString("en-US");
  const groups = report.groupsOver.map((group) => `${group.displayName} (${n(group.members)} members)`);
  const pages = report.pagesOver.map(
    (page) =>
      `/Groups page at ${page.startIndex} (${(page.bytes / 1024 / 1024).toFixed(1)} MB: ${page.largest.join(", ")})`,
  );
  return `; over the group budget: ${[...groups, ...pages].join(", ")}`;
}

/** "1,204 users served (1,180 active), 37 groups; 3 created, 12 updated, 0 removed; 2 problems". */
export function summary(stats: RunStats): string {
  const n = (value: number | undefined) => (value ?? 0).toLocaleString("en-US");
  return (
    `${n(stats.served)} users served (${n(stats.active)} active), ${n(stats.groups)} groups; ` +
    `${n(stats.created)} created, ${n(stats.updated)} updated, ${n(stats.removed)} removed; ${n(stats.problems)} problems` +
    (stats.loginsGiven === undefined
      ? ""
      : `; ${n(stats.loginsGiven)} generated logins given, ${n(stats.loginsSuggested)} new logins suggested`)
  );
}
