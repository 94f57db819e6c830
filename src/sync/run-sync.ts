import type { Clock } from "../clock.js";
import type { ConnectorConfig } from "../config/types.js";
import type { Sqlite } from "../db/open.js";
import { currentGeneration } from "../directory/read-generation.js";
import { todayIn } from "../lifecycle/calendar.js";
import { brakeSlice, renameDecision, type Brake } from "../lifecycle/hold-policy.js";
import { isServed } from "../lifecycle/lifecycle-state.js";
import { chooseUserName } from "../lifecycle/identity.js";
import type { HrPerson, HrSource, SourceProgress } from "../sources/types.js";
import { applyPlan } from "./apply-plan.js";
import { planDirectory } from "./directory-plan.js";
import { excludedScimIds } from "./exclusions/exclusion-store.js";
import { encodeHeldPlan, heldPlanOf } from "./holds/held-plan.js";
import { readGeneratedLogins, recordGeneratedLogins } from "./generated-login-store.js";
import { birthDateHasher, NO_BIRTH_DATE_HASH } from "./birth-date-hash.js";
import { matchPeople, rekeyedKnown } from "./api-switch/match.js";
import { apiSwitchPlan, type ApiSwitchPlan } from "./api-switch/switch-plan.js";
import {
  lastPersonReader,
  readKnownGroups,
  readKnownPeople,
  readSequences,
  readSourceKeyKind,
  servedUserReader,
} from "./people-store.js";
import { countPendingHolds, readHoldVerdicts, replaceHolds, type HoldVerdicts } from "./holds/person-holds.js";
import type { DirectoryPlan, KnownPerson, PeopleKeys } from "./plan-types.js";
import { replaceProblems } from "./problems.js";
import { recordChangeDigest } from "./preview/run-digest.js";
import { readSource } from "./read-source.js";
import { finishRun, startRun, supersedeHeldRuns, type RunStats, type RunTrigger, servedCounters } from "./run-store.js";
import { budgetWarning, summary } from "./run-summary.js";
import { toSyncError, type SyncError } from "./sync-error.js";
import { companyRecordsHash, rawAnswersKey } from "./unchanged/read-digest.js";
import { replaceStoredDigests } from "./unchanged/read-digest-store.js";
import { type RawReads, rawReadsOf } from "./unchanged/raw-reads.js";
import { planFingerprintOf, recordIfUnchanged, withBasis } from "./unchanged/unchanged-run.js";

export interface SyncContext {
  readonly sqlite: Sqlite;
  readonly clock: Clock;
  /** New SCIM ids (random UUIDs; injectable so tests can recognise them). */
  readonly newId: () => string;
  /** The connector's key for birth-date hashes (connectors/birth-date-key.ts); without it none are kept. */
  readonly birthDateKey?: (connectorId: string) => Buffer;
}

/** How a run ended. Failures are outcomes, not exceptions: they are recorded and shown, and the caller decides. */
export interface RunOutcome {
  readonly runId: number;
  readonly connectorId: string;
  readonly status: "succeeded" | "held" | "failed";
  /** One line for the admin: what was applied, why it was held, or why it failed. */
  readonly message: string;
  readonly stats: RunStats;
  /** Applied runs: people held for approval now, and how many of them this run held first. */
  readonly holds?: { readonly pending: number; readonly added: number };
  /** Set when the run failed. */
  readonly error?: SyncError;
}

export interface RunHooks {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: SourceProgress) => void;
  /** Called once the run has its record (the console links to it while it runs). */
  readonly onStart?: (runId: number) => void;
}

/**
 * One sync of one connector: read every company → plan (lifecycle, identity, mapping, groups) → hold or apply →
 * record. Nothing Okta sees changes unless the whole read succeeded and the plan passed the safety check; the
 * apply is one transaction together with the run record, so a crash leaves the previous generation served.
 */
export async function runSync(
  context: SyncContext,
  connector: ConnectorConfig,
  openSource: () => HrSource,
  trigger: RunTrigger,
  hooks: RunHooks = {},
): Promise<RunOutcome> {
  const { sqlite, clock } = context;
  const connectorId = connector.settings.id;
  const runId = startRun(sqlite, connectorId, trigger, clock().toISOString());
  hooks.onStart?.(runId);
  let read = { companies: 0, employees: 0 };
  let counters = () => ({ calls: 0, bytes: 0 });
  const stats = (): RunStats => ({ ...read, ...counters() });
  try {
    // Opened inside the run, so a source that cannot even be built (missing credentials) is a recorded failure.
    const source = openSource();
    const before = { calls: source.stats.calls, bytes: source.stats.bytesReceived };
    counters = () => ({ calls: source.stats.calls - before.calls, bytes: source.stats.bytesReceived - before.bytes });
    const key = context.birthDateKey?.(connectorId) ?? null;
    const today = todayIn(connector.settings.timezone, clock());
    // Hashed company by company as read, while one company's records are at hand (unchanged/read-digest.ts).
    const records = new Map<string, string>();
    const readAll = (rawReads: RawReads | null) =>
      readSource(source, connector, {
        today,
        ...(hooks.signal ? { signal: hooks.signal } : {}),
        onProgress: (progress) => {
          read = { companies: progress.companiesDone, employees: progress.employeesRead };
          hooks.onProgress?.(progress);
        },
        onCompany: (company, people) => records.set(company.number, companyRecordsHash(company, people, key)),
        ...(rawReads ? { rawReads } : {}),
      });
    // Without a key no raw digest is taken (read-digest.ts rawAnswersKey): the run is compared by its records.
    let rawReads = key ? rawReadsOf(context, connector.settings, today, rawAnswersKey(key)) : null;
    let persons = await readAll(rawReads);
    if (rawReads?.everyCompanySkipped()) {
      const hashes = { records, raw: rawReads.digests, by: "raw" as const };
      // Today as the run is recorded: a read that crossed midnight misses, and plans on the new day.
      const now = todayIn(connector.settings.timezone, clock());
      const skipped = recordIfUnchanged(context, connector.settings, runId, now, hashes, stats());
      if (skipped) return { runId, connectorId, status: "succeeded", ...skipped };
      // The basis changed while the source was read (a decision, a held run): read again in full, as a first run.
      rawReads = rawReads.readingAllAgain();
      persons = await readAll(rawReads);
    }
    return decide(context, connector, runId, { persons, records, raw: rawReads?.digests ?? new Map() }, stats());
  } catch (error) {
    const failure = toSyncError(error, connectorId);
    finishRun(sqlite, runId, {
      status: "failed",
      finishedAt: clock().toISOString(),
      stats: stats(),
      error: failure.message,
    });
    return { runId, connectorId, status: "failed", message: failure.message, stats: stats(), error: failure };
  }
}

function decide(
  context: SyncContext,
  connector: ConnectorConfig,
  runId: number,
  read: {
    readonly persons: HrPerson[];
    readonly records: ReadonlyMap<string, string>;
    readonly raw: ReadonlyMap<string, string>;
  },
  readStats: RunStats,
): RunOutcome {
  const { sqlite } = context;
  const { settings } = connector;
  const connectorId = settings.id;
  const now = context.clock();
  const at = now.toISOString();
  const today = todayIn(settings.timezone, now);
  const skipped = recordIfUnchanged(context, settings, runId, today, { ...read, by: "records" }, readStats);
  if (skipped) return { runId, connectorId, status: "succeeded", ...skipped };
  const { plan, keys, apiSwitch, brake } = planRun(context, connector, read.persons, now);
  // The plan's subjects hold the people from here: the run's list of them would keep every one alive to the end of
  // the apply, which lets each go once their resource and row are written (DirectoryPlan.handOver).
  read.persons.length = 0;
  const stats = { ...readStats, ...servedCounts(plan), groupBudget: plan.groupBudget };

  // Switching APIs is all or nothing: a half-matched switch would give Okta new users for old ones.
  if (apiSwitch?.hold.hold) {
    const heldPlan = heldPlanOf(sqlite, connectorId, plan, keys, now);
    const message = `held for approval: the run ${apiSwitch.hold.reason}`;
    sqlite
      .transaction(() => {
        replaceProblems(sqlite, connectorId, runId, plan.problems);
        supersedeHeldRuns(sqlite, connectorId, runId, at);
        const held = { baseGen: heldPlan.baseGen, plan: encodeHeldPlan(heldPlan), affected: apiSwitch.affected };
        finishRun(sqlite, runId, { status: "held", finishedAt: at, stats, error: message, ...held });
      })
      .immediate();
    return { runId, connectorId, status: "held", message, stats };
  }

  return sqlite
    .transaction((): RunOutcome => {
      const baseGen = currentGeneration(sqlite, connectorId);
      const writes = { resources: plan.handOver, transitions: plan.transitions() };
      const { changes } = applyPlan(
        sqlite,
        { connectorId, runId, historyDays: settings.historyDays, retentionDays: settings.retentionDays },
        { ...plan, ...writes, keys },
        now,
      );
      recordChangeDigest(sqlite, connectorId, runId, baseGen, changes);
      replaceProblems(sqlite, connectorId, runId, plan.problems);
      recordGeneratedLogins(sqlite, connectorId, plan.logins.given, at);
      const added = replaceHolds(sqlite, connectorId, runId, plan.holds, at);
      // With the decisions as this run leaves them: what the next run reads if nobody changes anything.
      const fingerprint = planFingerprintOf(sqlite, settings, today);
      replaceStoredDigests(
        sqlite,
        connectorId,
        runId,
        withBasis(fingerprint, read.records),
        withBasis(fingerprint, read.raw),
      );
      const pending = countPendingHolds(sqlite, connectorId);
      const applied = {
        ...stats,
        created: changes.created.length,
        updated: changes.updated.length,
        removed: changes.removed.length,
        held: pending,
        ...(brake.tripped ? { brake: brake.tripped } : {}),
      };
      const message =
        summary(applied) +
        (pending > 0 ? `; ${pending} held for approval${brake.reason ? ` (${brake.reason})` : ""}` : "") +
        budgetWarning(plan.groupBudget);
      finishRun(sqlite, runId, {
        status: "succeeded",
        finishedAt: context.clock().toISOString(),
        baseGen,
        appliedGen: changes.gen,
        stats: applied,
      });
      return { runId, connectorId, status: "succeeded", message, stats: applied, holds: { pending, added } };
      // IMMEDIATE: the write lock is taken (waiting up to the busy timeout) before the first read. A deferred
      // transaction that reads first cannot wait for another process's lock and fails at once with SQLITE_BUSY.
    })
    .immediate();
}

/**
 * The plan of a run from what the source listed: the people known so far, re-keyed first when the connector has
 * switched APIs since its last applied run (its people then carry the other API's keys).
 */
export function planRun(
  context: SyncContext,
  connector: ConnectorConfig,
  persons: HrPerson[],
  now: Date,
): { plan: DirectoryPlan; keys: PeopleKeys; apiSwitch: ApiSwitchPlan | null; brake: RunBrake } {
  const { sqlite } = context;
  const { settings } = connector;
  const connectorId = settings.id;
  const birthDateHash = context.birthDateKey ? birthDateHasher(context.birthDateKey(connectorId)) : NO_BIRTH_DATE_HASH;
  const known = readKnownPeople(sqlite, connectorId);
  const keyKind = readSourceKeyKind(sqlite, connectorId);
  const match =
    keyKind !== null && keyKind !== settings.kind && known.size > 0
      ? matchPeople(known, persons, {
          birthDateHash,
          userName: (person) => chooseUserName(person, settings.identity)?.userName ?? null,
        })
      : null;
  const verdicts = readHoldVerdicts(sqlite, connectorId);
  const input = {
    settings,
    now,
    today: todayIn(settings.timezone, now),
    persons,
    known: match ? rekeyedKnown(known, match) : known,
    knownGroups: readKnownGroups(sqlite, connectorId),
    sequences: readSequences(sqlite, connectorId),
    servedUser: servedUserReader(sqlite, connectorId),
    newId: context.newId,
    birthDateHash,
    approved: verdicts.approved,
    generatedLogins: readGeneratedLogins(sqlite, connectorId),
    excluded: excludedScimIds(sqlite, connectorId),
    lastPerson: lastPersonReader(sqlite, connectorId),
  };
  let plan = planDirectory(input);
  const keys: PeopleKeys = { kind: settings.kind, rekeys: match?.matched.map(({ from, to }) => ({ from, to })) ?? [] };
  if (match)
    return {
      plan,
      keys,
      apiSwitch: apiSwitchPlan(match, plan, { from: keyKind!, to: settings.kind }),
      brake: NO_BRAKE,
    };
  const brake = brakeOf(plan, known, settings, verdicts);
  // Planned again with the held people frozen: what applies is exactly what a run without them would do.
  if (brake.held.size > 0) plan = planDirectory({ ...input, frozen: brake.held });
  return { plan, keys, apiSwitch: null, brake };
}

/** The brake of a run: whom it holds and why, and `tripped`, why this very run tripped it (null when only earlier holds wait). */
export interface RunBrake extends Brake {
  readonly tripped: string | null;
}

const NO_BRAKE: RunBrake = { held: new Set(), reason: null, tripped: null };

/**
 * Who the brake holds: the slice brakeSlice picks when the run trips it, plus everyone whose earlier brake hold is
 * still open (once held, a deactivation waits for a decision even if the next run would not trip the brake), minus
 * those an admin approved.
 */
function brakeOf(
  plan: DirectoryPlan,
  known: ReadonlyMap<string, KnownPerson>,
  settings: ConnectorConfig["settings"],
  verdicts: HoldVerdicts,
): RunBrake {
  const affected = plan.affected.filter((person) => !verdicts.brakeApproved.has(person.scimId));
  const servedBefore = new Map<string, number>();
  for (const person of known.values()) {
    if (isServed(person.state))
      servedBefore.set(person.companyNumber, (servedBefore.get(person.companyNumber) ?? 0) + 1);
  }
  const slice = brakeSlice({
    scope: settings.holdScope,
    maxDeactivationPercent: settings.maxDeactivationPercent,
    servedBefore,
    activeBefore: plan.counts.activeBefore,
    activeAfter: plan.counts.active,
    affected,
  });
  const held = new Set(slice.held);
  for (const person of affected) if (verdicts.brakeOpen.has(person.scimId)) held.add(person.scimId);
  // Renames are braked by the same share (docs/mapping.md): held people keep the userName Okta has.
  const renamed = plan.renamed.filter((person) => !verdicts.brakeApproved.has(person.scimId));
  const renames = renameDecision({
    servedBefore: [...servedBefore.values()].reduce((sum, count) => sum + count, 0),
    renamed: renamed.length,
    maxDeactivationPercent: settings.maxDeactivationPercent,
  });
  for (const person of renamed) if (renames.hold || verdicts.brakeOpen.has(person.scimId)) held.add(person.scimId);
  const tripped = [slice.reason, renames.hold ? `the run ${renames.reason}` : null].filter(Boolean).join("; ") || null;
  return {
    held,
    reason: tripped ?? (held.size > 0 ? "deactivations held earlier still wait for a decision" : null),
    tripped,
  };
}

function servedCounts(plan: DirectoryPlan) {
  const generated = plan.logins.given.length + plan.logins.suggested.length > 0;
  return {
    ...servedCounters(plan.counts),
    ...(generated ? { loginsGiven: plan.logins.given.length, loginsSuggested: plan.logins.suggested.length } : {}),
  };
}
