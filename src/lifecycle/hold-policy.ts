/** The numbers a run's safety check looks at. */
export interface HoldInput {
  /** Users served now (active or inactive). */
  readonly servedBefore: number;
  /** Users active now, and after the run. */
  readonly activeBefore: number;
  readonly activeAfter: number;
  /** Served users the run would deactivate (active → inactive or gone) or stop serving. */
  readonly deactivatedOrRemoved: number;
  readonly maxDeactivationPercent: number;
}

export type HoldDecision = { readonly hold: false } | { readonly hold: true; readonly reason: string };

/**
 * Whether a run must wait for an admin instead of being applied. A broken or half-configured source looks exactly
 * like a mass departure, and Okta would act on it (and its own 20% import safeguard then blocks every import in the
 * org), so a run that deactivates or removes more than the allowed share of served users, or that would leave
 * nobody active after someone was (an empty answer; held even when the share allowed is 100%), is held. The first
 * run of a connector serves nobody before, so it never holds.
 */
export function holdDecision(input: HoldInput): HoldDecision {
  const { servedBefore, activeBefore, activeAfter, deactivatedOrRemoved, maxDeactivationPercent } = input;
  if (servedBefore === 0) return { hold: false };
  if (activeBefore > 0 && activeAfter === 0) return { hold: true, reason: `would leave no active users (${activeBefore} active now)` };
  const percent = (deactivatedOrRemoved / servedBefore) * 100;
  if (percent <= maxDeactivationPercent) return { hold: false };
  return {
    hold: true,
    reason:
      `would deactivate or remove ${deactivatedOrRemoved} of ${servedBefore} served users ` +
      `(${formatPercent(percent)}, more than the allowed ${maxDeactivationPercent}%)`,
  };
}

function formatPercent(percent: number): string {
  return `${Number.isInteger(percent) ? percent : percent.toFixed(1)}%`;
}
