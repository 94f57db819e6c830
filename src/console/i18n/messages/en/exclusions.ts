/** English: excluded people. */
export const exclusions = {
  title: "Excluded people",
  lead: "These people are frozen exactly as Okta sees them now: no change and no deactivation reaches Okta, whatever HR says, until they are included again. Their changes then apply at the next sync.",
  none: "Nobody is excluded.",
  allConnectors: "All connectors",
  connector: "Connector",
  person: "Person",
  since: "Since",
  by: "By",
  reason: "Reason",
  include: "Include again",
  exclude: "Exclude from sync",
  excludeHelp: "Freezes this person exactly as Okta sees them now (no changes, no deactivation) until included again.",
  excludedSince: (by: string) => `Excluded from sync by ${by}; Okta sees this person exactly as when excluded.`,
  reasonRequired: "Give a reason for the exclusion.",
  notChanged: "Nothing changed",
  listLink: "Excluded people",
};

export type ExclusionMessages = typeof exclusions;
