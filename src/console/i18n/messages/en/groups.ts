import { formatCount } from "../../../views/format.js";

/** English: group budgets and the Okta group rules. */
export const groups = {
  overBudgetTitle: "Groups too large for Okta's group import",
  groupOver: (name: string, members: number, budget: number) =>
    `${name}: ${formatCount(members, "en")} members (budget ${formatCount(budget, "en")})`,
  pageOver: (startIndex: number, megabytes: string, budget: string, largest: string) =>
    `/Groups page from ${formatCount(startIndex, "en")}: ${megabytes} MB (budget ${budget} MB); largest: ${largest}`,
  overBudgetAdvice:
    "They are still served whole: the gateway never leaves groups out. Okta reads each /Groups page of 100 groups with every member in it and gives up after 60 seconds. Build these groups with Okta group rules instead, then stop serving their kind.",
  rulesLink: "Okta group rules for this connector",
  rulesTitle: "Group rules in Okta",
  rulesIntro:
    "Imported groups come from this connector: Okta makes them app groups, takes their members from every import, and they cannot be edited in Okta. An Okta group rule builds the same group inside Okta from an attribute of the user, so no members travel in the import at all. Use Okta rules for large groups made from an attribute (department, company, function); keep imported groups for small, curated ones.",
  rulesHowTo:
    'In Okta: Directory → Groups → Rules → Add rule. Paste the expression under "Use Okta Expression Language" and assign the rule to a group with the name shown. The expression reads the Okta user profile attribute that step 6 maps from this app.',
  kindNames: {
    department: "Department",
    company: "Company",
    function: "Function",
    employee_type: "Employee type",
    cost_center: "Cost center",
  },
  rulesColumns: ["Kind", "Group", "Expression", "Users now"],
  ruleCopyLabel: (group: string) => `expression of ${group}`,
  noKinds: "This connector serves no groups made from an attribute.",
  noValues: "No user served now has a value for this kind.",
  exportRules: "Download all rules (JSON)",
  switchTitle: "Moving a kind from imported groups to Okta rules",
  switchSteps: [
    "Create the Okta rules above, each assigned to a new Okta group, and let Okta fill them; check their members.",
    "Point whatever used the imported groups (app assignments, policies) at the new Okta groups.",
    "Untick the kind under Groups in this connector's settings, then Preview the next run: its Groups section lists the groups that would be removed. Okta deletes those groups and their memberships at its next import.",
    "Sync when the preview shows only the groups you moved.",
  ],
  editSettings: "Connector settings",
  previewRun: "Preview a run",
};

export type GroupMessages = typeof groups;
