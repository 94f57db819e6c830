import type { HoldDecision } from "../../lifecycle/hold-policy.js";
import { isServed } from "../../lifecycle/lifecycle-state.js";
import { personLabel } from "../../lifecycle/person-names.js";
import type { MatchedBy, ApiSwitchMatch } from "./match.js";
import type { AffectedPerson, DirectoryPlan } from "../plan-types.js";

/**
 * What a run that switches APIs means for Okta. Everyone Okta sees must be matched: a served person left unmatched
 * would be deactivated, a person read now and matched to no one would reach Okta as a new user (a duplicate of the
 * one it has). Either holds the run with those people listed, whatever the hold threshold says.
 */
export interface ApiSwitchPlan {
  readonly from: string;
  readonly to: string;
  readonly matchedBy: Readonly<Record<MatchedBy, number>>;
  /** Served people with no match: deactivated if the run is approved. */
  readonly unmatchedServed: readonly AffectedPerson[];
  /** People read now, served by this run, matched to no one: new Okta users if the run is approved. */
  readonly newServed: readonly AffectedPerson[];
  /** Served people known without a birth-date hash (they could match by e-mail only). */
  readonly withoutBirthDateHash: number;
  readonly hold: HoldDecision;
  /** What a held run lists for review: the plan's own affected people and the would-be new users. */
  readonly affected: readonly AffectedPerson[];
}

export function apiSwitchPlan(
  match: ApiSwitchMatch,
  plan: DirectoryPlan,
  kinds: { from: string; to: string },
): ApiSwitchPlan {
  const matchedBy: Record<MatchedBy, number> = { "birth date": 0, "e-mail": 0, "e-mail only": 0 };
  for (const entry of match.matched) matchedBy[entry.by]++;
  const writes = new Map(Array.from(plan.people(), (write) => [write.sourceKey, write]));
  const affectedByScimId = new Map(plan.affected.map((person) => [person.scimId, person]));
  const unmatchedServed = match.unmatchedKnown
    .filter((person) => isServed(person.state))
    .map(
      (person): AffectedPerson =>
        affectedByScimId.get(person.scimId) ?? {
          scimId: person.scimId,
          sourceKey: person.sourceKey,
          companyNumber: person.companyNumber,
          label: `${person.employeeNumber} (company ${person.companyNumber})`,
          from: person.state,
          to: person.state,
          reason: `not found in ${kinds.to} under company ${person.companyNumber}, employee number ${person.employeeNumber} with the same birth date or e-mail`,
        },
    );
  const newServed = match.unmatchedNew.flatMap((person): AffectedPerson[] => {
    const write = writes.get(person.sourceKey);
    if (!write || !isServed(write.state)) return [];
    return [
      {
        scimId: write.scimId,
        sourceKey: person.sourceKey,
        companyNumber: person.company.number,
        label: personLabel(person),
        from: "pending",
        to: write.state,
        reason: `matches no one Okta sees from ${kinds.from} (company ${person.company.number}, employee number ${person.employeeNumber}, birth date, e-mail): Okta would import a new user`,
      },
    ];
  });
  const unmatched = unmatchedServed.length + newServed.length;
  const hold: HoldDecision =
    unmatched === 0
      ? { hold: false }
      : {
          hold: true,
          reason:
            `switches the connector from ${kinds.from} to ${kinds.to} and could not match ${unmatched} ${unmatched === 1 ? "person" : "people"} ` +
            `(${unmatchedServed.length} Okta sees would be deactivated, ${newServed.length} would reach Okta as new users); ` +
            `fix them in Nmbrs and run again, or approve to apply as listed`,
        };
  const seen = new Set(newServed.map((person) => person.scimId));
  return {
    from: kinds.from,
    to: kinds.to,
    matchedBy,
    unmatchedServed,
    newServed,
    withoutBirthDateHash: match.withoutBirthDateHash,
    hold,
    affected: [...plan.affected.filter((person) => !seen.has(person.scimId)), ...newServed],
  };
}
