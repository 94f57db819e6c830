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
import { readStoredDigests, replaceRawDigests, type DigestKind, type StoredDigests } from "./read-digest-store.js";

/** The plan's basis (read-digest.ts planFingerprint) as the database holds it now. */
export function planFingerprintOf(sqlite: Sqlite, settings: ConnectorSettings, today: IsoDate): string {
  const verdicts = readHoldVerdicts(sqlite, settings.id);
  const logins = readGeneratedLogins(sqlite, settings.id);
  return planFingerprint({
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
}

/**
 * Each company's hash (of its records, read-digest.ts companyRecordsHash, or of its raw answers, sources/raw-digest.ts)
 * combined with the plan's basis: the digests as stored and compared.
 */
export function withBasis(fingerprint: string, hashes: ReadonlyMap<string, string>): Map<string, string> {
  return new Map([...hashes].map(([company, hash]) => [company, companyDigest(fingerprint, hash)]));
}

/** What a run read, as hashes by company number, before the plan's basis is added. */
export interface ReadHashes {
  /** Of each company's records (read-digest.ts companyRecordsHash); none when every company was skipped unparsed. */
  readonly records: ReadonlyMap<string, string>;
  /** Of each company's raw answers, for the companies whose source hashed them (sources/raw-digest.ts). */
  readonly raw: ReadonlyMap<string, string>;
  /** Which are compared with the stored ones: the records, or the raw answers (every company skipped unparsed). */
  readonly by: DigestKind;
}

/**
 * The run whose apply stored exactly these digests (the same companies, each with the same digest), or null. Its
 * plan was made from the same records and basis, so planning again would plan what is served now (docs/decisions.md,
 * "A run that finds nothing changed").
 */
function unchangedSince(
  stored: StoredDigests | null,
  digests: ReadonlyMap<string, string>,
  by: DigestKind,
): number | null {
  const byCompany = by === "raw" ? stored?.rawByCompany : stored?.byCompany;
  if (!stored || !byCompany || byCompany.size !== digests.size) return null;
  for (const [company, digest] of digests) if (byCompany.get(company) !== digest) return null;
  return stored.runId;
}

/**
 * When the run read exactly what an earlier run planned from (the same records or raw answers, settings, today and
 * decisions), records it and returns its outcome; otherwise null, and the run plans. Planning again would plan what is
 * served now, so nothing is planned or written but the run record and the purges by age. Its counters are those of
 * that run's plan, with nothing created, updated or removed. Decided inside the write transaction, with the decisions
 * as they are then, so no other apply or decision can come between the comparison and the record.
 */
export function recordIfUnchanged(
  context: { readonly sqlite: Sqlite; readonly clock: Clock },
  settings: ConnectorSettings,
  runId: number,
  today: IsoDate,
  read: ReadHashes,
  readStats: RunStats,
): { stats: RunStats; message: string; holds: { pending: number; added: number } } | null {
  const { sqlite } = context;
  const connectorId = settings.id;
  const now = context.clock();
  return sqlite
    .transaction(() => {
      // A held run waits for a decision about what is served: only a full run may supersede it.
      if (runHeadlines(sqlite, connectorId).heldRun) return null;
      const fingerprint = planFingerprintOf(sqlite, settings, today);
      const digests = withBasis(fingerprint, read.by === "raw" ? read.raw : read.records);
      const since = unchangedSince(readStoredDigests(sqlite, connectorId), digests, read.by);
      if (since === null) return null;
      // Answers that changed into the same records: their digests are kept, so the next run skips their parse too.
      if (read.by === "records" && read.raw.size === read.records.size)
        replaceRawDigests(sqlite, connectorId, withBasis(fingerprint, read.raw));
      const gen = currentGeneration(sqlite, connectorId);
      purgeExpired(
        sqlite,
        { connectorId, historyDays: settings.historyDays, retentionDays: settings.retentionDays },
        now,
      );
      // A preview compared with this run finds the empty change set a full run would have applied.
      recordChangeDigest(sqlite, connectorId, runId, gen, { gen, created: [], updated: [], removed: [] });
      const pending = countPendingHolds(sqlite, connectorId);
      const sinceStats = readRun(sqlite, since)?.stats ?? null;
      const stats: RunStats = {
        ...readStats,
        // Skipped unparsed, the people were not counted: the same answers hold the same people as that run read.
        ...(read.by === "raw" && sinceStats ? { employees: sinceStats.employees } : {}),
        ...servedStatsOf(sinceStats),
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
