import { formatCount } from "../../../views/format.js";

/** English: the Mapping page of a connector. */
export const mapping = {
  logins: {
    title: "Logins",
    userNameFrom: "Okta login from (identity.user_name_from)",
    generatedDomain: "Generated logins at (identity.generated_domain)",
    generatedFormat: "Format (identity.generated_format)",
    builtInFormat:
      "Built in: nickname (roepnaam), else first name, a dot, then prefix and last name; without diacritics, spaces, apostrophes or hyphens, in lower case (Zoë van der Berg → zoe.vanderberg)",
    generatedCount: "Logins generated so far (never given again)",
    notGenerated: 'Not used: "generated" is not in identity.user_name_from',
    excluded: (count: number) =>
      count === 1
        ? "1 person excluded from this connector's syncs"
        : `${count} people excluded from this connector's syncs`,
  },
  link: "Mapping",
  title: (name: string) => `Mapping of ${name}`,
  intro:
    "What Okta gets for each attribute. An expression in CEL (docs/mapping.md) replaces the built-in value; an empty field keeps it. Saved changes apply at the next sync.",
  fileNote:
    "Declared in config.toml: shown read-only here. Change [connectors.mapping], [connectors.scope] and [[connectors.groups.rules]] in the file and restart the gateway.",
  attributes: "Attributes",
  columns: { attribute: "Attribute", builtIn: "Built-in source", expression: "Expression" },
  custom: "Custom attributes",
  customHint:
    "Served in the hrgateway extension under their own name; add them in Okta's Profile Editor (the Okta setup page lists them).",
  customName: "Name",
  scope: "Scope",
  scopeLabel: "Served when",
  scopeHint:
    "A condition. People for whom it is false are not served at all, as if HR did not list them. Empty: everyone.",
  rules: "Group rules",
  rulesHint:
    "A group of everyone the condition is true for, served beside the HR groups. The name is the group's identity.",
  ruleName: "Group name",
  ruleWhen: "Member when",
  save: "Save mapping",
  savedTitle: "Mapping saved",
  saved: "The next sync applies it. See first what it would change for everyone:",
  notSaved: "Not saved: fix the expressions marked below. Nothing was changed.",
  valid: "Valid expression",
  problemAt: (problem: { message: string; line: number; column: number }) =>
    `${problem.message} (line ${problem.line}, column ${problem.column})`,
  alreadyMapped: "is already mapped above",
  tryIt: "Try it",
  tryHint:
    "Pick a person from the HR list: their values with the built-in mapping and with the expressions in this form. Nothing is saved.",
  tryPerson: "Employee number or name",
  tryButton: "Try",
  tryNobody: (query: string) => `Nobody in the HR list matches "${query}".`,
  tryMany: (count: number) =>
    `${formatCount(count, "en")} people match; shown is the first. Type an employee number to pick another.`,
  tryFixFirst: "Fix the expressions marked in the form first.",
  tryNoRecord: "The HR record of this person is not stored yet: run a sync first.",
  tryFailed: (error: string) => `The expressions fail for this person (the sync would hold them): ${error}`,
  tryOutOfScope: "Out of scope: this person would not be served.",
  tryColumns: { attribute: "Attribute", before: "Built-in", after: "With this mapping" },
  tryGroups: "Rule groups",
  tryNoGroups: "none",
  leftOut: "(left out)",
  customSource: "custom attribute",
};

export type MappingPageMessages = typeof mapping;
