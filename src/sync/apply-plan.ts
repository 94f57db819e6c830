import type { Sqlite } from "../db/open.js";
import { commitGeneration } from "../directory/commit-generation.js";
import type { DesiredResource, GenerationChanges } from "../directory/resource.js";
import { historyRows, purgeHistory, writeHistory } from "./history.js";
import {
  purgeRemovedPeople,
  PeopleWrites,
  rekeyPeople,
  writeNewGroups,
  writeSequences,
  writeSourceKeyKind,
} from "./people-store.js";
import type { NewGroup, PeopleKeys, PersonRow, StateTransition } from "./plan-types.js";
import { supersedeHeldRuns } from "./run-store.js";
import { forgetStoredDigests } from "./unchanged/read-digest-store.js";

/** The parts of a plan that are written: the same for a run applied at once and for a held run approved later. */
export interface ApplicablePlan {
  /**
   * The complete set of resources to serve, in the order they are committed, while the people's rows go to `people`:
   * each as the iteration goes (a run's plan writes a person's row right after their user, DirectoryPlan.handOver),
   * all of them by its end.
   */
  readonly resources: (people: PeopleWrites) => Iterable<DesiredResource>;
  readonly newGroups: Iterable<NewGroup>;
  readonly sequences: { readonly user: number; readonly group: number };
  readonly transitions: Iterable<StateTransition>;
  /** The kind whose keys the people rows carry, and who moves to them (absent in plans held by older versions). */
  readonly keys?: PeopleKeys;
}

export interface Applied {
  readonly changes: GenerationChanges;
  readonly historyRows: number;
}

/** Where a plan applies, and how long the connector keeps history and removed people's records. */
export interface ApplyTarget {
  readonly connectorId: string;
  readonly runId: number;
  readonly historyDays: number;
  readonly retentionDays: number;
}

/**
 * Writes a plan: the new generation, people, group ids, sequences and history, and supersedes any held run
 * (its plan was computed against what is served now). Call inside a transaction, with the run's own record
 * update, so that a crash leaves either all of it or none of it. The read digests of the last applied run are
 * dropped: they described what was served before this plan (a run that read them stores its own after this).
 */
export function applyPlan(sqlite: Sqlite, target: ApplyTarget, plan: ApplicablePlan, now: Date): Applied {
  if (!sqlite.inTransaction) throw new Error("applyPlan must run inside a transaction");
  const { connectorId, runId } = target;
  const at = now.toISOString();
  // People move to their new keys before any of their rows is written.
  if (plan.keys) rekeyPeople(sqlite, connectorId, plan.keys.rekeys);
  const people = new PeopleWrites(sqlite, connectorId, at);
  const changes = commitGeneration(sqlite, connectorId, plan.resources(people), now);
  people.finish();
  if (plan.keys) writeSourceKeyKind(sqlite, connectorId, plan.keys.kind);
  writeNewGroups(sqlite, connectorId, plan.newGroups, at);
  writeSequences(sqlite, connectorId, plan.sequences);
  const rows = writeHistory(sqlite, connectorId, runId, historyRows(plan.transitions, changes.updated), at);
  purgeExpired(sqlite, target, now);
  supersedeHeldRuns(sqlite, connectorId, runId, at);
  forgetStoredDigests(sqlite, connectorId);
  return { changes, historyRows: rows };
}

/** {@link ApplicablePlan.resources} of a plan whose resources and rows are at hand (a held plan): the rows last. */
export function resourcesThenRows(
  desired: Iterable<DesiredResource>,
  rows: Iterable<PersonRow>,
): ApplicablePlan["resources"] {
  return function* (people) {
    yield* desired;
    for (const row of rows) people.write(row);
  };
}

/**
 * Data minimisation by age: history older than `historyDays`, and the records of people removed more than
 * `retentionDays` ago. Every applied run does it, a run that found nothing changed too (time passes all the same).
 */
export function purgeExpired(sqlite: Sqlite, target: Omit<ApplyTarget, "runId">, now: Date): void {
  const { connectorId } = target;
  purgeHistory(sqlite, connectorId, new Date(now.getTime() - target.historyDays * 86_400_000).toISOString());
  purgeRemovedPeople(sqlite, connectorId, new Date(now.getTime() - target.retentionDays * 86_400_000).toISOString());
}
