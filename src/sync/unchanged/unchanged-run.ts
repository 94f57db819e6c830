import type { Clock } from "../../clock.js";
import type { ConnectorSettings } from "../../config/types.js";
import type { Sqlite } from "../../db/open.js";
import { currentGeneration } from "../../directory/read-generation.js";
import type { IsoDate } from "../../sources/types.js";
import { purgeExpired } from "../apply-plan.js";
import { excludedScimIds } from "../exclusions/exclusion-store.js";
import { readGeneratedLogins } from "../generated-login-store.js";
import { countPendingHolds, readHoldVerdicts } from "../holds/person-holds.js";
import { readSourceKeyKind } from "../people-store.js";
import { recordChangeDigest } from "../preview/run-digest.js";
import { finishRun, readRun, runHeadlines, type RunStats, servedCounters } from "../run-store.js";
import { budgetWarning, summary } from "../run-summary.js";
import { companyDigest, planFingerprint } from "./read-digest.js";
import { readStoredDigests } from "./read-digest-store.js";

/**
 * The digest of every company a run read (company number → digest): its records (read-digest.ts
 * companyRecordsHash) together with the plan's basis as the database holds it now: the connector's settings,
 * today, and the admins' decisions the planner reads.
 */
export function digestsOfRead(
  sqlite: Sqlite,
  settings: ConnectorSettings,
  today: IsoDate,
  records: ReadonlyMap<string, string>,
): Map<string, string> {
  const verdicts = readHoldVerdicts(sqlite, settings.id);
  const logins = readGeneratedLogins(sqlite, settings.id);
  const fingerprint = planFingerprint({
    settings,
    today,
    keyKind: readSourceKeyKind(sqlite, settings.id),
    decisions: {
      approved: sorted(verdicts.approved),
      brakeApproved: sorted(verdicts.brakeApproved),
      brakeOpen: sorted(verdicts.brakeOpen),
      excluded: sorted(excludedScimIds(sqlite, settings.id)),
      logins: sorted([...logins.byPerson].map(([scimId, userName]) => `${scimId} ${userName}`)),
      taken: sorted(logins.taken),
    },
  });
  return new Map([...records].map(([company, hash]) => [company, companyDigest(fingerprint, hash)]));
}

/**
 * The run whose apply stored exactly these digests (the same companies, each with the same digest), or null. Its
 * plan was made from the same records and basis, so planning again would plan what is served now (docs/decisions.md,
 * "A run that finds nothing changed").
 */
function unchangedSince(sqlite: Sqlite, connectorId: string, digests: ReadonlyMap<string, string>): number | null {
  const stored = readStoredDigests(sqlite, connectorId);
  if (!stored || stored.byCompany.size !== digests.size) return null;
  for (const [company, digest] of digests) if (stored.byCompany.get(company) !== digest) return null;
  return stored.runId;
}

/**
 * When the run read exactly what an earlier run planned from (the same records, settings, today and decisions),
 * records it and returns its outcome; otherwise null, and the run plans. Planning again would plan what is served
 * now, so nothing is planned or written but the run record and the purges by age. Its counters are those of that
 * run's plan, with nothing created, updated or removed. Decided inside the write transaction, so no other apply can
 * come between the comparison and the record.
 */
export function recordIfUnchanged(
  context: { readonly sqlite: Sqlite; readonly clock: Clock },
  settings: ConnectorSettings,
  runId: number,
  digests: ReadonlyMap<string, string>,
  readStats: RunStats,
): { stats: RunStats; message: string; holds: { pending: number; added: number } } | null {
  const { sqlite } = context;
  const connectorId = settings.id;
  const now = context.clock();
  return sqlite
    .transaction(() => {
      // A held run waits for a decision about what is served: only a full run may supersede it.
      if (runHeadlines(sqlite, connectorId).heldRun) return null;
      const since = unchangedSince(sqlite, connectorId, digests);
      if (since === null) return null;
      const gen = currentGeneration(sqlite, connectorId);
      purgeExpired(
        sqlite,
        { connectorId, historyDays: settings.historyDays, retentionDays: settings.retentionDays },
        now,
      );
      // A preview compared with this run finds the empty change set a full run would have applied.
      recordChangeDigest(sqlite, connectorId, runId, gen, { gen, created: [], updated: [], removed: [] });
      const pending = countPendingHolds(sqlite, connectorId);
      const stats: RunStats = {
        ...readStats,
        ...servedStatsOf(readRun(sqlite, since)?.stats ?? null),
        created: 0,
        updated: 0,
        removed: 0,
        held: pending,
        unchangedSince: since,
      };
      const message =
        `${summary(stats)}; nothing changed since run ${since}, so nothing was planned` +
        (pending > 0 ? `; ${pending} held for approval` : "") +
        (stats.groupBudget ? budgetWarning(stats.groupBudget) : "");
      finishRun(sqlite, runId, {
        status: "succeeded",
        finishedAt: context.clock().toISOString(),
        baseGen: gen,
        appliedGen: gen,
        stats,
      });
      return { stats, message, holds: { pending, added: 0 } };
    })
    .immediate();
}

/** What a plan serves, from a run's counters: the same plan serves the same (no login is given twice). */
function servedStatsOf(stats: RunStats | null): Partial<RunStats> {
  if (!stats) return {};
  const { loginsSuggested, groupBudget } = stats;
  return {
    ...servedCounters(stats),
    ...(loginsSuggested === undefined ? {} : { loginsGiven: 0, loginsSuggested }),
    ...(groupBudget ? { groupBudget } : {}),
  };
}

function sorted(values: Iterable<string>): string[] {
  return [...values].sort();
}
