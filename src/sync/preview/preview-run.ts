import type { ConnectorConfig } from "../../config/types.js";
import type { Sqlite } from "../../db/open.js";
import { currentById, currentGeneration } from "../../directory/read-generation.js";
import { todayIn } from "../../lifecycle/calendar.js";
import type { HrSource } from "../../sources/types.js";
import { previewChanges } from "../holds/held-plan.js";
import type { DirectoryPlan } from "../plan-types.js";
import { storedStanding } from "../people-store.js";
import { readSource } from "../read-source.js";
import { planRun, type SyncContext } from "../run-sync.js";
import { bodyKey, buildPreviewReport, servedBodiesNeeded, type PersonStanding } from "./preview-report.js";
import type { PreviewReport } from "./preview-types.js";

/**
 * A whole-run preview: the real read of every company, the real plan (mapping, lifecycle, identity, groups, the
 * re-keying of a switched API) and the directory's own diff in a transaction that is rolled back. Nothing Okta sees
 * changes and nothing is recorded here; storing the report is the caller's (preview-store.ts).
 */
export async function previewRun(
  context: SyncContext,
  connector: ConnectorConfig,
  source: HrSource,
  signal?: AbortSignal,
): Promise<PreviewReport> {
  const { sqlite, clock } = context;
  const connectorId = connector.settings.id;
  const now = clock();
  const persons = await readSource(source, connector, {
    today: todayIn(connector.settings.timezone, now),
    ...(signal ? { signal } : {}),
  });
  // One transaction around the plan, the diff and the lookups: a run committing meanwhile cannot mix two generations.
  return sqlite
    .transaction(() => {
      const baseGen = currentGeneration(sqlite, connectorId);
      // planRun applies the brake and the person holds exactly as the run will: the changes are what would apply.
      const { plan, brake } = planRun(context, connector, persons, now);
      const changes = previewChanges(sqlite, connectorId, plan.desired(), now);
      const transitions = [...plan.transitions()];
      const servedBodies = new Map<string, string>();
      for (const { type, scimId } of servedBodiesNeeded(changes, transitions)) {
        const row = currentById(sqlite, connectorId, type, scimId);
        if (row) servedBodies.set(bodyKey(type, scimId), row.body);
      }
      const users = [...changes.created, ...changes.updated, ...changes.removed]
        .filter((change) => change.type === "User")
        .map((change) => change.scimId);
      return buildPreviewReport({
        connectorId,
        createdAt: now.toISOString(),
        baseGen,
        counts: plan.counts,
        changes,
        transitions,
        standing: standingOf(sqlite, connectorId, plan, [
          ...users,
          ...transitions.map((transition) => transition.scimId),
        ]),
        servedBodies,
        holds: plan.holds,
        brakeReason: brake.reason,
        groupBudget: plan.groupBudget,
      });
      // IMMEDIATE, like the dry run inside it: the write lock is taken before the first read (see run-sync.ts).
    })
    .immediate();
}

/** Each person's state and reason after the run: the plan's decision where it made one, else the stored one. */
function standingOf(
  sqlite: Sqlite,
  connectorId: string,
  plan: DirectoryPlan,
  scimIds: readonly string[],
): Map<string, PersonStanding> {
  const standing = new Map<string, PersonStanding>();
  for (const person of plan.people())
    standing.set(person.scimId, { sourceKey: person.sourceKey, state: person.state, reason: person.stateReason });
  const stored = storedStanding(sqlite, connectorId);
  for (const scimId of scimIds) {
    if (standing.has(scimId)) continue;
    const row = stored(scimId) as PersonStanding | undefined;
    if (row) standing.set(scimId, row);
  }
  return standing;
}
