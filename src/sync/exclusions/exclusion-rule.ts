import { isServed } from "../../lifecycle/lifecycle-state.js";
import type { PlanInput } from "../plan-types.js";
import type { Subject } from "../plan-subject.js";

/**
 * An excluded person (docs/holds.md, "Exclusions") is frozen exactly as Okta sees them now: served with the resource
 * served now and the groups their last stored record gave them, or not served when they are not now; their state and
 * `people` row stay as they are, so once included, the next run plans the change HR asks for from where they were
 * (a leaver then takes the normal leaver path and the brake). False when the gateway has no row for them yet: there
 * is nothing to freeze, and the person is planned as usual.
 */
export function exclude(subject: Subject, input: Pick<PlanInput, "servedUser" | "lastPerson">): boolean {
  const known = subject.known;
  if (!known) return false;
  subject.held = "excluded";
  subject.state = known.state;
  subject.reason = known.stateReason;
  const last = isServed(known.state) ? input.servedUser(subject.scimId) : undefined;
  if (!last) {
    subject.serving = "none";
    return true;
  }
  subject.serving = "kept";
  subject.kept = last;
  // The stored record, not today's: a department change in HR must not move an excluded person between groups.
  subject.groupSource = input.lastPerson?.(subject.sourceKey) ?? subject.person;
  return true;
}
