import { foldCase } from "../../directory/fold-case.js";
import { domainChanged, emptiedAttributes } from "../../lifecycle/data-holds.js";
import { noUserNameReason } from "../../lifecycle/identity.js";
import { isServed } from "../../lifecycle/lifecycle-state.js";
import { personNames } from "../../lifecycle/person-names.js";
import type { CompiledMapping } from "../../mapping/connector-mapping.js";
import { mappingInput } from "../../mapping/mapping-input.js";
import type { HrPerson } from "../../sources/types.js";
import { labelOf, report, type Findings, type Subject } from "../plan-subject.js";
import type { HoldKind, PersonHold, PlanInput } from "../plan-types.js";

/*
 * Holds that stop one person's change (docs/holds.md): bad data keeps what Okta saw, the brake freezes a person
 * exactly as served. The rules deciding what counts as bad data are in lifecycle/data-holds.ts; this applies them
 * to a person being planned.
 */

/** The identity of a hold across runs: the same person, kind and held value is the same hold. */
export function holdKey(hold: Pick<PersonHold, "scimId" | "kind" | "fingerprint">): string {
  return `${hold.scimId}\u0000${hold.kind}\u0000${hold.fingerprint}`;
}

/** The first bad-data finding about a listed person, if any. */
export function dataHold(
  subject: Subject,
  input: PlanInput,
): { kind: Exclude<HoldKind, "brake">; detail: string; fingerprint: string } | null {
  const person = subject.person!;
  const userName = subject.userName;
  if (!userName) {
    // A generated login the format could not make: the expression's message says why, not "no e-mail".
    if (subject.mappingError)
      return { kind: "mapping", detail: subject.mappingError, fingerprint: subject.mappingError };
    return { kind: "no_email", detail: noUserNameReason(person, input.settings.identity), fingerprint: "" };
  }
  const nameMissing = missingName(person);
  if (nameMissing)
    return {
      kind: "no_name",
      detail: `no ${nameMissing} in HR (Okta cannot import a user without one)`,
      fingerprint: "",
    };
  const known = subject.known;
  if (!known || !isServed(known.state)) return null;
  const moved = domainChanged(known.emailFold, userName);
  if (moved) {
    const detail = `e-mail address moved from domain ${moved.from} to ${moved.to} (${userName})`;
    return { kind: "email_domain", detail, fingerprint: foldCase(userName) };
  }
  const watched = input.settings.holdWhenEmptied;
  if (watched.length === 0 || subject.personHash === known.personHash) return null;
  const served = input.servedUser(subject.scimId);
  const emptied = served ? emptiedAttributes(served, person, watched) : [];
  return emptied.length === 0
    ? null
    : { kind: "emptied", detail: `${emptied.join(", ")} became empty in HR`, fingerprint: emptied.join(",") };
}

/** Attributes Okta cannot import a user without: an expression for one that gives nothing holds the person. */
const REQUIRED_WHEN_MAPPED = ["givenName", "familyName"] as const;

/**
 * A person the admin's expressions cannot map (docs/mapping.md): the scope or an expression failed for their data,
 * or an override of a name Okta requires gave nothing. Held, like bad data: never a failed run. Otherwise the
 * values are kept on the subject for the resource and the rule groups.
 */
export function mappingHold(
  subject: Subject,
  input: PlanInput,
  mapping: CompiledMapping,
): { kind: "mapping"; detail: string; fingerprint: string } | null {
  const failed = (detail: string) => ({ kind: "mapping" as const, detail, fingerprint: detail });
  if (subject.mappingError) return failed(subject.mappingError);
  if (!mapping.hasExpressions) return null;
  const result = mapping.map(mappingInput(subject.person!, subject.life.period, input.today));
  if ("error" in result) return failed(result.error);
  const attributes = result.value.attributes;
  const empty = REQUIRED_WHEN_MAPPED.find((key) => key in attributes && attributes[key] === null);
  if (empty) return failed(`mapping.${empty} gives no value (Okta cannot import a user without one)`);
  subject.mapped = result.value;
  return null;
}

/**
 * A frozen person (held by the brake) stays served exactly as now, with their groups; false when there is nothing
 * served to keep. Their planned change is what waits for approval.
 */
export function freeze(subject: Subject, input: PlanInput, findings: Findings): boolean {
  const known = subject.known;
  const last = known && isServed(known.state) ? input.servedUser(subject.scimId) : undefined;
  if (!known || !last) return false;
  // Lifecycle reasons start with the state they lead to ("inactive: no longer listed by the HR system since …").
  const renamedTo = renameOf(subject);
  const planned = renamedTo
    ? `userName ${last.userName} → ${renamedTo}`
    : subject.life.state === known.state
      ? `stops being served: ${subject.life.reason}`
      : `${known.state} → ${subject.life.reason}`;
  findings.holds.push(hold(subject, "brake", "", planned));
  subject.serving = "kept";
  subject.kept = last;
  subject.state = known.state;
  subject.reason = known.stateReason;
  subject.held = "brake";
  subject.groupSource = subject.person ?? input.lastPerson?.(subject.sourceKey) ?? null;
  return true;
}

/**
 * Keeps a person with bad data as Okta last saw them, and records the hold. Approved, an attribute change goes
 * through; data that cannot be served at all (no e-mail, no name, a userName claimed twice) deactivates the account,
 * the nearest thing to what HR says that Okta can hold.
 */
export function holdData(
  subject: Subject,
  kind: Exclude<HoldKind, "brake">,
  detail: string,
  fingerprint: string,
  input: PlanInput,
  findings: Findings,
): void {
  const found = hold(subject, kind, fingerprint, detail);
  const approved = input.approved?.has(holdKey(found)) ?? false;
  if (approved && (kind === "email_domain" || kind === "emptied")) {
    subject.serving = "fresh";
    return;
  }
  report(findings.problems, subject, kind, detail);
  const last = subject.known && isServed(subject.known.state) ? input.servedUser(subject.scimId) : undefined;
  if (!last) {
    subject.serving = "none";
    subject.state = "problem";
    subject.reason = `problem: ${detail}`;
    return;
  }
  findings.holds.push(found);
  subject.serving = "kept";
  subject.held = "data";
  if (approved) {
    subject.kept = last.active === false ? last : { ...last, active: false };
    subject.state = "inactive";
    subject.reason = `deactivated on approval: ${detail}`;
  } else {
    subject.kept = last;
    subject.state = last.active === true ? "active" : "inactive";
    subject.reason = `kept as Okta last saw it until HR fixes or an admin approves: ${detail}`;
  }
}

function hold(subject: Subject, kind: HoldKind, fingerprint: string, detail: string): PersonHold {
  const companyNumber = subject.person?.company.number ?? subject.known!.companyNumber;
  return {
    scimId: subject.scimId,
    sourceKey: subject.sourceKey,
    companyNumber,
    label: labelOf(subject),
    kind,
    fingerprint,
    detail,
  };
}

/** The new userName of a person the brake holds for a rename (their state stays), or null. */
function renameOf(subject: Subject): string | null {
  const { known, userName, person } = subject;
  if (!known || !userName || !person || subject.life.state !== known.state || known.emailFold === null) return null;
  return foldCase(userName) === known.emailFold ? null : userName;
}

/** The name part Okta requires (first and last name) that HR left empty, if any. */
function missingName(person: HrPerson): string | null {
  const names = personNames(person);
  if (!names.givenName) return "first name, roepnaam or initials";
  return names.familyName ? null : "last name";
}
