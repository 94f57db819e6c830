import type { ConnectorConfig, ConnectorKind } from "../../config/types.js";
import { todayIn } from "../../lifecycle/calendar.js";
import { holdDecision } from "../../lifecycle/hold-policy.js";
import type { HrSource } from "../../sources/types.js";
import { previewChanges } from "../holds/held-plan.js";
import type { MatchedBy } from "./match.js";
import { userTypeRenames, type UserTypeRename } from "./user-types.js";
import { readSourceKeyKind } from "../people-store.js";
import type { AffectedPerson } from "../plan-types.js";
import { readSource } from "../read-source.js";
import { planRun, type SyncContext } from "../run-sync.js";
import { SyncError } from "../sync-error.js";

/** What a failed dry run's message starts with ("dry run: …"). */
export const DRY_RUN_LABEL = "dry run";

/** What switching a connector to another Nmbrs API would do, computed without changing anything. */
export interface ApiSwitchReport {
  readonly connectorId: string;
  /** The API whose keys the people carry now, and the API read for the report. */
  readonly from: string;
  readonly to: string;
  /** People the other API lists, and people Okta sees now. */
  readonly listed: number;
  readonly servedBefore: number;
  readonly matched: number;
  readonly matchedBy: Readonly<Record<MatchedBy, number>>;
  readonly unmatchedServed: readonly AffectedPerson[];
  readonly newServed: readonly AffectedPerson[];
  readonly withoutBirthDateHash: number;
  /** What Okta's next import would see, users only. */
  readonly okta: { readonly created: number; readonly updated: number; readonly removed: number };
  /** Employee types whose name (`userType`, and the employee-type group) the switch would change; none expected. */
  readonly userTypeRenames: readonly UserTypeRename[];
  /** Null when the switch would be applied at once; else why the run would wait for approval. */
  readonly holdReason: string | null;
}

/**
 * The API a dry run reads: the connector's own kind when it was switched and the switch is not applied yet, else
 * the other Nmbrs API whose settings the connector also has (REST before the move, SOAP to check a rollback).
 */
export function apiSwitchTarget(connector: ConnectorConfig, keyKind: string | null): ConnectorKind | null {
  const { kind } = connector.settings;
  if (keyKind !== null && keyKind !== kind) return kind;
  if (kind === "nmbrs-soap" && connector.nmbrsRest) return "nmbrs-rest";
  if (kind === "nmbrs-rest" && connector.nmbrs) return "nmbrs-soap";
  return null;
}

/**
 * Reads the whole source through the other API and plans the run a switch would make, with the same matching; the
 * directory's answer to "what would change" comes from a commit that is rolled back. Nothing is recorded.
 */
export async function dryRunApiSwitch(
  context: SyncContext,
  connector: ConnectorConfig,
  openSource: (connector: ConnectorConfig) => HrSource,
  signal?: AbortSignal,
): Promise<ApiSwitchReport> {
  const { sqlite, clock } = context;
  const connectorId = connector.settings.id;
  const keyKind = readSourceKeyKind(sqlite, connectorId);
  const target = apiSwitchTarget(connector, keyKind);
  if (!target) {
    throw new SyncError(
      `connector ${connectorId} has settings for one Nmbrs API only: add the REST settings ([connectors.nmbrs_rest] in config.toml, or the REST fields of the connector form) before a dry run`,
      { connectorId, needsAttention: true },
    );
  }
  const switched: ConnectorConfig = { ...connector, settings: { ...connector.settings, kind: target } };
  const now = clock();
  const persons = await readSource(openSource(switched), switched, {
    today: todayIn(switched.settings.timezone, now),
    ...(signal ? { signal } : {}),
  });
  const { plan, apiSwitch } = planRun(context, switched, persons, now);
  const changes = previewChanges(sqlite, connectorId, plan.desired(), now);
  const users = (list: readonly { type: string }[]) => list.filter((change) => change.type === "User").length;
  const hold = apiSwitch?.hold.hold
    ? apiSwitch.hold
    : holdDecision({
        servedBefore: plan.counts.servedBefore,
        activeBefore: plan.counts.activeBefore,
        activeAfter: plan.counts.active,
        deactivatedOrRemoved: plan.affected.length,
        maxDeactivationPercent: connector.settings.maxDeactivationPercent,
      });
  return {
    connectorId,
    from: keyKind ?? target,
    to: target,
    listed: plan.counts.listed,
    servedBefore: plan.counts.servedBefore,
    matched: apiSwitch ? Object.values(apiSwitch.matchedBy).reduce((sum, count) => sum + count, 0) : 0,
    matchedBy: apiSwitch?.matchedBy ?? { "birth date": 0, "e-mail": 0, "e-mail only": 0 },
    unmatchedServed: apiSwitch?.unmatchedServed ?? [],
    newServed: apiSwitch?.newServed ?? [],
    withoutBirthDateHash: apiSwitch?.withoutBirthDateHash ?? 0,
    okta: { created: users(changes.created), updated: users(changes.updated), removed: users(changes.removed) },
    userTypeRenames: userTypeRenames(changes.updated),
    holdReason: hold.hold ? hold.reason : null,
  };
}
