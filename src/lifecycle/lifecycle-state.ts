import type { HrPeriod, IsoDate } from "../sources/types.js";
import { addDays } from "./calendar.js";
import { describeWorkPeriod, mergeWorkPeriods, type WorkPeriod } from "./work-periods.js";

/**
 * Where a person stands for Okta:
 * - `pending`: not visible yet (not served at all);
 * - `active`: served with active=true;
 * - `inactive`: served with active=false, so Okta deactivates the linked user instead of losing track of it;
 * - `removed`: no longer served.
 * `problem` is set by the sync for someone who would be served but cannot be (no e-mail, userName conflict).
 */
export type PersonState = "pending" | "active" | "inactive" | "removed" | "problem";

/** True for the states in which a person is served to Okta. */
export function isServed(state: PersonState): boolean {
  return state === "active" || state === "inactive";
}

export interface LifecycleRules {
  readonly daysBefore: number;
  readonly daysAfter: number;
  readonly retentionDays: number;
}

export interface Lifecycle {
  readonly state: Exclude<PersonState, "problem">;
  /** Why, in words an admin can check against HR ("inactive: employment ended 2026-10-31, …"). */
  readonly reason: string;
  /** The work period the state is about (served as startDate/endDate); null when no period explains it. */
  readonly period: WorkPeriod | null;
  /** First day of a grace period (see {@link lifecycleOf}); null when the dates alone decide. */
  readonly graceSince: IsoDate | null;
}

/** What the previous applied run decided for this person. */
export interface PreviousLifecycle {
  readonly state: PersonState;
  readonly graceSince: IsoDate | null;
}

export interface LifecycleInput {
  readonly periods: readonly HrPeriod[];
  readonly today: IsoDate;
  readonly rules: LifecycleRules;
  /** Null for a person seen for the first time. */
  readonly previous: PreviousLifecycle | null;
  /** Date of the first run that no longer found the person in the source; null while the source lists them. */
  readonly missingSince: IsoDate | null;
}

/**
 * The state of one person today. The dates decide ({@link stateByDates}), with one invariant on top: a person
 * who was served active never disappears at once. When they stop being listed by the source, or their dates
 * suddenly put them outside every window (an end date entered after the fact, a start date moved to later, the
 * gateway switched off for months), they are served inactive from that day for `retentionDays` (the grace period),
 * so Okta deactivates them and no import sees a mass disappearance.
 */
export function lifecycleOf(input: LifecycleInput): Lifecycle {
  const { previous, rules, today } = input;
  const wasServed = previous !== null && (previous.state === "active" || previous.state === "inactive");
  if (input.missingSince !== null) {
    const because = `no longer listed by the HR system since ${input.missingSince}`;
    if (!wasServed) return { state: "removed", reason: `removed: ${because}`, period: null, graceSince: null };
    return graceState(previous.graceSince ?? input.missingSince, because, today, rules);
  }
  const byDates = stateByDates(mergeWorkPeriods(input.periods), today, rules);
  if (byDates.state === "active" || byDates.state === "inactive") return byDates;
  const inGrace = previous?.state === "active" || (previous?.state === "inactive" && previous.graceSince !== null);
  if (!inGrace) return byDates;
  const because = `was active, but now ${byDates.reason}`;
  const grace = graceState(previous.graceSince ?? today, because, today, rules);
  return { state: grace.state, reason: grace.reason, period: byDates.period, graceSince: grace.graceSince };
}

function graceState(graceSince: IsoDate, because: string, today: IsoDate, rules: LifecycleRules): Lifecycle {
  const removeAfter = addDays(graceSince, rules.retentionDays);
  if (today > removeAfter) {
    return {
      state: "removed",
      reason: `removed: ${because}; removed after ${removeAfter}`,
      period: null,
      graceSince: null,
    };
  }
  return {
    state: "inactive",
    reason: `inactive: ${because}; inactive since ${graceSince}, removed after ${removeAfter}`,
    period: null,
    graceSince,
  };
}

/**
 * The state the dates alone give. A work period makes a person active from `daysBefore` days before its start
 * until `daysAfter` days after its end (both inclusive), then inactive for `retentionDays`, then removed.
 * Windows of separate periods may overlap (a rehire soon after leaving): active wins.
 */
export function stateByDates(periods: readonly WorkPeriod[], today: IsoDate, rules: LifecycleRules): Lifecycle {
  const windows = periods.map((period) => windowOf(period, rules));
  const current = windows.find(
    (window) => window.visibleFrom <= today && (window.activeUntil === null || today <= window.activeUntil),
  );
  if (current) return dated("active", current.period, activeReason(current, today, rules));
  const next = windows.find((window) => today < window.visibleFrom);
  const last = windows.filter((window) => window.activeUntil !== null && window.activeUntil < today).at(-1);
  if (last && last.removeAfter !== null && today <= last.removeAfter) {
    const rehire = next ? `; next ${describeWorkPeriod(next.period)} visible from ${next.visibleFrom}` : "";
    return dated(
      "inactive",
      last.period,
      `inactive: ${endedReason(last, rules)}; removed after ${last.removeAfter}${rehire}`,
    );
  }
  if (next) {
    return dated(
      "pending",
      next.period,
      `pending: ${describeWorkPeriod(next.period)}; visible from ${next.visibleFrom} (${days(rules.daysBefore)} before start)`,
    );
  }
  if (last)
    return dated(
      "removed",
      last.period,
      `removed: ${last.period.kind} ended ${last.period.end}; removed after ${last.removeAfter}`,
    );
  return dated("pending", null, "pending: no employment or contract with a start date");
}

interface Window {
  readonly period: WorkPeriod;
  readonly visibleFrom: IsoDate;
  /** Last active day; null = open-ended. */
  readonly activeUntil: IsoDate | null;
  /** Last day served inactive. */
  readonly removeAfter: IsoDate | null;
}

function windowOf(period: WorkPeriod, rules: LifecycleRules): Window {
  const activeUntil = period.end === null ? null : addDays(period.end, rules.daysAfter);
  return {
    period,
    visibleFrom: addDays(period.start, -rules.daysBefore),
    activeUntil,
    removeAfter: activeUntil === null ? null : addDays(activeUntil, rules.retentionDays),
  };
}

function activeReason(window: Window, today: IsoDate, rules: LifecycleRules): string {
  const { period } = window;
  if (today < period.start) {
    return `active: ${describeWorkPeriod(period)} starts ${period.start}; visible from ${window.visibleFrom} (${days(rules.daysBefore)} before start)`;
  }
  if (period.end === null) return `active: ${describeWorkPeriod(period)}`;
  const until = `active until ${window.activeUntil} (${days(rules.daysAfter)} after end)`;
  if (period.end < today) return `active: ${period.kind} ended ${period.end}; ${until}`;
  return `active: ${describeWorkPeriod(period)}; ${until}`;
}

function endedReason(window: Window, rules: LifecycleRules): string {
  return `${window.period.kind} ended ${window.period.end}, ${days(rules.daysAfter)} after end passed on ${window.activeUntil}`;
}

function dated(state: Lifecycle["state"], period: WorkPeriod | null, reason: string): Lifecycle {
  return { state, reason, period, graceSince: null };
}

function days(count: number): string {
  return count === 1 ? "1 day" : `${count} days`;
}
