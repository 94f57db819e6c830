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
  if (activeBefore > 0 && activeAfter === 0)
    return { hold: true, reason: `would leave no active users (${activeBefore} active now)` };
  const percent = (deactivatedOrRemoved / servedBefore) * 100;
  if (percent <= maxDeactivationPercent) return { hold: false };
  return {
    hold: true,
    reason:
      `would deactivate or remove ${deactivatedOrRemoved} of ${servedBefore} served users ` +
      `(${formatPercent(percent)}, more than the allowed ${maxDeactivationPercent}%)`,
  };
}

/**
 * Whether a run changes the userName of too many served users: Okta renames each account, and a mapping or identity
 * change that renames half the company is as much a surprise as a mass deactivation. The same share applies.
 */
export function renameDecision(input: {
  readonly servedBefore: number;
  readonly renamed: number;
  readonly maxDeactivationPercent: number;
}): HoldDecision {
  const { servedBefore, renamed, maxDeactivationPercent } = input;
  if (servedBefore === 0 || renamed === 0) return { hold: false };
  const percent = (renamed / servedBefore) * 100;
  if (percent <= maxDeactivationPercent) return { hold: false };
  return {
    hold: true,
    reason:
      `would change the userName of ${renamed} of ${servedBefore} served users ` +
      `(${formatPercent(percent)}, more than the allowed ${maxDeactivationPercent}%)`,
  };
}

function formatPercent(percent: number): string {
  return `${Number.isInteger(percent) ? percent : percent.toFixed(1)}%`;
}

/** Which deactivations a tripped brake holds: all of the connector's, or only those of the companies that tripped. */
export type HoldScope = "connector" | "company";

export interface BrakeInput {
  readonly scope: HoldScope;
  readonly maxDeactivationPercent: number;
  /** Served users before the run, by company. */
  readonly servedBefore: ReadonlyMap<string, number>;
  readonly activeBefore: number;
  readonly activeAfter: number;
  /** Served users the run would deactivate or stop serving, not yet approved, with their company. */
  readonly affected: readonly { readonly scimId: string; readonly companyNumber: string }[];
}

export interface Brake {
  /** SCIM ids whose deactivation or removal waits for approval; everything else the run decided applies. */
  readonly held: ReadonlySet<string>;
  /** Why, for the admin; null when nothing is held. */
  readonly reason: string | null;
}

/**
 * The selective brake. The connector-wide check (holdDecision) decides whether the run looks like a broken source;
 * if so, only the deactivations and removals wait: hires and attribute changes still reach Okta. With scope
 * "company", only the companies whose own share exceeds the limit are held, so one company that returns half its
 * people does not hold the leavers of the others; when no single company exceeds it (the loss is spread), all are.
 */
export function brakeSlice(input: BrakeInput): Brake {
  const servedTotal = [...input.servedBefore.values()].reduce((sum, count) => sum + count, 0);
  const decision = holdDecision({
    servedBefore: servedTotal,
    activeBefore: input.activeBefore,
    activeAfter: input.activeAfter,
    deactivatedOrRemoved: input.affected.length,
    maxDeactivationPercent: input.maxDeactivationPercent,
  });
  if (!decision.hold) return { held: new Set(), reason: null };
  const everyone = {
    held: new Set(input.affected.map((person) => person.scimId)),
    reason: `the run ${decision.reason}`,
  };
  if (input.scope === "connector" || input.activeAfter === 0) return everyone;

  const affectedBy = new Map<string, number>();
  for (const person of input.affected)
    affectedBy.set(person.companyNumber, (affectedBy.get(person.companyNumber) ?? 0) + 1);
  const tripped = [...affectedBy].filter(([company, count]) => {
    const served = input.servedBefore.get(company) ?? 0;
    return served === 0 || (count / served) * 100 > input.maxDeactivationPercent;
  });
  if (tripped.length === 0) return everyone;
  const companies = new Set(tripped.map(([company]) => company));
  const detail = tripped
    .map(([company, count]) => `company ${company}: ${count} of ${input.servedBefore.get(company) ?? 0}`)
    .join("; ");
  return {
    held: new Set(
      input.affected.filter((person) => companies.has(person.companyNumber)).map((person) => person.scimId),
    ),
    reason: `the run ${decision.reason}; held for the companies over ${input.maxDeactivationPercent}% (${detail})`,
  };
}
