/**
 * How large the groups Okta imports are, against a budget. Okta reads `/Groups` only in pages of 100 with each
 * group's members inline, waits at most 60 s for a page and moves on by 100 whatever it got (docs/groups.md): a
 * page the gateway cannot serve in time is a page of groups Okta skips. The gateway never shortens or trims a page
 * to fit; it warns, naming the groups, so the admin can move them to Okta group rules.
 */

/** Okta's fixed `/Groups` page size (Okta's SCIM documentation). */
export const OKTA_GROUP_PAGE = 100;

export interface GroupBudget {
  /** Members a single group may have before it is reported. */
  readonly maxMembers: number;
  /** Bytes one `/Groups` page of 100 may take before it is reported. */
  readonly maxPageBytes: number;
}

/** Documented defaults (docs/groups.md): what connectors get when `[connectors.groups]` sets neither. */
export const DEFAULT_GROUP_BUDGET: GroupBudget = { maxMembers: 10_000, maxPageBytes: 5 * 1024 * 1024 };

/** A group as served, measured: its name, member count and served size in bytes (meta estimated, see below). */
export interface GroupSize {
  readonly displayName: string;
  readonly members: number;
  readonly bytes: number;
}

export interface GroupOverBudget {
  readonly displayName: string;
  readonly members: number;
}

export interface PageOverBudget {
  /** The page's startIndex as Okta asks for it (1, 101, 201, …). */
  readonly startIndex: number;
  readonly bytes: number;
  /** The page's largest groups, largest first (at most three): the ones to move to Okta rules first. */
  readonly largest: readonly string[];
}

/** What a plan's groups come to against the connector's budget. */
export interface GroupBudgetReport {
  readonly budget: GroupBudget;
  readonly largestGroupMembers: number;
  readonly largestPageBytes: number;
  readonly groupsOver: readonly GroupOverBudget[];
  readonly pagesOver: readonly PageOverBudget[];
}

/**
 * Bytes of what a group's JSON holds besides its name and members: the schema URN, id, and `meta` with its
 * timestamps, version and location. The location's base URL is not known to a plan; this allows 60 bytes for it.
 */
const GROUP_FRAME_BYTES = 320;

/** A member entry as served: `{"value":"<id>","display":<name as JSON>}` and the comma before the next. */
export function memberEntryBytes(scimId: string, displayName: string): number {
  return 24 + Buffer.byteLength(scimId) + Buffer.byteLength(JSON.stringify(displayName));
}

/** A served group's size from its name and the summed {@link memberEntryBytes} of its members. */
export function groupBytes(displayName: string, memberBytes: number): number {
  return GROUP_FRAME_BYTES + Buffer.byteLength(JSON.stringify(displayName)) + memberBytes;
}

/** Checks groups, given in list order (the order Okta pages them), against a budget. */
export function checkGroupBudget(groups: readonly GroupSize[], budget: GroupBudget): GroupBudgetReport {
  const groupsOver = groups
    .filter((group) => group.members > budget.maxMembers)
    .map(({ displayName, members }) => ({ displayName, members }))
    .sort((a, b) => b.members - a.members);
  const pagesOver: PageOverBudget[] = [];
  let largestPageBytes = 0;
  for (let start = 0; start < groups.length; start += OKTA_GROUP_PAGE) {
    const page = groups.slice(start, start + OKTA_GROUP_PAGE);
    const bytes = page.reduce((sum, group) => sum + group.bytes, 0);
    largestPageBytes = Math.max(largestPageBytes, bytes);
    if (bytes <= budget.maxPageBytes) continue;
    const largest = [...page]
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, 3)
      .map((group) => group.displayName);
    pagesOver.push({ startIndex: start + 1, bytes, largest });
  }
  return {
    budget,
    largestGroupMembers: groups.reduce((max, group) => Math.max(max, group.members), 0),
    largestPageBytes,
    groupsOver,
    pagesOver,
  };
}

/** Whether a report has anything to warn about. */
export function overBudget(report: GroupBudgetReport): boolean {
  return report.groupsOver.length > 0 || report.pagesOver.length > 0;
}
