import { foldCase } from "../directory/fold-case.js";
import { isServed } from "../lifecycle/lifecycle-state.js";
import { NO_BIRTH_DATE_HASH } from "./birth-date-hash.js";
import { labelOf, type Subject } from "./plan-subject.js";
import type {
  AffectedPerson,
  KnownPerson,
  PlanInput,
  PersonWrite,
  RenamedPerson,
  StateTransition,
} from "./plan-types.js";

/**
 * What a plan records besides the served resources, derived from the planned subjects: renamed users, lifecycle
 * transitions and the people rows that changed. Split from directory-plan.ts, which decides; this only reads the
 * decisions.
 */

/** Served users whose userName changes with this run's fresh data (a held person keeps theirs). */
export function renamesOf(subjects: readonly Subject[]): RenamedPerson[] {
  const renamed: RenamedPerson[] = [];
  for (const subject of subjects) {
    const { known, userName } = subject;
    if (subject.serving !== "fresh" || !known || !isServed(known.state) || known.emailFold === null || !userName)
      continue;
    const to = foldCase(userName);
    if (to !== known.emailFold)
      renamed.push({ scimId: subject.scimId, companyNumber: known.companyNumber, from: known.emailFold, to });
  }
  return renamed;
}

/**
 * Served users this run would deactivate or stop serving: needed at once (the brake, the notifications). Their
 * transitions are {@link transitionsOf}, made while they are written.
 */
export function affectedOf(subjects: readonly Subject[]): AffectedPerson[] {
  const affected: AffectedPerson[] = [];
  for (const subject of subjects) {
    // Held by the brake or excluded: nothing about the person changes until the hold is decided or they are included.
    if (untouched(subject)) continue;
    const { known, state, reason } = subject;
    if (
      known &&
      isServed(known.state) &&
      (subject.serving === "none" || (known.state === "active" && state !== "active"))
    ) {
      const companyNumber = subject.person?.company.number ?? known.companyNumber;
      affected.push({
        scimId: subject.scimId,
        sourceKey: subject.sourceKey,
        companyNumber,
        label: labelOf(subject),
        from: known.state,
        to: state,
        reason,
      });
    }
  }
  return affected;
}

/**
 * Lifecycle transitions, one at a time: in a first run everyone has one, and a list of them would be held from the
 * plan to the history, through the whole commit.
 */
export function* transitionsOf(subjects: readonly Subject[]): Generator<StateTransition> {
  for (const subject of subjects) {
    if (untouched(subject)) continue;
    const { known, state, reason } = subject;
    if (known?.state !== state) yield { scimId: subject.scimId, from: known?.state ?? null, to: state, reason };
  }
}

/**
 * The `people` rows that change, one at a time: a first run would otherwise hold a row object per person next to the
 * subjects they are made from, through the whole apply.
 */
export function* personWrites(
  subjects: readonly Subject[],
  input: Pick<PlanInput, "now" | "today" | "birthDateHash">,
): Generator<PersonWrite> {
  const rowOf = personRowMaker(input);
  for (const subject of subjects) {
    const write = rowOf(subject);
    if (write) yield write;
  }
}

/** What makes a subject's `people` row, or null when it does not change: one subject at a time, in any order. */
export function personRowMaker(
  input: Pick<PlanInput, "now" | "today" | "birthDateHash">,
): (subject: Subject) => PersonWrite | null {
  const now = input.now.toISOString();
  const birthDateHash = input.birthDateHash ?? NO_BIRTH_DATE_HASH;
  return (subject) => personWrite(subject, input.today, now, birthDateHash);
}

function personWrite(
  subject: Subject,
  today: PlanInput["today"],
  now: string,
  birthDateHash: NonNullable<PlanInput["birthDateHash"]>,
): PersonWrite | null {
  if (untouched(subject)) return null;
  const { known, state, reason } = subject;
  // Held for bad data: the stored record and hash stay those of the last good data, so the next run sees the
  // same change again (an emptied field is only noticed when the record changed).
  const person = subject.held === "data" ? null : subject.person;
  const listed = subject.person;
  const write: PersonWrite = {
    sourceKey: subject.sourceKey,
    scimId: subject.scimId,
    seq: subject.seq,
    companyNumber: listed?.company.number ?? known!.companyNumber,
    employeeNumber: listed?.employeeNumber ?? known!.employeeNumber,
    emailFold: emailFoldOf(subject),
    state,
    stateReason: reason,
    stateSince: known?.state === state ? known.stateSince : now,
    graceSince: subject.serving === "kept" && listed ? (known?.graceSince ?? null) : subject.life.graceSince,
    missingSince: listed ? null : (known!.missingSince ?? today),
    personHash: person ? subject.personHash : known!.personHash,
    // Kept while the person may still matter to Okta; a removed person's hash is left to the retention purge.
    birthDateHash: listed && state !== "removed" ? birthDateHash(listed.birthDate) : (known?.birthDateHash ?? null),
    person,
  };
  return !known || changed(known, write) ? write : null;
}

/** A person whose `people` row and state stay exactly as they are: held by the brake, or excluded. */
function untouched(subject: Subject): boolean {
  return subject.held === "brake" || subject.held === "excluded";
}

/** The folded userName the person is served with (a kept resource keeps its old one), or had when not listed. */
function emailFoldOf(subject: Subject): string | null {
  if (subject.serving === "kept") return foldCase(String(subject.kept!.userName));
  if (subject.userName) return foldCase(subject.userName);
  return subject.person ? null : subject.known!.emailFold;
}

const COMPARED: readonly (keyof KnownPerson)[] = [
  "companyNumber",
  "employeeNumber",
  "emailFold",
  "state",
  "stateReason",
  "graceSince",
  "missingSince",
  "personHash",
  "birthDateHash",
];

function changed(known: KnownPerson, write: PersonWrite): boolean {
  return COMPARED.some((key) => known[key] !== write[key]);
}
