import type { GroupBudgetReport } from "../../lifecycle/group-budget.js";
import type { ChangedResource, GenerationChanges, ResourceType } from "../../directory/resource.js";
import { isServed, type PersonState } from "../../lifecycle/lifecycle-state.js";
import type { PersonHold, PlanCounts, StateTransition } from "../plan-types.js";
import { changeSetDigest } from "./change-digest.js";
import { fieldChanges, memberChanges, type Body } from "./field-changes.js";
import type { GroupChange, GroupPreview, PersonChange, PersonPreview, PreviewReport } from "./preview-types.js";

/** A person's standing after the run: the plan's decision, or what the last run stored when the plan left it. */
export interface PersonStanding {
  readonly sourceKey: string;
  readonly state: PersonState;
  readonly reason: string;
}

export interface PreviewInput {
  readonly connectorId: string;
  readonly createdAt: string;
  readonly baseGen: number;
  readonly counts: PlanCounts;
  /** What committing the plan would change: created resources with their bodies, updated ones with both. */
  readonly changes: GenerationChanges;
  readonly transitions: readonly StateTransition[];
  /** By SCIM id, for everyone in `changes` or `transitions`. */
  readonly standing: ReadonlyMap<string, PersonStanding>;
  /** Bodies served now of the resources listed by {@link servedBodiesNeeded}, keyed "Type:scimId". */
  readonly servedBodies: ReadonlyMap<string, string>;
  readonly holds: readonly PersonHold[];
  readonly brakeReason: string | null;
  readonly groupBudget: GroupBudgetReport;
}

const PERSON_ORDER: readonly PersonChange[] = [
  "appears",
  "reactivates",
  "changes",
  "deactivates",
  "disappears",
  "lifecycle",
];
const GROUP_ORDER: readonly GroupChange[] = ["created", "changes", "removed"];

export const bodyKey = (type: ResourceType, scimId: string) => `${type}:${scimId}`;

/** Bodies the report needs that the directory's diff does not carry: removed resources, and people whose state changes without a resource change. */
export function servedBodiesNeeded(
  changes: GenerationChanges,
  transitions: readonly StateTransition[],
): { type: ResourceType; scimId: string }[] {
  const changedUsers = new Set(
    [...changes.created, ...changes.updated, ...changes.removed]
      .filter((change) => change.type === "User")
      .map((change) => change.scimId),
  );
  return [
    ...changes.removed.map(({ type, scimId }) => ({ type, scimId })),
    ...transitions
      .filter((transition) => !changedUsers.has(transition.scimId))
      .map((transition) => ({ type: "User" as const, scimId: transition.scimId })),
  ];
}

/** The report of a preview, from the plan's lifecycle decisions and the directory's diff; no I/O. */
export function buildPreviewReport(input: PreviewInput): PreviewReport {
  const { changes } = input;
  const transitionOf = new Map(input.transitions.map((transition) => [transition.scimId, transition]));
  const served = (type: ResourceType, scimId: string): Body | null =>
    parsed(input.servedBodies.get(bodyKey(type, scimId)) ?? null);
  const people: PersonPreview[] = [];
  const groups: GroupPreview[] = [];
  const reported = new Set<string>();

  const visit = (change: ChangedResource, kind: "created" | "updated" | "removed") => {
    const before =
      kind === "created" ? null : kind === "updated" ? parsed(change.before) : served(change.type, change.scimId);
    const after = kind === "removed" ? null : parsed(change.after);
    if (change.type === "Group") {
      groups.push(groupPreview(kind === "updated" ? "changes" : kind, change.scimId, before, after));
      return;
    }
    reported.add(change.scimId);
    const shown = (after ?? before)!;
    const transition = transitionOf.get(change.scimId);
    people.push({
      change: personChange(kind, before, after),
      scimId: kind === "created" ? null : change.scimId,
      externalId: text(shown.externalId) ?? input.standing.get(change.scimId)?.sourceKey ?? change.scimId,
      userName: text(shown.userName),
      displayName: text(shown.displayName),
      state: transition ? { from: transition.from, to: transition.to } : null,
      reason: transition?.reason ?? input.standing.get(change.scimId)?.reason ?? null,
      fields: fieldChanges(before, after),
    });
  };
  for (const change of changes.created) visit(change, "created");
  for (const change of changes.updated) visit(change, "updated");
  for (const change of changes.removed) visit(change, "removed");

  for (const transition of input.transitions) {
    if (reported.has(transition.scimId)) continue;
    // Okta sees no change; whether the person is shown by name depends on whether Okta sees them at all.
    const body = served("User", transition.scimId);
    const standing = input.standing.get(transition.scimId);
    const seen = body !== null || isServed(transition.to);
    people.push({
      change: "lifecycle",
      scimId: body ? transition.scimId : null,
      externalId: text(body?.externalId) ?? standing?.sourceKey ?? transition.scimId,
      userName: text(body?.userName),
      displayName: text(body?.displayName),
      state: { from: transition.from, to: transition.to },
      reason: seen ? transition.reason : null,
      fields: [],
    });
  }

  const byPerson = (a: PersonPreview, b: PersonPreview) =>
    PERSON_ORDER.indexOf(a.change) - PERSON_ORDER.indexOf(b.change) ||
    compareText(a.displayName ?? a.externalId, b.displayName ?? b.externalId);
  const byGroup = (a: GroupPreview, b: GroupPreview) =>
    GROUP_ORDER.indexOf(a.change) - GROUP_ORDER.indexOf(b.change) || compareText(a.displayName, b.displayName);
  people.sort(byPerson);
  groups.sort(byGroup);
  const count = (change: PersonChange) => people.filter((person) => person.change === change).length;
  const countGroups = (change: GroupChange) => groups.filter((group) => group.change === change).length;
  return {
    connectorId: input.connectorId,
    createdAt: input.createdAt,
    baseGen: input.baseGen,
    summary: {
      ...input.counts,
      appears: count("appears"),
      changes: count("changes"),
      deactivates: count("deactivates"),
      reactivates: count("reactivates"),
      disappears: count("disappears"),
      lifecycleOnly: count("lifecycle"),
      groupsCreated: countGroups("created"),
      groupsChanged: countGroups("changes"),
      groupsRemoved: countGroups("removed"),
      created: changes.created.length,
      updated: changes.updated.length,
      removed: changes.removed.length,
      held: input.holds.length,
    },
    people,
    groups,
    held: input.holds,
    brakeReason: input.brakeReason,
    groupBudget: input.groupBudget,
    digest: changeSetDigest(changes),
  };
}

function personChange(kind: "created" | "updated" | "removed", before: Body | null, after: Body | null): PersonChange {
  if (kind === "created") return "appears";
  if (kind === "removed") return "disappears";
  if (before?.active === true && after?.active === false) return "deactivates";
  if (before?.active === false && after?.active === true) return "reactivates";
  return "changes";
}

function groupPreview(change: GroupChange, scimId: string, before: Body | null, after: Body | null): GroupPreview {
  const members = memberChanges(before, after);
  return {
    change,
    scimId: change === "created" ? null : scimId,
    displayName: text((after ?? before)?.displayName) ?? scimId,
    membersAdded: members.added.sort(compareText),
    membersRemoved: members.removed.sort(compareText),
    fields: change === "changes" ? fieldChanges(before, after, "Group") : [],
  };
}

function parsed(body: string | null): Body | null {
  return body === null ? null : (JSON.parse(body) as Body);
}

function text(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

function compareText(a: string, b: string): number {
  return a.localeCompare(b, "nl");
}
