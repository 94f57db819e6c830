import { gunzipSync, gzipSync } from "node:zlib";
import type { Sqlite } from "../../db/open.js";
import { commitGeneration } from "../../directory/commit-generation.js";
import { currentGeneration, pageAfter } from "../../directory/read-generation.js";
import type { DesiredResource, GenerationChanges, ResourceType } from "../../directory/resource.js";
import { desiredResource } from "../desired-resource.js";
import { personRow, withoutMeta } from "../people-store.js";
import type { DirectoryPlan, GivenLogin, NewGroup, PeopleKeys, PersonRow, StateTransition } from "../plan-types.js";

/**
 * What a held run stores so that an admin can apply it later exactly as it was reviewed. Only the difference to
 * the generation it was computed against is kept (a mass deactivation of 10,000 users is 10,000 resources, not the
 * whole directory); approval refuses when that generation is no longer the one served.
 */
export interface HeldPlan {
  readonly baseGen: number;
  /** Resources created or changed, as they will be served. */
  readonly upserts: readonly {
    readonly type: ResourceType;
    readonly seq: number;
    readonly resource: Record<string, unknown>;
  }[];
  readonly removals: readonly { readonly type: ResourceType; readonly scimId: string }[];
  readonly people: readonly PersonRow[];
  readonly newGroups: readonly NewGroup[];
  readonly sequences: { readonly user: number; readonly group: number };
  readonly transitions: readonly StateTransition[];
  /** Absent in plans held before people keys were recorded. */
  readonly keys?: PeopleKeys;
  /** Generated logins the plan gives, stored when it is approved; absent in plans held before they existed. */
  readonly givenLogins?: readonly GivenLogin[];
}

/**
 * The held plan of `plan`: what committing it would change, computed by the directory itself inside a transaction
 * that is rolled back, so the stored difference is by construction the one an approval applies.
 */
export function heldPlanOf(
  sqlite: Sqlite,
  connectorId: string,
  plan: DirectoryPlan,
  keys: PeopleKeys,
  now: Date,
): HeldPlan {
  const baseGen = currentGeneration(sqlite, connectorId);
  const seqOf = new Map<string, number>();
  const desired = function* () {
    for (const resource of plan.desired()) {
      seqOf.set(`${resource.type}:${resource.scimId}`, resource.seq);
      yield resource;
    }
  };
  const changes = previewChanges(sqlite, connectorId, desired(), now);
  return {
    baseGen,
    upserts: [...changes.created, ...changes.updated].map((change) => ({
      type: change.type,
      seq: seqOf.get(`${change.type}:${change.scimId}`)!,
      resource: withoutMeta(change.after!),
    })),
    removals: changes.removed.map((change) => ({ type: change.type, scimId: change.scimId })),
    people: Array.from(plan.people(), personRow),
    newGroups: plan.newGroups,
    sequences: plan.sequences,
    transitions: [...plan.transitions()],
    keys,
    givenLogins: plan.logins.given,
  };
}

class DryRun extends Error {
  constructor(readonly changes: GenerationChanges) {
    super("dry run");
  }
}

/** What committing `desired` would change, worked out by the directory in a transaction that is rolled back. */
export function previewChanges(
  sqlite: Sqlite,
  connectorId: string,
  desired: Iterable<DesiredResource>,
  now: Date,
): GenerationChanges {
  try {
    sqlite
      .transaction(() => {
        throw new DryRun(commitGeneration(sqlite, connectorId, desired, now, { createdBodies: true }));
      })
      .immediate();
  } catch (error) {
    if (error instanceof DryRun) return error.changes;
    throw error;
  }
  throw new Error("unreachable: the dry run always rolls back");
}

export function encodeHeldPlan(plan: HeldPlan): Buffer {
  return gzipSync(JSON.stringify(plan));
}

export function decodeHeldPlan(blob: Buffer): HeldPlan {
  return JSON.parse(gunzipSync(blob).toString("utf8")) as HeldPlan;
}

/** The complete desired set of a held plan: what generation `baseGen` serves, with the plan's difference applied. */
export function desiredAfter(sqlite: Sqlite, connectorId: string, plan: HeldPlan): DesiredResource[] {
  const replaced = new Set([
    ...plan.upserts.map((item) => `${item.type}:${item.resource.id}`),
    ...plan.removals.map((item) => `${item.type}:${item.scimId}`),
  ]);
  const desired: DesiredResource[] = [];
  for (const type of ["User", "Group"] as const) {
    for (const row of pageAfter(sqlite, connectorId, type, plan.baseGen, 0, Number.MAX_SAFE_INTEGER)) {
      if (!replaced.has(`${type}:${row.scimId}`))
        desired.push(desiredResource(type, row.seq, withoutMeta(row.body.toString("utf8"))));
    }
  }
  for (const item of plan.upserts) desired.push(desiredResource(item.type, item.seq, item.resource));
  return desired;
}
